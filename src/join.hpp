#pragma once
// Joins strings with a separator, for the reports' one-line lists.

#include <string>
#include <string_view>
#include <vector>

namespace snipcheck {

inline std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty()) {
            out += separator;
        }
        out += item;
    }
    return out;
}

}  // namespace snipcheck
