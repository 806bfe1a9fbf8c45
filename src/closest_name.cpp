#include "src/closest_name.hpp"

#include <algorithm>
#include <vector>

namespace snipcheck {
namespace {

// Levenshtein distance, one row at a time.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

}  // namespace

std::string closest_name(std::string_view name, std::span<const std::string_view> known) {
    constexpr std::size_t k_max_edits = 2;
    std::string best;
    std::size_t best_distance = k_max_edits + 1;
    for (std::string_view candidate : known) {
        const std::size_t distance = edit_distance(name, candidate);
        if (distance < best_distance && distance * 2 < std::max(name.size(), candidate.size())) {
            best = std::string(candidate);
            best_distance = distance;
        }
    }
    return best;
}

}  // namespace snipcheck
