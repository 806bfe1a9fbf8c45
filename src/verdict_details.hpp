#pragma once
// Where a verdict shows in its document and how to say it in one message,
// for the reports that annotate lines (SARIF, GitHub annotations).

#include <cstddef>
#include <string>

#include "src/snippet_report.hpp"

namespace snipcheck {

struct LineRange {
    int start = 1;  // 1-based document lines, start <= end
    int end = 1;
};

// The line that shows the verdict: the first expectation that did not hold
// (fail), the line that raised (error), else the whole snippet. Never below 1.
LineRange verdict_lines(const SnippetReport& item);

// "fail: <message>", then each expectation that did not hold (expected,
// actual, diff) and, for an error, the traceback; each part cut to
// `max_lines` lines, saying how many were cut. No final newline.
std::string verdict_details(const SnippetReport& item, std::size_t max_lines);

}  // namespace snipcheck
