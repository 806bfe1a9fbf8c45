#pragma once
// One line of a run report: the snippet, what its run produced, and the
// verdict. Every reporter (term, json, junit) reads a list of these.

#include <optional>
#include <string>
#include <vector>

#include "extractor/snippet.hpp"
#include "src/baseline.hpp"
#include "src/shard.hpp"
#include "src/run_output.hpp"
#include "src/verdict.hpp"

namespace snipcheck {

struct SnippetReport {
    extractor::Snippet snippet;
    RunOutput run;
    Verdict verdict;
    bool cached = false;  // the run came from the result cache, not from running now
    std::optional<SnippetChange> change;  // with --baseline: how it compares with the earlier report
    bool allowed_to_fail = false;  // the configuration's allow-fail names it: its failure does not fail the run
};

// What the sandbox could and could not put in place on this machine.
struct SandboxReport {
    std::vector<std::string> protections;  // "network namespace", "landlock filesystem", "rlimit address space 2 GiB" ...
    std::vector<std::string> missing;      // "pid namespace: unshare failed: Operation not permitted" ...
};

// With --baseline: what the comparison found beyond each snippet's change.
struct BaselineReport {
    std::string file;                      // the earlier report, as given
    std::vector<ComparedSnippet> removed;  // its snippets this run no longer has
    std::vector<std::string> new_errors;   // document errors it did not have
};

struct RunReport {
    std::vector<SnippetReport> snippets;  // in document order, documents in command-line order
    std::vector<std::string> document_errors;  // "path:line: error: ..." for documents that could not be read
    SandboxReport sandbox;
    std::string python_version;  // of the interpreter that ran the snippets
    double seconds = 0;          // wall time of the whole run
    std::optional<BaselineReport> baseline;  // with --baseline
    std::optional<ShardPart> shard;          // with --shard: the part of the work this report holds
};

// fail, error or timeout: a snippet that did not hold.
bool is_problem(Status status);

// A problem the configuration's allow-fail does not accept: what fails the
// run and what a report puts first.
bool is_unallowed_problem(const SnippetReport& item);

// A problem the configuration's allow-fail accepts: reports mark it, and it
// fails nothing.
bool is_allowed_problem(const SnippetReport& item);

// A document's snippets, for reporters that group by document.
struct DocumentReports {
    std::string path;
    std::vector<const SnippetReport*> snippets;
};

// Documents in order of first appearance, each with its snippets in order.
std::vector<DocumentReports> group_by_document(const RunReport& report);

// The snippets' statuses and the document errors, for a baseline comparison.
ReportOutcomes outcomes_of(const RunReport& report);

// Counts of the snippets' changes and of what the baseline lists; zeros
// without a baseline.
ChangeCounts change_counts(const RunReport& report);

}  // namespace snipcheck
