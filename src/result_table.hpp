#pragma once
// The result of a SQL query as a document writes it beside the query: a
// Markdown pipe table, a MySQL/MariaDB client box, psql's aligned output or
// the sqlite3 shell's `.mode column` / `.mode list` output. Reading only:
// comparing with what the query returned is src/result_table_compare.
// Pure; never throws.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace snipcheck {

// Columns and rows of a result, every value as text; nullopt is SQL NULL,
// distinct from the text "NULL". `columns` empty means the header is unknown:
// a table written without one, or MySQL's "Empty set" (which also has no rows).
struct ResultTable {
    std::vector<std::string> columns;
    std::vector<std::vector<std::optional<std::string>>> rows;
};

// Reads `text` as one result table, nullopt when it is not one (prose, code,
// a table followed by prose). Blank lines around it and one row-count footer
// ("3 rows in set (0.01 sec)", "(1 row)") are allowed; "Empty set (0.00 sec)"
// alone is a table with no columns and no rows. Cells are trimmed.
// NULL: a whole unquoted cell `NULL`, `null`, `-null-`, `<null>` or `(null)`
// (any case) in every format; an empty cell is NULL in psql and sqlite3
// output (both print NULL as nothing by default) but the empty text in
// Markdown and MySQL tables (MySQL prints NULL as NULL). A header cell is
// never NULL (`SELECT NULL` names its column "NULL"). Markdown cells lose
// their backslash escapes (`\-null-`, `7\.2`, `\|`) and one enclosing code
// span. A psql value continued on several lines is not understood.
std::optional<ResultTable> parse_result_table(std::string_view text);

// A compact pipe table for messages: a header line when there are columns,
// then one line per row, cells padded to their column's width. NULL shows as
// NULL; a text that would read as NULL or is empty shows quoted ('NULL', '');
// `|` and `\` are escaped. "(empty set)" for no columns and no rows.
std::string format_result_table(const ResultTable& table);

// One row as `| a | NULL | 'NULL' |`, cells unpadded, as format_result_table
// writes them; for diffs.
std::string format_result_row(const std::vector<std::optional<std::string>>& row);

}  // namespace snipcheck
