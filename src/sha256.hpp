#pragma once
// SHA-256 (FIPS 180-4), for the HTML report's Content-Security-Policy, which
// names the one inline script it allows by its hash.

#include <string>
#include <string_view>

namespace snipcheck {

// The digest of `bytes` in base64 with padding, as CSP writes it
// ('sha256-<this>').
std::string sha256_base64(std::string_view bytes);

}  // namespace snipcheck
