#pragma once
// ASCII lower case, for names that languages compare without case (tags,
// SQL identifiers, Dockerfile keywords). Bytes past ASCII pass unchanged.

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace snipcheck {

inline std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

}  // namespace snipcheck
