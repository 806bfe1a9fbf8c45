#pragma once
// A `>>>` session (doctest, the Python REPL) -> the code it runs and the
// output it shows after each example.

#include <string>
#include <string_view>
#include <vector>

#include "extractor/snippet.hpp"

namespace snipcheck::extractor {

struct DoctestSession {
    std::vector<std::string_view> code;  // source lines without prompts
    std::vector<int> line_map;           // document line of each code line
    std::vector<int> example_lines;      // document line of each `>>>` prompt
    std::vector<Expectation> expectations;
};

// The exception a traceback's last line names ("ValueError: x" ->
// "ValueError"), or empty when the lines do not end like a traceback.
std::string traceback_exception(const std::vector<std::string_view>& output);

// True when the first non-blank line starts with a `>>>` prompt.
bool is_doctest_session(const std::vector<std::string_view>& lines);

// Code followed by a `>>>` session in one block (a function, then how it
// behaves): the index of the session's first prompt, 0 when the block is
// not code then a session.
std::size_t session_after_code(const std::vector<std::string_view>& lines);

// lines are a block's lines, the first at document line first_line.
// Output lines run until a blank line or the next prompt; `<BLANKLINE>`
// stands for an empty line; a traceback becomes a `raises` expectation.
DoctestSession parse_doctest_session(const std::vector<std::string_view>& lines, int first_line);

}  // namespace snipcheck::extractor
