#include "src/output_compare.hpp"

#include <cctype>
#include <optional>
#include <vector>

#include "src/python_literal.hpp"

namespace snipcheck {
namespace {

// Beyond this many cells the diff stops looking for a longest common
// subsequence and shows the differing middle as removed then added.
constexpr std::size_t k_max_diff_cells = 4'000'000;
constexpr std::size_t k_max_diff_lines = 40;
constexpr std::size_t k_max_diff_line_chars = 400;

bool is_blank_char(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Lines with \r\n and \r read as \n, trailing blanks of each line and
// blank lines before and after the text removed.
std::vector<std::string> exact_lines(std::string_view text) {
    std::vector<std::string> lines;
    std::string current;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
            lines.push_back(std::move(current));
            current.clear();
        } else {
            current += c;
        }
    }
    lines.push_back(std::move(current));
    for (std::string& line : lines) {
        while (!line.empty() && is_blank_char(line.back())) {
            line.pop_back();
        }
    }
    std::size_t first = 0;
    while (first < lines.size() && lines[first].empty()) {
        ++first;
    }
    std::size_t last = lines.size();
    while (last > first && lines[last - 1].empty()) {
        --last;
    }
    return {lines.begin() + static_cast<std::ptrdiff_t>(first), lines.begin() + static_cast<std::ptrdiff_t>(last)};
}

// A line with leading blanks gone and each inner run of blanks one space.
std::string collapse_blanks(std::string_view line) {
    std::string out;
    bool in_blank = false;
    for (char c : line) {
        if (is_blank_char(c)) {
            in_blank = true;
            continue;
        }
        if (in_blank && !out.empty()) {
            out += ' ';
        }
        in_blank = false;
        out += c;
    }
    return out;
}

std::vector<std::string> collapse_lines(const std::vector<std::string>& lines) {
    std::vector<std::string> out;
    out.reserve(lines.size());
    for (const std::string& line : lines) {
        out.push_back(collapse_blanks(line));
    }
    return out;
}

bool is_hex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

// `0x7f3a2c...` (6 or more hex digits) inside a `<...>` repr -> `0x?`:
// addresses differ each run. A bare `0xdeadbeef` is a printed number
// (`hex(n)`) and still counts.
std::string mask_addresses(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    int angles = 0;
    std::size_t i = 0;
    while (i < line.size()) {
        const char c = line[i];
        if (c == '<') {
            ++angles;
        } else if (c == '>' && angles > 0) {
            --angles;
        } else if (c == '0' && angles > 0 && i + 1 < line.size() && (line[i + 1] == 'x' || line[i + 1] == 'X')) {
            std::size_t end = i + 2;
            while (end < line.size() && is_hex(line[end])) {
                ++end;
            }
            if (end - i - 2 >= 6) {
                out += "0x?";
                i = end;
                continue;
            }
        }
        out += c;
        ++i;
    }
    return out;
}

std::vector<std::string> mask_lines(const std::vector<std::string>& lines) {
    std::vector<std::string> out;
    out.reserve(lines.size());
    for (const std::string& line : lines) {
        out.push_back(mask_addresses(line));
    }
    return out;
}

std::string join(const std::vector<std::string>& lines) {
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) {
            out += '\n';
        }
        out += lines[i];
    }
    return out;
}

bool values_equal(const std::vector<PyValue>& a, const std::vector<PyValue>& b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!python_values_equal(a[i], b[i])) {
            return false;
        }
    }
    return true;
}

// Both texts read as the same Python values: the whole text at once (a
// pretty-printed dict spans lines), else line by line, where a line may
// also match as text once blanks are collapsed.
bool equal_as_values(const std::vector<std::string>& expected, const std::vector<std::string>& actual) {
    const auto whole_expected = parse_python_values(join(expected));
    if (whole_expected) {
        const auto whole_actual = parse_python_values(join(actual));
        if (whole_actual && values_equal(*whole_expected, *whole_actual)) {
            return true;
        }
    }
    if (expected.size() < 2 || expected.size() != actual.size()) {
        return false;
    }
    bool used_values = false;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        if (collapse_blanks(expected[i]) == collapse_blanks(actual[i])) {
            continue;
        }
        const auto line_expected = parse_python_values(expected[i]);
        const auto line_actual = line_expected ? parse_python_values(actual[i]) : std::nullopt;
        if (!line_actual || !values_equal(*line_expected, *line_actual)) {
            return false;
        }
        used_values = true;
    }
    return used_values;
}

// doctest's ELLIPSIS: each `...` in `pattern` matches any text. The pieces
// between are found left to right, which is exact for this pattern shape.
bool wildcard_match(std::string_view pattern, std::string_view text) {
    constexpr std::string_view k_dots = "...";
    std::vector<std::string_view> pieces;
    std::size_t start = 0;
    while (true) {
        const std::size_t at = pattern.find(k_dots, start);
        if (at == std::string_view::npos) {
            pieces.push_back(pattern.substr(start));
            break;
        }
        pieces.push_back(pattern.substr(start, at - start));
        start = at + k_dots.size();
    }
    if (pieces.size() < 2) {
        return false;
    }
    const std::string_view head = pieces.front();
    const std::string_view tail = pieces.back();
    if (!text.starts_with(head) || text.size() < head.size() + tail.size() || !text.ends_with(tail)) {
        return false;
    }
    std::size_t from = head.size();
    const std::size_t until = text.size() - tail.size();
    for (std::size_t i = 1; i + 1 < pieces.size(); ++i) {
        const std::size_t at = text.substr(0, until).find(pieces[i], from);
        if (at == std::string_view::npos) {
            return false;
        }
        from = at + pieces[i].size();
    }
    return true;
}

// `'P'` or `"hello world"` whose value is exactly what was printed.
bool equal_unquoted(const std::vector<std::string>& expected, const std::vector<std::string>& actual) {
    const std::optional<PyValue> literal = parse_python_literal(join(expected));
    if (!literal || literal->kind != PyKind::str) {
        return false;
    }
    const std::vector<std::string> value_lines = exact_lines(literal->text);
    return value_lines == actual || collapse_lines(value_lines) == collapse_lines(actual);
}

std::string clip(const std::string& line) {
    if (line.size() <= k_max_diff_line_chars) {
        return line;
    }
    return line.substr(0, k_max_diff_line_chars) + " …";
}

}  // namespace

std::string line_diff(std::string_view expected, std::string_view actual) {
    const std::vector<std::string> a = exact_lines(expected);
    const std::vector<std::string> b = exact_lines(actual);
    std::vector<std::string> out;
    // Lines the two share at the start and end need no table.
    std::size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
        ++prefix;
    }
    std::size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
        ++suffix;
    }
    const std::size_t n = a.size() - prefix - suffix;
    const std::size_t m = b.size() - prefix - suffix;
    if ((n + 1) * (m + 1) <= k_max_diff_cells) {
        // lcs[i][j]: longest common subsequence of a[i..] and b[j..] (middle parts).
        std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
        for (std::size_t i = n; i-- > 0;) {
            for (std::size_t j = m; j-- > 0;) {
                lcs[i][j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1][j + 1] + 1
                                                           : std::max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        std::size_t i = 0;
        std::size_t j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
                ++i;
                ++j;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                out.push_back("- " + clip(a[prefix + i++]));
            } else {
                out.push_back("+ " + clip(b[prefix + j++]));
            }
        }
    } else {
        for (std::size_t i = 0; i < n; ++i) {
            out.push_back("- " + clip(a[prefix + i]));
        }
        for (std::size_t j = 0; j < m; ++j) {
            out.push_back("+ " + clip(b[prefix + j]));
        }
    }
    if (b.empty()) {
        out.push_back("+ (no output)");
    }
    std::string diff;
    for (std::size_t k = 0; k < out.size() && k < k_max_diff_lines; ++k) {
        diff += out[k];
        diff += '\n';
    }
    if (out.size() > k_max_diff_lines) {
        diff += "… " + std::to_string(out.size() - k_max_diff_lines) + " more differing lines\n";
    }
    if (!diff.empty()) {
        diff.pop_back();
    }
    return diff;
}

// `<class 'complex'>` as IPython shows a class: `complex`, `shop.Item`.
std::string bare_class_names(std::string_view line) {
    static constexpr std::string_view k_open = "<class '";
    std::string out;
    std::size_t at = 0;
    while (true) {
        const std::size_t open = line.find(k_open, at);
        if (open == std::string_view::npos) {
            break;
        }
        const std::size_t name = open + k_open.size();
        std::size_t end = name;
        while (end < line.size() && (std::isalnum(static_cast<unsigned char>(line[end])) != 0 || line[end] == '_' ||
                                     line[end] == '.')) {
            ++end;
        }
        if (end == name || line.substr(end, 2) != "'>") {
            out.append(line.substr(at, name - at));
            at = name;
            continue;
        }
        out.append(line.substr(at, open - at));
        out.append(line.substr(name, end - name));
        at = end + 2;
    }
    out.append(line.substr(at));
    return out;
}

// The lines as IPython would show them, when they show a class at all.
bool equal_with_bare_classes(const std::vector<std::string>& expected, const std::vector<std::string>& actual) {
    if (expected.size() != actual.size()) {
        return false;
    }
    bool changed = false;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const std::string shown = bare_class_names(actual[i]);
        changed = changed || shown != actual[i];
        if (collapse_blanks(shown) != collapse_blanks(expected[i])) {
            return false;
        }
    }
    return changed;
}

CompareResult compare_output(std::string_view expected, std::string_view actual) {
    const std::vector<std::string> want = exact_lines(expected);
    const std::vector<std::string> got = exact_lines(actual);
    if (want == got) {
        return {true, "exact", {}};
    }
    const std::vector<std::string> want_collapsed = collapse_lines(want);
    const std::vector<std::string> got_collapsed = collapse_lines(got);
    if (want_collapsed == got_collapsed) {
        return {true, "whitespace", {}};
    }
    const std::vector<std::string> want_masked = mask_lines(want_collapsed);
    const std::vector<std::string> got_masked = mask_lines(got_collapsed);
    if (want_masked == got_masked) {
        return {true, "address", {}};
    }
    if (equal_as_values(want, got)) {
        return {true, "value", {}};
    }
    if (wildcard_match(join(want), join(got)) || wildcard_match(join(want_collapsed), join(got_collapsed)) ||
        wildcard_match(join(want_masked), join(got_masked))) {
        return {true, "wildcard", {}};
    }
    if (equal_unquoted(want, got)) {
        return {true, "unquoted", {}};
    }
    if (equal_with_bare_classes(want, got)) {
        return {true, "class-name", {}};
    }
    return {false, {}, line_diff(expected, actual)};
}

}  // namespace snipcheck
