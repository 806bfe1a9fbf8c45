#pragma once
// `snipcheck merge A.json B.json ...`: joins saved run reports, such as the
// shards of one run (`run --shard K/N`), into one report.

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "src/fail_policy.hpp"

namespace snipcheck {

enum class MergeFormat { json, term, junit };

struct MergeOptions {
    std::vector<std::string> inputs;
    MergeFormat format = MergeFormat::json;
    std::string output;  // empty: standard output
    std::optional<FailOn> fail_on;  // unset: `regressed` when the inputs were compared with a baseline, else `fail`
    bool verbose = false;           // term: every snippet
};

// Exit status: by the --fail-on policy over the merged report, as `run`
// would exit had it run everything; 2 when a report cannot be read, two
// reports hold the same snippet, `--fail-on regressed` has no comparison to
// go by, or the output cannot be written.
int run_merge(const MergeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace snipcheck
