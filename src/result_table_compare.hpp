#pragma once
// Does the result table a document wrote match the rows the query returned?
// Compares and explains only: reading the table is src/result_table, deciding
// whether order matters is the caller's (src/sql_order_by helps). Pure; never
// throws.

#include <string>

#include "src/result_table.hpp"

namespace snipcheck {

// Whether the rows must come in the order the document wrote them (the query
// has a top-level ORDER BY) or in any order.
enum class RowOrder { any, as_written };

// The verdict on one table.
struct TableComparison {
    bool ok = false;
    std::string how;   // when ok: "exact", or the rules needed joined by '+': "unordered", "numeric", "unquoted"
    std::string diff;  // when !ok: "- " expected / "+ " actual lines (columns, then rows), capped
};

// Compares `expected` (read from the document) with `actual` (returned):
// column names case-insensitively with runs of blanks as one space, unless
// the document wrote no header (expected.columns empty); then the rows, cell
// by cell as match_cell says (NULL only matches NULL, numbers to the written
// precision). RowOrder::any matches rows as multisets (a duplicate counts)
// and the diff lists the rows missing and the rows extra; as_written needs
// the same rows in the same order, and when only the order differs the diff
// says so before showing it. "Empty set" (no columns, no rows) matches any
// result with no rows.
TableComparison compare_tables(const ResultTable& expected, const ResultTable& actual, RowOrder order);

}  // namespace snipcheck
