#pragma once
// Joins strings with a separator, for the reports' one-line lists.

#include <cstddef>
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

// The first `limit` items joined with ", ", then " and N more" for the rest.
inline std::string join_first(const std::vector<std::string>& items, std::size_t limit) {
    const std::size_t shown = items.size() < limit ? items.size() : limit;
    std::string out = join(std::vector<std::string>(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(shown)), ", ");
    if (shown < items.size()) {
        out += " and " + std::to_string(items.size() - shown) + " more";
    }
    return out;
}

}  // namespace snipcheck
