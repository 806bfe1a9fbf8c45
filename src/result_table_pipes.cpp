#include "src/result_table_pipes.hpp"

#include <cstring>
#include <string>

#include "src/result_table_cells.hpp"

namespace snipcheck {
namespace {

using Row = std::vector<std::optional<std::string>>;

bool is_ascii_punctuation(char c) {
    return c != '\0' && std::strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) != nullptr;
}

// The raw cells of a Markdown row, split at `|` not escaped by a backslash
// (GitHub splits inside code spans too); escapes are kept for decode_markdown.
std::vector<std::string_view> split_markdown_row(std::string_view line) {
    line = trim_blanks(line);
    if (!line.empty() && line.front() == '|') {
        line.remove_prefix(1);
    }
    std::vector<std::string_view> cells;
    std::size_t start = 0;
    bool ended_with_bar = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        ended_with_bar = false;
        if (line[i] == '\\' && i + 1 < line.size()) {
            ++i;
        } else if (line[i] == '|') {
            cells.push_back(line.substr(start, i - start));
            start = i + 1;
            ended_with_bar = true;
        }
    }
    if (!ended_with_bar) {
        cells.push_back(line.substr(start));
    }
    return cells;
}

// A cell's text as Markdown shows it: one enclosing code span taken off
// (keeping its content literal but for `\|`), else backslash escapes of
// ASCII punctuation resolved (`\-null-` is -null-, `7\.2` is 7.2).
std::string decode_markdown(std::string_view raw) {
    raw = trim_blanks(raw);
    std::size_t ticks = 0;
    while (ticks < raw.size() && raw[ticks] == '`') {
        ++ticks;
    }
    const bool code_span = ticks > 0 && raw.size() > 2 * ticks &&
                           raw.substr(raw.size() - ticks).find_first_not_of('`') == std::string_view::npos &&
                           raw.substr(ticks, raw.size() - 2 * ticks).find('`') == std::string_view::npos;
    std::string out;
    if (code_span) {
        const std::string_view inner = trim_blanks(raw.substr(ticks, raw.size() - 2 * ticks));
        for (std::size_t i = 0; i < inner.size(); ++i) {
            if (!(inner[i] == '\\' && i + 1 < inner.size() && inner[i + 1] == '|')) {
                out += inner[i];
            }
        }
        return out;
    }
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] == '\\' && i + 1 < raw.size() && is_ascii_punctuation(raw[i + 1])) {
            ++i;
        }
        out += raw[i];
    }
    return out;
}

// A delimiter cell: dashes with an optional colon at either end.
bool is_delimiter_cell(std::string_view cell) {
    cell = trim_blanks(cell);
    if (!cell.empty() && cell.front() == ':') {
        cell.remove_prefix(1);
    }
    if (!cell.empty() && cell.back() == ':') {
        cell.remove_suffix(1);
    }
    return !cell.empty() && cell.find_first_not_of('-') == std::string_view::npos;
}

// `+----+-------+`: a plus, then runs of dashes each closed by a plus.
bool is_mysql_border(std::string_view line) {
    return line.size() >= 3 && line.front() == '+' && line.back() == '+' && line[1] == '-' &&
           line.find_first_not_of("+-") == std::string_view::npos && line.find("++") == std::string_view::npos;
}

bool is_framed_row(std::string_view line) {
    return line.size() >= 2 && line.front() == '|' && line.back() == '|';
}

// A framed row's cells: split at every `|`, or cut where the border has its
// plus marks when a value holds a `|` of its own.
std::optional<std::vector<std::string_view>> mysql_cells(std::string_view line, const std::vector<std::size_t>& bars) {
    std::vector<std::string_view> parts = split_on_bars(line);
    if (parts.size() == bars.size() + 1) {
        return std::vector<std::string_view>(parts.begin() + 1, parts.end() - 1);
    }
    return cut_at_bars(line, bars, true);
}

}  // namespace

std::optional<ResultTable> read_markdown_table(const std::vector<std::string_view>& lines) {
    if (lines.size() < 2 || lines[1].find('|') == std::string_view::npos) {
        return std::nullopt;
    }
    const std::vector<std::string_view> header = split_markdown_row(lines[0]);
    const std::vector<std::string_view> delimiters = split_markdown_row(lines[1]);
    if (header.size() != delimiters.size()) {
        return std::nullopt;
    }
    for (std::string_view cell : delimiters) {
        if (!is_delimiter_cell(cell)) {
            return std::nullopt;
        }
    }
    ResultTable table;
    for (std::string_view cell : header) {
        table.columns.push_back(decode_markdown(cell));
    }
    for (std::size_t i = 2; i < lines.size(); ++i) {
        if (lines[i].find('|') == std::string_view::npos) {
            return std::nullopt;
        }
        const std::vector<std::string_view> cells = split_markdown_row(lines[i]);
        Row row;
        for (std::size_t column = 0; column < header.size(); ++column) {
            const std::string text = column < cells.size() ? decode_markdown(cells[column]) : std::string();
            row.push_back(read_cell(text, EmptyCell::text));
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

std::optional<ResultTable> read_mysql_table(const std::vector<std::string_view>& lines) {
    if (lines.empty() || !is_mysql_border(trim_blanks(lines[0]))) {
        return std::nullopt;
    }
    const std::vector<std::size_t> bars = plus_positions(trim_blanks(lines[0]));
    // The framed rows between one border and the next.
    std::vector<std::vector<std::vector<std::string_view>>> sections;
    bool ends_with_border = false;
    for (std::string_view raw : lines) {
        const std::string_view line = trim_blanks(raw);
        if (is_mysql_border(line)) {
            sections.emplace_back();
            ends_with_border = true;
            continue;
        }
        std::optional<std::vector<std::string_view>> cells;
        if (is_framed_row(line)) {
            cells = mysql_cells(line, bars);
        }
        if (!cells || cells->size() + 1 != bars.size()) {
            return std::nullopt;
        }
        sections.back().push_back(std::move(*cells));
        ends_with_border = false;
    }
    const std::size_t borders = sections.size();
    if (ends_with_border) {
        sections.pop_back();
    }
    std::vector<std::vector<std::string_view>> body;
    ResultTable table;
    if (borders == 2 && ends_with_border) {
        body = sections[0];
    } else if (sections.size() == 2 && sections[0].size() == 1) {
        for (std::string_view cell : sections[0][0]) {
            table.columns.emplace_back(trim_blanks(cell));
        }
        body = sections[1];
    } else {
        return std::nullopt;
    }
    for (const std::vector<std::string_view>& cells : body) {
        Row row;
        for (std::string_view cell : cells) {
            row.push_back(read_cell(cell, EmptyCell::text));
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

}  // namespace snipcheck
