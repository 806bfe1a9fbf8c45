#include "src/result_table_cells.hpp"

#include <array>
#include <cctype>

namespace snipcheck {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

}  // namespace

std::vector<std::string_view> split_table_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != '\n' && text[i] != '\r') {
            continue;
        }
        std::string_view line = text.substr(start, i - start);
        while (!line.empty() && is_blank(line.back())) {
            line.remove_suffix(1);
        }
        lines.push_back(line);
        if (i + 1 < text.size() && text[i] == '\r' && text[i + 1] == '\n') {
            ++i;
        }
        start = i + 1;
    }
    return lines;
}

std::string_view trim_blanks(std::string_view text) {
    while (!text.empty() && is_blank(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_blank(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

bool is_null_spelling(std::string_view cell) {
    constexpr std::array<std::string_view, 4> k_spellings = {"null", "-null-", "<null>", "(null)"};
    for (std::string_view spelling : k_spellings) {
        if (equals_ignoring_case(cell, spelling)) {
            return true;
        }
    }
    return false;
}

std::optional<std::string> read_cell(std::string_view written, EmptyCell empty) {
    const std::string_view cell = trim_blanks(written);
    if (is_null_spelling(cell) || (cell.empty() && empty == EmptyCell::null)) {
        return std::nullopt;
    }
    return std::string(cell);
}

std::vector<std::string_view> split_on_bars(std::string_view line) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == '|') {
            parts.push_back(line.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

std::vector<std::size_t> plus_positions(std::string_view border) {
    std::vector<std::size_t> positions;
    for (std::size_t i = 0; i < border.size(); ++i) {
        if (border[i] == '+') {
            positions.push_back(i);
        }
    }
    return positions;
}

std::optional<std::vector<std::string_view>> cut_at_bars(std::string_view line, const std::vector<std::size_t>& bars,
                                                          bool outer) {
    for (std::size_t bar : bars) {
        if (bar >= line.size() || line[bar] != '|') {
            return std::nullopt;
        }
    }
    if (bars.empty() || (outer && (bars.size() < 2 || bars.back() + 1 != line.size()))) {
        return std::nullopt;
    }
    std::vector<std::string_view> cells;
    if (!outer) {
        cells.push_back(line.substr(0, bars.front()));
    }
    for (std::size_t i = 0; i + 1 < bars.size(); ++i) {
        cells.push_back(line.substr(bars[i] + 1, bars[i + 1] - bars[i] - 1));
    }
    if (!outer) {
        cells.push_back(line.substr(bars.back() + 1));
    }
    return cells;
}

}  // namespace snipcheck
