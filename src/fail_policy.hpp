#pragma once
// Exit statuses and the `--fail-on` policy: which outcomes make a run (or a
// merge) exit 1. The status depends only on counts.
//
//   error      exit 1 on an error or timeout, or a document that could not be read
//   fail       exit 1 on a fail too (the default without a baseline)
//   regressed  exit 1 only on a regression or a document error the baseline
//              did not have (the default with a baseline)
//   never      exit 0 whatever the snippets did
//
// Usage and configuration errors exit 2 under every policy.

#include <optional>
#include <string_view>

#include "src/snippet_report.hpp"

namespace snipcheck {

enum class FailOn { error, fail, regressed, never };

// The policy a word names ("error", "fail", "regressed", "never"), or nothing.
std::optional<FailOn> fail_on_from_name(std::string_view name);

// What the exit status is decided from.
struct OutcomeCounts {
    int fail = 0;
    int error = 0;
    int timeout = 0;
    int unreadable = 0;  // documents that could not be read, invalid directives
    int regressed = 0;   // with a baseline
    int new_errors = 0;  // with a baseline: document errors it did not have
};

// The counts of a report: every document error counts as unreadable.
OutcomeCounts outcome_counts(const RunReport& report);

// 1 when the policy says the outcomes fail the run, else 0.
int exit_status_for(FailOn policy, const OutcomeCounts& counts);

}  // namespace snipcheck
