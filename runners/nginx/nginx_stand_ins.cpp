#include "runners/nginx/nginx_stand_ins.hpp"

#include <fstream>
#include <mutex>
#include <sstream>

namespace snipcheck::runners::nginx {
namespace {

constexpr double k_openssl_timeout_seconds = 20;
// nginx accepts session ticket key files of exactly 48 or 80 bytes.
constexpr std::size_t k_ticket_key_bytes = 80;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Runs openssl in `scratch`; "" when it succeeded, else why not.
std::string run_openssl(const ScratchFolder& scratch, std::vector<std::string> argv) {
    ToolRequest request;
    request.argv = std::move(argv);
    request.scratch = &scratch;
    request.timeout_seconds = k_openssl_timeout_seconds;
    const ToolResult result = run_tool(request);
    if (!result.started) {
        return result.error;
    }
    if (result.timed_out || result.exit_code != 0) {
        return "openssl " + request.argv[1] + " failed: " + result.stderr_text.substr(0, 300);
    }
    return {};
}

StandInMaterial make_material() {
    StandInMaterial material;
    ScratchFolder scratch;
    if (!scratch.error().empty()) {
        material.error = scratch.error();
        return material;
    }
    material.error = run_openssl(scratch, {"openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                                           "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj",
                                           "/CN=snipcheck", "-keyout", "key.pem", "-out", "cert.pem"});
    if (material.error.empty()) {
        material.error = run_openssl(scratch, {"openssl", "genpkey", "-genparam", "-algorithm", "DH", "-pkeyopt",
                                               "group:ffdhe2048", "-out", "dh.pem"});
    }
    if (!material.error.empty()) {
        return material;
    }
    material.certificate = read_file(scratch.path() + "/cert.pem");
    material.private_key = read_file(scratch.path() + "/key.pem");
    material.dhparam = read_file(scratch.path() + "/dh.pem");
    if (material.certificate.empty() || material.private_key.empty() || material.dhparam.empty()) {
        material.error = "openssl wrote no certificate, key or dhparam";
    }
    return material;
}

}  // namespace

const StandInMaterial& stand_in_material() {
    static std::once_flag once;
    static StandInMaterial material;
    std::call_once(once, [] { material = make_material(); });
    return material;
}

bool needs_material(const std::vector<StandInFile>& files) {
    for (const StandInFile& file : files) {
        if (file.kind != StandInKind::empty_config && file.kind != StandInKind::ticket_key &&
            file.kind != StandInKind::password) {
            return true;
        }
    }
    return false;
}

std::string write_stand_ins(const ScratchFolder& scratch, const std::vector<StandInFile>& files,
                            const StandInMaterial& material) {
    for (const StandInFile& file : files) {
        std::string text;
        switch (file.kind) {
        case StandInKind::certificate:
            text = material.certificate;
            break;
        case StandInKind::private_key:
            text = material.private_key;
            break;
        case StandInKind::dhparam:
            text = material.dhparam;
            break;
        case StandInKind::ticket_key:
            text = std::string(k_ticket_key_bytes, 'k');
            break;
        case StandInKind::password:
            text = "snipcheck\n";
            break;
        case StandInKind::empty_config:
            break;
        }
        if (!scratch.write(file.name, text)) {
            return "cannot write " + file.name + " into the scratch folder";
        }
    }
    return {};
}

}  // namespace snipcheck::runners::nginx
