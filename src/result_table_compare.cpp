#include "src/result_table_compare.hpp"

#include <cctype>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "src/join.hpp"
#include "src/result_cell_compare.hpp"
#include "src/result_table_cells.hpp"

namespace snipcheck {
namespace {

using Row = std::vector<std::optional<std::string>>;

// Beyond this many row pairs the order-keeping diff shows rows side by side.
constexpr std::size_t k_max_row_pairs = 1'000'000;
// Up to this many row pairs the any-order match finds the most pairs there
// are (each augmenting search may compare every pair); beyond, it is greedy.
constexpr std::size_t k_max_exhaustive_pairs = 40'000;
constexpr std::size_t k_max_diff_lines = 40;

// The rules a match needed beyond equal text.
struct RulesUsed {
    bool unordered = false;
    bool numeric = false;
    bool unquoted = false;
};

// Do two rows match cell by cell? Adds the rules it needed to `used`.
bool rows_match(const Row& expected, const Row& actual, RulesUsed* used = nullptr) {
    if (expected.size() != actual.size()) {
        return false;
    }
    RulesUsed needed;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const CellMatch match = match_cell(expected[i], actual[i]);
        if (match == CellMatch::differ) {
            return false;
        }
        needed.numeric = needed.numeric || match == CellMatch::numeric;
        needed.unquoted = needed.unquoted || match == CellMatch::unquoted;
    }
    if (used != nullptr) {
        used->numeric = used->numeric || needed.numeric;
        used->unquoted = used->unquoted || needed.unquoted;
    }
    return true;
}

// Lower case, blanks at either end gone, inner runs of blanks one space.
std::string normalised_name(std::string_view name) {
    std::string out;
    for (char c : trim_blanks(name)) {
        if (c == ' ' || c == '\t') {
            if (!out.empty() && out.back() != ' ') {
                out += ' ';
            }
        } else {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return out;
}

bool columns_match(const std::vector<std::string>& expected, const std::vector<std::string>& actual) {
    if (expected.size() != actual.size()) {
        return false;
    }
    for (std::size_t i = 0; i < expected.size(); ++i) {
        if (normalised_name(expected[i]) != normalised_name(actual[i])) {
            return false;
        }
    }
    return true;
}

// Equal keys for rows whose cells are equal text (or both NULL).
std::string row_key(const Row& row) {
    std::string key;
    for (const std::optional<std::string>& cell : row) {
        if (!cell) {
            key += "N;";
            continue;
        }
        const std::string_view text = trim_blanks(*cell);
        key += std::to_string(text.size()) + ':';
        key += text;
    }
    return key;
}

// Pairs each expected row with a distinct actual row it matches, as many as
// possible: equal rows first, then augmenting paths (Kuhn) for the rows left,
// which match only by number or quotes if at all. pairs[i] is the actual row of expected i.
std::vector<std::optional<std::size_t>> pair_rows(const std::vector<Row>& expected, const std::vector<Row>& actual) {
    std::vector<std::optional<std::size_t>> pairs(expected.size());
    std::vector<std::optional<std::size_t>> owner(actual.size());
    std::unordered_map<std::string, std::vector<std::size_t>> by_key;
    for (std::size_t j = actual.size(); j-- > 0;) {
        by_key[row_key(actual[j])].push_back(j);
    }
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto found = by_key.find(row_key(expected[i]));
        if (found == by_key.end() || found->second.empty()) {
            open.push_back(i);
            continue;
        }
        pairs[i] = found->second.back();
        owner[*pairs[i]] = i;
        found->second.pop_back();
    }
    // Searching all rows lets a row matched by equal text move over to make
    // room: "7.5" may take 7.54 so that "7.50" can have 7.5.
    const bool exhaustive = expected.size() * actual.size() <= k_max_exhaustive_pairs;
    std::vector<std::size_t> candidates;
    for (std::size_t j = 0; j < actual.size(); ++j) {
        if (exhaustive || !owner[j]) {
            candidates.push_back(j);
        }
    }
    std::vector<char> visited(actual.size());
    // Finds expected row i an actual row, moving earlier pairings along.
    auto augment = [&](auto& self, std::size_t i) -> bool {
        for (std::size_t j : candidates) {
            if (visited[j] != 0 || !rows_match(expected[i], actual[j])) {
                continue;
            }
            visited[j] = 1;
            if (!owner[j] || (exhaustive && self(self, *owner[j]))) {
                owner[j] = i;
                pairs[i] = j;
                return true;
            }
        }
        return false;
    };
    for (std::size_t i : open) {
        std::fill(visited.begin(), visited.end(), 0);
        augment(augment, i);
    }
    return pairs;
}

void add_line(std::vector<std::string>& lines, char sign, const Row& row) {
    lines.push_back(std::string(1, sign) + ' ' + format_result_row(row));
}

// The rows of a longest common subsequence left out, as "- " and "+ " lines;
// past k_max_row_pairs, the rows that differ position by position.
std::vector<std::string> ordered_diff(const std::vector<Row>& expected, const std::vector<Row>& actual) {
    const std::size_t n = expected.size();
    const std::size_t m = actual.size();
    std::vector<std::string> lines;
    if ((n + 1) * (m + 1) > k_max_row_pairs) {
        for (std::size_t i = 0; i < std::max(n, m); ++i) {
            if (i < n && i < m && rows_match(expected[i], actual[i])) {
                continue;
            }
            if (i < n) {
                add_line(lines, '-', expected[i]);
            }
            if (i < m) {
                add_line(lines, '+', actual[i]);
            }
        }
        return lines;
    }
    // common[i][j]: length of the longest common subsequence of the tails.
    std::vector<std::vector<std::uint32_t>> common(n + 1, std::vector<std::uint32_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;) {
        for (std::size_t j = m; j-- > 0;) {
            common[i][j] = rows_match(expected[i], actual[j]) ? common[i + 1][j + 1] + 1
                                                              : std::max(common[i + 1][j], common[i][j + 1]);
        }
    }
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && common[i][j] == common[i + 1][j + 1] + 1 && rows_match(expected[i], actual[j])) {
            ++i;
            ++j;
        } else if (j == m || (i < n && common[i + 1][j] >= common[i][j + 1])) {
            add_line(lines, '-', expected[i++]);
        } else {
            add_line(lines, '+', actual[j++]);
        }
    }
    return lines;
}

std::string capped(std::vector<std::string> lines) {
    if (lines.size() > k_max_diff_lines) {
        const std::size_t more = lines.size() - k_max_diff_lines;
        lines.resize(k_max_diff_lines);
        lines.push_back("... " + std::to_string(more) + " more lines");
    }
    return join(lines, "\n");
}

std::string how_matched(const RulesUsed& used) {
    std::vector<std::string> rules;
    for (const auto& [needed, name] : {std::pair{used.unordered, "unordered"}, std::pair{used.numeric, "numeric"},
                                       std::pair{used.unquoted, "unquoted"}}) {
        if (needed) {
            rules.emplace_back(name);
        }
    }
    return rules.empty() ? "exact" : join(rules, "+");
}

}  // namespace

TableComparison compare_tables(const ResultTable& expected, const ResultTable& actual, RowOrder order) {
    std::vector<std::string> lines;
    if (!expected.columns.empty() && !columns_match(expected.columns, actual.columns)) {
        lines.push_back("- columns: " + join(expected.columns, ", "));
        lines.push_back("+ columns: " + join(actual.columns, ", "));
    }
    RulesUsed used;
    bool in_order = expected.rows.size() == actual.rows.size();
    for (std::size_t i = 0; in_order && i < expected.rows.size(); ++i) {
        in_order = rows_match(expected.rows[i], actual.rows[i], &used);
    }
    if (in_order) {
        return lines.empty() ? TableComparison{true, how_matched(used), ""} : TableComparison{false, "", capped(lines)};
    }
    used = RulesUsed{};
    const std::vector<std::optional<std::size_t>> pairs = pair_rows(expected.rows, actual.rows);
    std::vector<char> paired_actual(actual.rows.size());
    bool all_paired = expected.rows.size() == actual.rows.size();
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        if (pairs[i]) {
            paired_actual[*pairs[i]] = 1;
            rows_match(expected.rows[i], actual.rows[*pairs[i]], &used);
        } else {
            all_paired = false;
        }
    }
    if (all_paired && order == RowOrder::any && lines.empty()) {
        used.unordered = true;
        return {true, how_matched(used), ""};
    }
    if (order == RowOrder::as_written) {
        if (all_paired) {
            lines.emplace_back("the same rows in another order:");
        }
        for (std::string& line : ordered_diff(expected.rows, actual.rows)) {
            lines.push_back(std::move(line));
        }
        return {false, "", capped(lines)};
    }
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        if (!pairs[i]) {
            add_line(lines, '-', expected.rows[i]);
        }
    }
    for (std::size_t j = 0; j < actual.rows.size(); ++j) {
        if (paired_actual[j] == 0) {
            add_line(lines, '+', actual.rows[j]);
        }
    }
    return {false, "", capped(lines)};
}

}  // namespace snipcheck
