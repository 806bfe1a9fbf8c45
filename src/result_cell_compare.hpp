#pragma once
// Does one value a document wrote in a result table stand for the value the
// query returned? The cell rule of src/result_table_compare. Pure; never
// throws.

#include <optional>
#include <string>
#include <string_view>

namespace snipcheck {

// How a written cell matched a returned one, `differ` when it did not.
enum class CellMatch { differ, exact, numeric, unquoted };

// Compares `expected` (from the document) with `actual` (from the database);
// nullopt is SQL NULL and matches only NULL. In order:
//   exact     equal text once blanks at either end are gone;
//   numeric   both are decimal numbers (`-7.5`, `.5`, `1e3`) and equal to the
//             precision the document wrote: with a decimal point, `actual`
//             rounded to as many places as `expected` shows equals it
//             ("7.20333333333333" for 7.203333333333333, "0.33" for
//             0.3333); without one, the values are equal ("10" for 10.0000,
//             "1e3" for 1000, but not for 10.4); whole numbers compare
//             digit by digit, so long ones do not lose precision;
//   unquoted  `expected` is quoted ('NULL', "Bob", with '' inside single
//             quotes) and its content is `actual`.
CellMatch match_cell(const std::optional<std::string>& expected, const std::optional<std::string>& actual);

// Is `text` (blanks at either end allowed) a decimal number as match_cell
// reads them?
bool is_decimal_number(std::string_view text);

}  // namespace snipcheck
