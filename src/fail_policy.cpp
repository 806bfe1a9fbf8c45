#include "src/fail_policy.hpp"

namespace snipcheck {

std::optional<FailOn> fail_on_from_name(std::string_view name) {
    if (name == "error") {
        return FailOn::error;
    }
    if (name == "fail") {
        return FailOn::fail;
    }
    if (name == "regressed") {
        return FailOn::regressed;
    }
    if (name == "never") {
        return FailOn::never;
    }
    return std::nullopt;
}

OutcomeCounts outcome_counts(const RunReport& report) {
    OutcomeCounts counts;
    int allowed_regressions = 0;
    for (const SnippetReport& item : report.snippets) {
        // The configuration's allow-fail: reported, never failing the run.
        if (item.allowed_to_fail) {
            allowed_regressions += item.change && item.change->change == Change::regressed ? 1 : 0;
            continue;
        }
        counts.fail += item.verdict.status == Status::fail ? 1 : 0;
        counts.error += item.verdict.status == Status::error ? 1 : 0;
        counts.timeout += item.verdict.status == Status::timeout ? 1 : 0;
    }
    counts.unreadable = static_cast<int>(report.document_errors.size());
    const ChangeCounts changes = change_counts(report);
    counts.regressed = changes.regressed - allowed_regressions;
    counts.new_errors = changes.new_errors;
    return counts;
}

int exit_status_for(FailOn policy, const OutcomeCounts& counts) {
    bool failed = false;
    switch (policy) {
    case FailOn::error: failed = counts.error + counts.timeout + counts.unreadable > 0; break;
    case FailOn::fail: failed = counts.fail + counts.error + counts.timeout + counts.unreadable > 0; break;
    case FailOn::regressed: failed = counts.regressed + counts.new_errors > 0; break;
    case FailOn::never: failed = false; break;
    }
    return failed ? 1 : 0;
}

}  // namespace snipcheck
