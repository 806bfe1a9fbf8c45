#pragma once
// A saved report rebuilt as a RunReport, so the terminal and JUnit reporters
// can show a merged report as they show a run. Best effort by design: what
// the renderers read (verdict, expectations, findings, exception, output,
// change) comes back; fields they do not read are left default.

#include "src/report_reader.hpp"
#include "src/snippet_report.hpp"

namespace snipcheck {

// Never throws: a field of the wrong type reads as absent.
RunReport to_run_report(const SavedReport& saved);

}  // namespace snipcheck
