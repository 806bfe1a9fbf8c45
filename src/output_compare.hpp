#pragma once
// Does what a snippet printed match what its document says it prints? The
// output checker of the pipeline: it only compares and explains, knows
// nothing of snippets or runs. Pure; never throws.

#include <string>
#include <string_view>

namespace snipcheck {

struct CompareResult {
    bool ok = false;
    std::string how;   // the rule that matched: "exact", "whitespace", "address", "value", "wildcard", "unquoted", "class-name"
    std::string diff;  // when !ok: "- expected line" / "+ actual line" for the lines that differ
};

// Tries, in order, the first match winning:
//   exact       equal once trailing spaces and surrounding blank lines are gone;
//   whitespace  equal once runs of spaces/tabs are one space and line ends are \n;
//   address     equal once `0x` + 6 or more hex digits inside `<...>` reprs
//               are masked on both sides (`<Foo object at 0x7f3a2c1d90>`);
//   value       both sides read as Python literals (whole text, or line by
//               line) and are equal as values (quotes, spacing, set/dict order);
//   wildcard    `...` in `expected` stands for any text, as doctest's ELLIPSIS;
//   unquoted    `expected` is one quoted str literal and `actual` is its value
//               (`print(s)  # 'P'` when print shows P).
// Otherwise not ok, with a line diff of the two.
CompareResult compare_output(std::string_view expected, std::string_view actual);

// The "- expected" / "+ actual" lines of a line-by-line diff (longest common
// subsequence; only lines that differ), capped to stay readable.
std::string line_diff(std::string_view expected, std::string_view actual);

}  // namespace snipcheck
