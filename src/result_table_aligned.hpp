#pragma once
// Readers of the result tables that database shells print without a frame:
// psql's aligned output and the sqlite3 shell's `.mode column` and
// `.mode list` (with `.headers on`). Each gets the lines of one candidate
// table (no blank lines around it, row-count footer removed) and says nullopt
// unless every line belongs to a table of its format. These formats print
// NULL as nothing, so an empty cell reads as NULL. Pure; never throws.

#include <optional>
#include <string_view>
#include <vector>

#include "src/result_table.hpp"

namespace snipcheck {

// psql: a header line, a `----+------` line (two or more columns; one column
// reads as sqlite3 column output, which gives the same table), then rows
// split at `|` (or where the separator has its `+` when a value holds a `|`).
// Nullopt when a row has the wrong number of cells.
std::optional<ResultTable> read_psql_table(const std::vector<std::string_view>& lines);

// sqlite3 `.mode column`: a header line, a line of dash runs (`--  -----`)
// whose runs mark where each column starts, then rows cut at those places.
// Against prose: no line may be longer than the dash line or hold text where
// the dash line has a gap; a single column needs a header without blanks.
std::optional<ResultTable> read_sqlite_column_table(const std::vector<std::string_view>& lines);

// sqlite3 `.mode list`: a header line and rows, values separated by `|`, the
// same number of bars on every line. Against prose and templates: every
// header cell starts like a column name or expression and has blanks only
// inside parentheses (`count(DISTINCT x)`).
std::optional<ResultTable> read_sqlite_list_table(const std::vector<std::string_view>& lines);

}  // namespace snipcheck
