#pragma once
// Lines and cells, the pieces every result-table reader shares: how a table's
// text splits into lines, a line into cells, and what a written cell means
// (NULL or text). Pure; never throws.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace snipcheck {

// What an empty cell stands for in a format: psql and sqlite3 print NULL as
// nothing; MySQL prints NULL, and a Markdown author writes it out.
enum class EmptyCell { text, null };

// The lines of `text` (\n, \r\n or \r ends one) with trailing blanks gone.
std::vector<std::string_view> split_table_lines(std::string_view text);

// `text` without spaces and tabs at either end.
std::string_view trim_blanks(std::string_view text);

// Does `cell` (already trimmed) spell SQL NULL: `NULL`, `null`, `-null-`,
// `<null>`, `(null)` in any case? A quoted 'NULL' does not.
bool is_null_spelling(std::string_view cell);

// The value a written cell stands for: nullopt for a NULL spelling (and for
// an empty cell when `empty` says so), else the trimmed text.
std::optional<std::string> read_cell(std::string_view written, EmptyCell empty);

// The parts of `line` between `|` characters, untrimmed; no escapes (the
// MySQL and psql clients print a `|` inside a value as it is).
std::vector<std::string_view> split_on_bars(std::string_view line);

// The byte offsets of the `+` marks in a border such as `+----+-----+` or
// `----+-----`: where a row's `|` separators stand.
std::vector<std::size_t> plus_positions(std::string_view border);

// The cells of a row cut at the `|` found at each of `bars` (from
// plus_positions), without the parts before the first and after the last
// bar when `outer` bars frame the row. Nullopt when a `|` is missing: used
// when a value holds a `|` itself and splitting on bars gives too many cells.
std::optional<std::vector<std::string_view>> cut_at_bars(std::string_view line, const std::vector<std::size_t>& bars,
                                                          bool outer);

}  // namespace snipcheck
