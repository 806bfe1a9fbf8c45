#pragma once
// Reads the expectations written in Python code comments, statically:
//   stmt  # Output: VALUE (a remark)      print(x)  # VALUE
//   # Output:  followed by  # line ...    #> VALUE   # => VALUE   # -> VALUE
//   stmt  # raises ValueError             stmt  # TypeError: message
// Comments such as `# 5 queries`, `# Works`, `# Generated SQL:` are prose.

#include <string_view>
#include <vector>

#include "extractor/python_tokens.hpp"
#include "extractor/snippet.hpp"

namespace snipcheck::extractor {

// lines are the snippet's code lines; line_map gives each one's document line.
std::vector<Expectation> parse_python_expectations(const std::vector<std::string_view>& lines,
                                                   const std::vector<int>& line_map,
                                                   const std::vector<PyToken>& tokens);

// `ValueError`, `KeyError`, `StopIteration`, `SystemExit` ...: a name that
// reads as an exception class.
bool is_exception_name(std::string_view word);

}  // namespace snipcheck::extractor
