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

// Whether `text` is `lower_case` (all lower case already) but for ASCII
// case, without building a lower-cased copy of `text`.
inline bool equals_lower(std::string_view text, std::string_view lower_case) {
    if (text.size() != lower_case.size()) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != static_cast<unsigned char>(lower_case[i])) {
            return false;
        }
    }
    return true;
}

}  // namespace snipcheck
