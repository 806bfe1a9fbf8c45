#include "src/document_uri.hpp"

#include <string_view>

#include <fmt/format.h>

namespace snipcheck {
namespace {

bool unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~' || c == '/';
}

std::string percent_encoded(std::string_view path) {
    std::string out;
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        if (unreserved(byte)) {
            out += c;
        } else {
            out += fmt::format("%{:02X}", byte);
        }
    }
    return out;
}

}  // namespace

std::string document_uri(const std::string& path) {
    if (!path.empty() && path.front() == '/') {
        return "file://" + percent_encoded(path);
    }
    std::string_view relative = path;
    while (relative.substr(0, 2) == "./") {
        relative.remove_prefix(2);
    }
    return percent_encoded(relative);
}

}  // namespace snipcheck
