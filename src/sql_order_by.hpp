#pragma once
// Does a SQL query fix the order of its rows? Decides whether a document's
// result table must list the rows in the order the database returns them.
// A lexical scan, not a SQL parser. Pure; never throws.

#include <string_view>

namespace snipcheck {

// True when the last statement of `sql` (statements end at `;`) has ORDER BY
// at its top level: outside strings ('..', "..", `..`, [..], $tag$..$tag$),
// comments (-- and /* */) and parentheses, so neither a subquery's or CTE's
// ORDER BY nor a window's OVER (ORDER BY ...) counts. False for anything
// else, unterminated strings included.
bool query_orders_rows(std::string_view sql);

}  // namespace snipcheck
