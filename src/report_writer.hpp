#pragma once
// Renders the planned reports of a run and puts each where it goes: files
// atomically, standard output in one piece, the GitHub step summary appended.

#include <iosfwd>
#include <string>
#include <vector>

#include "src/report_github.hpp"
#include "src/report_targets.hpp"
#include "src/snippet_report.hpp"

namespace snipcheck {

struct ReportSettings {
    bool verbose = false;            // the term report lists passes and skips too
    bool stdout_is_terminal = false; // the term report on standard output is coloured
    std::string step_summary_path;   // GITHUB_STEP_SUMMARY; empty: no summary
    GithubContext github;            // for links in the summary
    std::string stop_token;          // for ::stop-commands::; empty: a random one
};

// One report as text.
std::string render_report(ReportFormat format, const RunReport& report, bool color, bool verbose);

// Writes every target. Standard output gets github annotations first, then
// the other report with the runner's command reading stopped around it.
// A file snipcheck named itself is announced on `err`. Returns an empty
// string on success, else the failures, one line each (every other report
// is still written).
std::string write_reports(const RunReport& report, const std::vector<ReportTarget>& targets,
                          const ReportSettings& settings, std::ostream& out, std::ostream& err);

}  // namespace snipcheck
