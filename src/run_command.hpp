#pragma once
// `snipcheck run`: extract every snippet, run the Python ones in the
// sandboxed runner, judge each against its expectations, report.

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <map>
#include <string>
#include <vector>

#include "runners/sql/sql_runner.hpp"
#include "src/cache_pruning.hpp"
#include "src/fail_policy.hpp"
#include "src/fixture_choice.hpp"
#include "src/path_rules.hpp"
#include "src/shard.hpp"
#include "src/report_targets.hpp"
#include "src/snippet_report.hpp"

namespace snipcheck {

// --update rewrites failed expectations in the documents; --diff shows what
// --update would write, as a unified diff, and writes nothing.
enum class UpdateMode { none, update, diff };

struct RunOptions {
    std::vector<std::string> paths;
    int jobs = 0;  // 0: one per core
    double timeout_seconds = 10.0;
    std::vector<ReportTarget> reports = {{ReportFormat::term, {}, false}};  // planned by plan_reports
    std::string python;  // empty: the embedded interpreter
    runners::sql::SqlEngine sql_engine = runners::sql::SqlEngine::sqlite;
    bool no_cache = false;  // run everything; read and write no cache
    std::string cache_dir;  // empty: ResultCache::default_folder()
    std::uintmax_t cache_max_bytes = k_default_cache_max_bytes;  // pruned down to 80% above this
    bool verbose = false;
    std::string baseline;             // an earlier JSON report to compare with; empty: none
    std::optional<ShardSpec> shard;   // run only this shard's documents
    std::optional<FailOn> fail_on;    // unset: `regressed` with a baseline, else `fail`
    UpdateMode update = UpdateMode::none;
    FixtureChoices fixtures;  // from the configuration file's [fixtures]
    PathRules path_rules;     // from the configuration file: [[overrides]], allow-fail
};

enum class KeepBytes { no, yes };

// One pass over the documents: every snippet extracted, run and judged.
struct JudgedRun {
    RunReport report;
    bool unreadable = false;  // a document could not be read or holds an invalid directive
    std::map<std::string, std::string> bytes;  // path -> the bytes the run read (with KeepBytes::yes)
};

// Extracts, runs and judges every snippet of options.paths; progress goes to err.
JudgedRun judge_documents(const RunOptions& options, KeepBytes keep, std::ostream& err);

// Exit status: by the --fail-on policy (fail_policy.hpp): by default 0 when
// nothing failed, errored or timed out (and every document was read), or with
// a baseline when nothing regressed; snippets the configuration allows to fail
// never count; 1 otherwise; 2 for a configuration error
// (an unreadable baseline included).
int run_run(const RunOptions& options, std::ostream& out, std::ostream& err);

}  // namespace snipcheck
