#pragma once
// `snipcheck run`: extract every snippet, run the Python ones in the
// sandboxed runner, judge each against its expectations, report.

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "runners/sql/sql_runner.hpp"
#include "src/fail_policy.hpp"
#include "src/shard.hpp"

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
    bool no_cache = false;  // run everything; read and write no cache
    std::string cache_dir;  // empty: ResultCache::default_folder()
    bool verbose = false;
    std::string baseline;             // an earlier JSON report to compare with; empty: none
    std::optional<ShardSpec> shard;   // run only this shard's documents
    std::optional<FailOn> fail_on;    // unset: `regressed` with a baseline, else `fail`
};

// Exit status: by the --fail-on policy (fail_policy.hpp): by default 0 when
// nothing failed, errored or timed out (and every document was read), or with
// a baseline when nothing regressed; 1 otherwise; 2 for a configuration error
// (an unreadable baseline included).
int run_run(const RunOptions& options, std::ostream& out, std::ostream& err);

}  // namespace snipcheck
