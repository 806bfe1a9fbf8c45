#pragma once
// `snipcheck run`: extract every snippet, run the Python ones in the
// sandboxed runner, judge each against its expectations, report.

#include <iosfwd>
#include <string>
#include <vector>

#include "runners/sql/sql_runner.hpp"
#include "src/fixture_choice.hpp"
#include "src/path_rules.hpp"

namespace snipcheck {

enum class RunFormat { term, json, junit };

struct RunOptions {
    std::vector<std::string> paths;
    int jobs = 0;  // 0: one per core
    double timeout_seconds = 10.0;
    RunFormat format = RunFormat::term;
    std::string output;  // empty: standard output
    std::string python;  // empty: the embedded interpreter
    runners::sql::SqlEngine sql_engine = runners::sql::SqlEngine::sqlite;
    bool no_cache = false;  // accepted; there is no cache yet
    bool verbose = false;
    FixtureChoices fixtures;  // from the configuration file's [fixtures]
    PathRules path_rules;     // from the configuration file: [[overrides]], allow-fail
};

// Exit status: 0 when nothing failed, errored or timed out (snippets allowed
// to fail aside) and every document was read, 1 otherwise, 2 for a
// configuration error.
int run_run(const RunOptions& options, std::ostream& out, std::ostream& err);

}  // namespace snipcheck
