#pragma once
// `snipcheck run`: extract every snippet, run the Python ones in the
// sandboxed runner, judge each against its expectations, report.

#include <iosfwd>
#include <string>
#include <vector>

#include "runners/sql/sql_runner.hpp"
#include "src/report_targets.hpp"

namespace snipcheck {

struct RunOptions {
    std::vector<std::string> paths;
    int jobs = 0;  // 0: one per core
    double timeout_seconds = 10.0;
    std::vector<ReportTarget> reports = {{ReportFormat::term, {}, false}};  // planned by plan_reports
    std::string python;  // empty: the embedded interpreter
    runners::sql::SqlEngine sql_engine = runners::sql::SqlEngine::sqlite;
    bool no_cache = false;  // accepted; there is no cache yet
    bool verbose = false;
};

// Exit status: 0 when nothing failed, errored or timed out (and every
// document was read), 1 otherwise, 2 for a configuration error.
int run_run(const RunOptions& options, std::ostream& out, std::ostream& err);

}  // namespace snipcheck
