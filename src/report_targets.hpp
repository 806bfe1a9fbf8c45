#pragma once
// Which reports a run writes and where: `--format term,json=report.json`.
// Planned once from the command line, before anything runs, so a conflict
// (two reports on standard output) is a usage error and not a lost report.

#include <string>
#include <string_view>
#include <vector>

#include "src/expected.hpp"

namespace snipcheck {

enum class ReportFormat { term, json, junit, sarif, github, html };

struct ReportTarget {
    ReportFormat format = ReportFormat::term;
    std::string path;       // empty: standard output
    bool announce = false;  // a file name snipcheck chose (snipcheck-report.EXT): say so on stderr
};

// "term", "json" ... as written on the command line.
const char* report_format_name(ReportFormat format);

// The extension of the file a format gets when the user named none: "json", "sarif" ...
const char* report_format_extension(ReportFormat format);

// Plans the reports of `--format SPEC` (empty: none given) with `--output
// OUTPUT` (empty: none given). SPEC is a comma-separated list of FMT or
// FMT=PATH; PATH `-` claims standard output (or --output).
//  - The first format without a path, or the one given `-`, goes to
//    standard output, or to --output; each further format without a path
//    goes to snipcheck-report.EXT in the current folder (announced).
//  - `github` without a path always writes to standard output, where the
//    runner reads workflow commands; it shares it only with `term`.
//  - No SPEC: `term`, plus `github` when `github_actions` (GITHUB_ACTIONS=true).
// Fails with a one-line reason: an unknown format, an empty item, two
// reports claiming standard output or the same file, --output unused.
Expected<std::vector<ReportTarget>, std::string> plan_reports(std::string_view spec, const std::string& output,
                                                              bool github_actions);

}  // namespace snipcheck
