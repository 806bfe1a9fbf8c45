#pragma once
// The run report as one self-contained HTML page: totals with a picture of
// them, then every document with its snippets, verdicts, code, expectations
// and diffs. Inline CSS and script, no network; readable without the script,
// which only adds filters by status and text.

#include <string>

#include "src/snippet_report.hpp"

namespace snipcheck {

// The whole page; never throws for any RunReport. Everything taken from
// documents or runs is escaped; invalid UTF-8 is replaced by U+FFFD.
std::string run_report_to_html(const RunReport& report);

}  // namespace snipcheck
