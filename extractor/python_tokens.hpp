#pragma once
// A small Python tokenizer: enough to find comments, string literals, names
// and logical lines in snippet code without running Python. It never fails:
// what it cannot read becomes an `error` token and scanning goes on.

#include <string_view>
#include <vector>

namespace snipcheck::extractor {

enum class PyTokenKind { name, number, string, comment, op, newline, error };

// Positions are 0-based indexes into the lines given to tokenize_python.
// A string may span lines (triple quotes, backslash continuation); its text is
// then only the first line's part and end_line/end_column say where it ends.
struct PyToken {
    PyTokenKind kind = PyTokenKind::error;
    std::string_view text;
    int line = 0;
    int column = 0;
    int end_line = 0;
    int end_column = 0;
    bool starts_line = false;  // first token of its physical line
};

// Tokenizes code split into physical lines. Emits a `newline` token at the end
// of each logical line (outside brackets, not after a backslash).
std::vector<PyToken> tokenize_python(const std::vector<std::string_view>& lines);

// The same into a caller's vector (cleared first), to reuse its memory.
void tokenize_python(const std::vector<std::string_view>& lines, std::vector<PyToken>& tokens);

// True for Python's hard keywords (def, class, if, in, not ...).
bool is_python_keyword(std::string_view word);

// The content of a single-line string literal token without prefix and quotes
// ("r'a\\d'" -> "a\\d"); empty for a token that is not a string.
std::string_view string_literal_body(std::string_view token_text);

}  // namespace snipcheck::extractor
