#pragma once
// The files that stand in for the author's: a throwaway self-signed
// certificate and its key, Diffie-Hellman parameters, a session ticket key,
// a password file, empty included files. The key material is made once per
// process with `openssl` (in the same sandbox as the tools) and kept in
// memory; each check writes copies into its own scratch folder.

#include <string>
#include <vector>

#include "runners/nginx/nginx_rewrites.hpp"
#include "runners/tool_process.hpp"

namespace snipcheck::runners::nginx {

// Throwaway key material, or the error that prevented making it.
struct StandInMaterial {
    std::string certificate;  // PEM, CN=snipcheck, valid two days
    std::string private_key;  // PEM, unencrypted EC P-256
    std::string dhparam;      // PEM, the ffdhe2048 group
    std::string error;        // why there is none ("openssl is not installed")
};

// The key material, made on first use; later calls return the same (or the same error).
const StandInMaterial& stand_in_material();

// True when one of `files` needs the key material (an empty file does not).
bool needs_material(const std::vector<StandInFile>& files);

// Writes `files` into `scratch`; "" on success, else what could not be written.
std::string write_stand_ins(const ScratchFolder& scratch, const std::vector<StandInFile>& files,
                            const StandInMaterial& material);

}  // namespace snipcheck::runners::nginx
