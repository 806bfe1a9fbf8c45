#pragma once
// Readers of the result tables whose cells are framed by `|`: Markdown pipe
// tables and the MySQL/MariaDB client's boxes. Each gets the lines of one
// candidate table (no blank lines around it, row-count footer removed) and
// says nullopt unless every line belongs to a table of its format.
// Pure; never throws.

#include <optional>
#include <string_view>
#include <vector>

#include "src/result_table.hpp"

namespace snipcheck {

// A GitHub-flavoured Markdown table: header line, delimiter line
// (`|---|:--:|`, at least one `|`, as many cells as the header), then rows
// each holding a `|`; outer pipes optional. Short rows are padded with empty
// text, extra cells dropped, as GitHub renders them. Nullopt otherwise.
std::optional<ResultTable> read_markdown_table(const std::vector<std::string_view>& lines);

// A MySQL client box: `+---+---+` borders around a header line and the rows
// (`| 1 | Alice |`). A box whose only border lines are its top and bottom has
// no header (columns stay empty); a box missing its bottom border reads as
// header then rows. Nullopt when a line is neither border nor framed row, or
// a row has the wrong number of cells.
std::optional<ResultTable> read_mysql_table(const std::vector<std::string_view>& lines);

}  // namespace snipcheck
