#include "src/result_table.hpp"

#include <algorithm>
#include <cctype>

#include "src/result_table_aligned.hpp"
#include "src/result_table_cells.hpp"
#include "src/result_table_pipes.hpp"

namespace snipcheck {
namespace {

// Kinds of line a database client prints under a result.
enum class Footer { none, row_count, empty_set };

// `text` starts with digits then `rest`: "3 rows in set" with " row".
bool digits_then(std::string_view text, std::string_view rest) {
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])) != 0) {
        ++digits;
    }
    return digits > 0 && text.substr(digits).starts_with(rest);
}

// MySQL's "3 rows in set (0.01 sec)", "1 row in set, 1 warning (0.00 sec)",
// "Empty set (0.00 sec)"; psql's "(1 row)", "(0 rows)".
Footer footer_kind(std::string_view line) {
    line = trim_blanks(line);
    if (line.starts_with("Empty set")) {
        return Footer::empty_set;
    }
    if (digits_then(line, " row in set") || digits_then(line, " rows in set")) {
        return Footer::row_count;
    }
    if (line.starts_with('(') && (line.ends_with(" row)") || line.ends_with(" rows)")) &&
        digits_then(line.substr(1), " row")) {
        return Footer::row_count;
    }
    return Footer::none;
}

void drop_blank_ends(std::vector<std::string_view>& lines) {
    while (!lines.empty() && lines.back().empty()) {
        lines.pop_back();
    }
    const auto first = std::find_if(lines.begin(), lines.end(), [](std::string_view line) { return !line.empty(); });
    lines.erase(lines.begin(), first);
}

// The indentation every line shares (a table quoted inside a list item, an
// indented block) taken off, so that the column readers see column 0.
void drop_common_indent(std::vector<std::string_view>& lines) {
    std::size_t indent = std::string_view::npos;
    for (std::string_view line : lines) {
        if (!line.empty()) {
            indent = std::min(indent, line.find_first_not_of(' '));
        }
    }
    for (std::string_view& line : lines) {
        line.remove_prefix(std::min(indent, line.size()));
    }
}

// Sizes a cell by code points, not bytes, so a row of accented names lines up.
std::size_t display_width(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// `|` and `\` escaped as in Markdown, line breaks shown as \n and \r.
std::string escaped(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '|' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else {
            out += c;
        }
    }
    return out;
}

std::string shown_cell(const std::optional<std::string>& cell) {
    if (!cell) {
        return "NULL";
    }
    std::string out = escaped(*cell);
    if (out.empty() || is_null_spelling(out)) {
        return "'" + out + "'";
    }
    return out;
}

std::string table_line(const std::vector<std::string>& cells, const std::vector<std::size_t>& widths) {
    std::string line = "|";
    for (std::size_t i = 0; i < cells.size(); ++i) {
        line += ' ' + cells[i];
        if (i < widths.size()) {
            line.append(widths[i] - std::min(widths[i], display_width(cells[i])), ' ');
        }
        line += " |";
    }
    return line;
}

}  // namespace

std::optional<ResultTable> parse_result_table(std::string_view text) {
    std::vector<std::string_view> lines = split_table_lines(text);
    drop_blank_ends(lines);
    if (lines.empty()) {
        return std::nullopt;
    }
    const Footer footer = footer_kind(lines.back());
    if (footer != Footer::none) {
        lines.pop_back();
        drop_blank_ends(lines);
    }
    if (footer == Footer::empty_set) {
        return lines.empty() ? std::optional<ResultTable>(ResultTable{}) : std::nullopt;
    }
    drop_common_indent(lines);
    for (auto reader : {read_mysql_table, read_markdown_table, read_psql_table, read_sqlite_column_table,
                        read_sqlite_list_table}) {
        if (std::optional<ResultTable> table = reader(lines)) {
            return table;
        }
    }
    return std::nullopt;
}

std::string format_result_row(const std::vector<std::optional<std::string>>& row) {
    std::vector<std::string> cells;
    for (const std::optional<std::string>& cell : row) {
        cells.push_back(shown_cell(cell));
    }
    return table_line(cells, {});
}

std::string format_result_table(const ResultTable& table) {
    if (table.columns.empty() && table.rows.empty()) {
        return "(empty set)";
    }
    std::vector<std::vector<std::string>> shown;
    for (const std::vector<std::optional<std::string>>& row : table.rows) {
        std::vector<std::string> cells;
        for (const std::optional<std::string>& cell : row) {
            cells.push_back(shown_cell(cell));
        }
        shown.push_back(std::move(cells));
    }
    std::vector<std::size_t> widths;
    auto widen = [&widths](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            widths.resize(std::max(widths.size(), i + 1), 0);
            widths[i] = std::max(widths[i], display_width(cells[i]));
        }
    };
    std::vector<std::string> columns;
    for (const std::string& name : table.columns) {
        columns.push_back(escaped(name));
    }
    widen(columns);
    for (const std::vector<std::string>& cells : shown) {
        widen(cells);
    }
    std::string out;
    if (!table.columns.empty()) {
        out += table_line(columns, widths) + '\n';
        std::string rule = "|";
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            rule.append(widths[i] + 2, '-');
            rule += '|';
        }
        out += rule + '\n';
    }
    for (const std::vector<std::string>& cells : shown) {
        out += table_line(cells, widths) + '\n';
    }
    out.pop_back();
    return out;
}

}  // namespace snipcheck
