#include "src/result_table_aligned.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "src/result_table_cells.hpp"

namespace snipcheck {
namespace {

using Row = std::vector<std::optional<std::string>>;

// `----+------+---`: dash runs joined by single plus marks, at least two runs.
bool is_psql_separator(std::string_view line) {
    return line.size() >= 3 && line.front() == '-' && line.back() == '-' &&
           line.find_first_not_of("+-") == std::string_view::npos && line.find('+') != std::string_view::npos &&
           line.find("++") == std::string_view::npos;
}

// Where each dash run of a sqlite3 column separator starts and ends.
struct DashRun {
    std::size_t start;
    std::size_t end;
};

std::vector<DashRun> dash_runs(std::string_view line) {
    std::vector<DashRun> runs;
    if (line.find_first_not_of("- ") != std::string_view::npos) {
        return runs;
    }
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '-' && (i == 0 || line[i - 1] == ' ')) {
            runs.push_back({i, i});
        }
        if (line[i] == '-') {
            runs.back().end = i + 1;
        }
    }
    return runs;
}

// Text only inside the dash runs, and no further than the last run reaches:
// an aligned column line, not a sentence under a dashed underline.
bool fits_runs(std::string_view line, const std::vector<DashRun>& runs) {
    if (line.size() > runs.back().end) {
        return false;
    }
    std::size_t run = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        while (run < runs.size() && runs[run].end <= i) {
            ++run;
        }
        if (line[i] != ' ' && (run == runs.size() || i < runs[run].start)) {
            return false;
        }
    }
    return true;
}

// The part of `line` under each run, from the run's start to the next run's.
std::vector<std::string_view> cut_at_runs(std::string_view line, const std::vector<DashRun>& runs) {
    std::vector<std::string_view> cells;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const std::size_t start = std::min(runs[i].start, line.size());
        const std::size_t end = i + 1 < runs.size() ? std::min(runs[i + 1].start, line.size()) : line.size();
        cells.push_back(line.substr(start, end - start));
    }
    return cells;
}

// A column name as sqlite3 prints it: starts like a name, expression or
// quoted name, and has blanks only inside parentheses (`count(DISTINCT x)`),
// unlike template or shell text that happens to hold bars.
bool is_column_name(std::string_view name) {
    if (name.empty() || !(std::isalnum(static_cast<unsigned char>(name.front())) != 0 ||
                          std::string_view("_\"'`[(*").find(name.front()) != std::string_view::npos)) {
        return false;
    }
    int depth = 0;
    for (char c : name) {
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        if ((c == ' ' || c == '\t') && depth <= 0) {
            return false;
        }
    }
    return true;
}

Row read_row(const std::vector<std::string_view>& cells) {
    Row row;
    for (std::string_view cell : cells) {
        row.push_back(read_cell(cell, EmptyCell::null));
    }
    return row;
}

}  // namespace

std::optional<ResultTable> read_psql_table(const std::vector<std::string_view>& lines) {
    if (lines.size() < 2 || !is_psql_separator(lines[1])) {
        return std::nullopt;
    }
    const std::vector<std::size_t> bars = plus_positions(lines[1]);
    const std::vector<std::string_view> header = split_on_bars(lines[0]);
    if (header.size() != bars.size() + 1) {
        return std::nullopt;
    }
    ResultTable table;
    for (std::string_view name : header) {
        table.columns.emplace_back(trim_blanks(name));
    }
    for (std::size_t i = 2; i < lines.size(); ++i) {
        std::optional<std::vector<std::string_view>> cells = split_on_bars(lines[i]);
        if (cells->size() != header.size()) {
            cells = cut_at_bars(lines[i], bars, false);
        }
        if (!cells) {
            return std::nullopt;
        }
        table.rows.push_back(read_row(*cells));
    }
    return table;
}

std::optional<ResultTable> read_sqlite_column_table(const std::vector<std::string_view>& lines) {
    if (lines.size() < 2) {
        return std::nullopt;
    }
    const std::vector<DashRun> runs = dash_runs(lines[1]);
    if (runs.empty()) {
        return std::nullopt;
    }
    const std::string_view header = trim_blanks(lines[0]);
    if (header.empty() || (runs.size() == 1 && header.find_first_of(" \t") != std::string_view::npos)) {
        return std::nullopt;
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i != 1 && (trim_blanks(lines[i]).empty() || !fits_runs(lines[i], runs))) {
            return std::nullopt;
        }
    }
    ResultTable table;
    for (std::string_view name : cut_at_runs(lines[0], runs)) {
        table.columns.emplace_back(trim_blanks(name));
    }
    for (std::size_t i = 2; i < lines.size(); ++i) {
        table.rows.push_back(read_row(cut_at_runs(lines[i], runs)));
    }
    return table;
}

std::optional<ResultTable> read_sqlite_list_table(const std::vector<std::string_view>& lines) {
    if (lines.size() < 2) {
        return std::nullopt;
    }
    const std::vector<std::string_view> header = split_on_bars(lines[0]);
    if (header.size() < 2) {
        return std::nullopt;
    }
    ResultTable table;
    for (std::string_view name : header) {
        if (!is_column_name(name)) {
            return std::nullopt;
        }
        table.columns.emplace_back(name);
    }
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::vector<std::string_view> cells = split_on_bars(lines[i]);
        if (cells.size() != header.size()) {
            return std::nullopt;
        }
        table.rows.push_back(read_row(cells));
    }
    return table;
}

}  // namespace snipcheck
