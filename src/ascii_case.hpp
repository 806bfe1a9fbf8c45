#pragma once
// ASCII lower case, for names that languages compare without case (tags,
// SQL identifiers, Dockerfile keywords). Bytes past ASCII pass unchanged.

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace snipcheck {

// One byte in ASCII lower (upper) case, as std::tolower (toupper) gives in
// the "C" locale snipcheck never leaves, but inline: tags, labels and
// keywords are compared on every block.
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

inline std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
    return out;
}

// Whether `text` is `lower_case` (all lower case already) but for ASCII
// case, without building a lower-cased copy of `text`.
inline bool equals_lower(std::string_view text, std::string_view lower_case) {
    if (text.size() != lower_case.size()) {
        return false;
    }
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (ascii_lower(text[i]) != lower_case[i]) {
            return false;
        }
    }
    return true;
}

}  // namespace snipcheck
