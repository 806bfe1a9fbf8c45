#pragma once
// The person-readable run report: grouped by document, the snippets that need
// attention with their expectations, diffs and tracebacks, sandbox warnings,
// and one closing line of counts.

#include <ostream>

#include "src/snippet_report.hpp"

namespace snipcheck {

struct TermStyle {
    bool color = false;    // ANSI colors on status words: the caller decides (isatty, NO_COLOR)
    bool verbose = false;  // every snippet, passes and skips included
};

// Writes the report to `out`; never throws on odd report contents (empty
// messages, invalid UTF-8 is passed through as bytes).
void write_term_report(const RunReport& report, std::ostream& out, const TermStyle& style);

}  // namespace snipcheck
