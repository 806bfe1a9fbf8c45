#pragma once
// How much one line looks like code of a given language, judged from its
// shape alone. Shared by the plain-text lexer (is this paragraph code?) and
// the language detector (is this tag plainly wrong?).

#include <cstdint>
#include <string_view>
#include <vector>

#include "extractor/python_tokens.hpp"

namespace snipcheck::extractor {

enum class LineShape : std::uint8_t { not_code, weak, strong };  // one byte: a plain-text document keeps one per line

// Python: `strong` for statements only code has (def, import, assignment,
// call, decorator ...), `weak` for lines code may have (a bare name, `}`),
// `not_code` for what Python would reject (two bare names side by side,
// non-ASCII outside strings, sentences).
LineShape python_line_shape(std::string_view line);

// The same, and whether the shape stands alone: the line is the same shape
// inside any block whose lines before it all stand alone too, as
// python_block_shapes judges it. True for blank and comment lines, and for
// code that ends a statement (no bracket, string or backslash left open);
// false for lines judged without tokens.
LineShape python_line_shape(std::string_view line, bool& stands_alone);

// The shapes of the first `line_limit` lines of a Python block, judged from
// the block's own tokens (one tokenization for the whole block; lines inside
// a multi-line string count as weak).
std::vector<LineShape> python_block_shapes(const std::vector<std::string_view>& lines,
                                           const std::vector<PyToken>& tokens, std::size_t line_limit);

// The same into a caller's vector (replacing its content), to reuse its
// memory: every block is judged, and an allocation each showed.
void python_block_shapes(const std::vector<std::string_view>& lines, const std::vector<PyToken>& tokens,
                         std::size_t line_limit, std::vector<LineShape>& shapes);

// `FROM python:3.11`, `RUN pip install ...`: a known instruction in capitals.
bool is_dockerfile_instruction(std::string_view line);

// A line that starts an SQL statement (`SELECT`, `CREATE TABLE` ...), in
// capitals or lower case.
bool is_sql_statement_start(std::string_view line);

// `x = 1`, `a, b = b, a`, `n += 1`, `x: int = 3`: an assignment operator
// outside brackets and strings (`f(a=1)` and `a == b` are none).
bool is_assignment_statement(std::string_view line);

// The length of a shell prompt that starts the line: `$ `, `(env) $ `,
// `(env) ~/project$ `, `user@host:~/src$ ` (a lone `$` too); 0 when the
// line does not start with one.
std::size_t shell_prompt_length(std::string_view line);

// A line after a prompt, or starting with a common command (`pip install`,
// `git`, `docker`, `python manage.py` ...).
bool is_shell_command(std::string_view line);

}  // namespace snipcheck::extractor
