#pragma once
// A database client transcript (`mysql> SELECT ...;` then its result table,
// `sqlite> `, `postgres=# `) -> the SQL it runs and the table shown after
// each statement, like a `>>>` session for Python.

#include <string>
#include <string_view>
#include <vector>

#include "extractor/snippet.hpp"

namespace snipcheck::extractor {

struct SqlTranscript {
    std::vector<std::string_view> code;  // statement lines without prompts
    std::vector<int> line_map;           // document line of each code line
    std::vector<Expectation> expectations;  // kind doctest: a result table, or an error message (kind raises)
    std::string dialect;                 // "mysql", "postgresql", "sqlite" from the prompt
};

// True when the first non-blank line starts with a client prompt.
bool is_sql_transcript(const std::vector<std::string_view>& lines);

// True when the lines read as a result table a client prints: a `+---+`
// border, a `| a | b |` header over a `|---|` rule, psql's `----+----`, or
// "Empty set".
bool looks_like_result_table(const std::vector<std::string_view>& lines);

// Does the last statement of `code` return rows (SELECT, WITH, VALUES,
// SHOW, PRAGMA, EXPLAIN, DESCRIBE)? A table after a CREATE TABLE is more
// likely documentation of the columns than a result.
bool last_statement_returns_rows(std::string_view code);

// The Markdown pipe table that starts at document line `line` (blank lines
// and one "Output:"/"Result:" label skipped), as an output-block
// expectation; empty expected text when no table is there, or when the
// table is neither labelled nor after a query that returns rows.
Expectation pipe_table_after(const std::vector<std::string_view>& document_lines, int line, bool after_query);

// A SQL block that shows each query's result table right after it, with no
// prompts (`SELECT ...;` then a `+---+` table): the SQL alone, and each table
// as the expected result of the statement before it. Empty code when the
// block holds no such table.
SqlTranscript split_sql_and_results(const std::vector<std::string_view>& lines, int first_line);

// lines are a block's lines, the first at document line first_line. A
// statement runs until its `;` (continuation prompts `->`, `...>`, `-#`
// dropped); what follows until the next prompt is its output.
SqlTranscript parse_sql_transcript(const std::vector<std::string_view>& lines, int first_line);

}  // namespace snipcheck::extractor
