#pragma once
// Regression reports: how each snippet of a run compares with an earlier
// report of the same documents (`run --baseline`, `snipcheck diff`). Pure:
// plain values in, plain values out.
//
// Snippets are matched by file and stable id. The id is a hash of the
// language and the code (plus an occurrence number), so edits elsewhere in a
// document keep it; a snippet whose own code changed is a new snippet, and
// the old one is `removed` (counted, never a regression).

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "src/verdict.hpp"

namespace snipcheck {

// The four words of a snippet's `change` field: same, new, regressed, fixed.
enum class Change { same, added, regressed, fixed };

// "same", "new", "regressed", "fixed".
const char* change_name(Change change);

// The Change a word names, or nothing for any other word.
std::optional<Change> change_from_name(std::string_view name);

// regressed: was pass, now fail, error or timeout. fixed: was fail, error or
// timeout, now pass. Anything else (pass -> skip, fail -> error, skip ->
// fail) is `same`: a skip is a decision written in the document or a missing
// environment, not a claim that the snippet is wrong; the earlier status is
// reported beside the change so nothing is hidden.
Change change_between(Status was, Status now);

// One snippet as a comparison sees it.
struct ComparedSnippet {
    std::string file;
    std::string id;
    int start_line = 0;
    Status status = Status::skip;
    std::string message;
};

// What a comparison reads of one report: its snippets and its document
// errors ("path:line: error: ...", documents that could not be read).
struct ReportOutcomes {
    std::vector<ComparedSnippet> snippets;
    std::vector<std::string> errors;
};

// How one snippet of the new run compares with the baseline.
struct SnippetChange {
    Change change = Change::added;
    std::optional<Status> was;  // its status in the baseline, when it was there
    int was_line = 0;           // its start line in the baseline, when it was there
};

struct ChangeCounts {
    int same = 0;
    int added = 0;
    int regressed = 0;
    int fixed = 0;
    int removed = 0;
    int status_changed = 0;  // `same` snippets whose status changed all the same (pass -> skip ...)
    int new_errors = 0;

    // Counts one snippet of the new run, whose status is now `now`.
    void add(const SnippetChange& change, Status now);
};

struct BaselineComparison {
    std::vector<SnippetChange> changes;    // one per snippet of the new run, in its order
    std::vector<ComparedSnippet> removed;  // baseline snippets the new run no longer has, in baseline order
    std::vector<std::string> new_errors;   // document errors of the new run the baseline did not have
    ChangeCounts counts;
};

// Compares `now` with `baseline`. Files are matched after lexical
// normalisation ("./a.md" is "a.md"). When `only_files` is given (a shard
// compares only the documents it ran), baseline snippets of other files are
// not counted as removed. Document errors are compared without their line
// number, so an invalid directive that moved is not new.
BaselineComparison compare_with_baseline(const ReportOutcomes& baseline, const ReportOutcomes& now,
                                         const std::set<std::string>* only_files = nullptr);

}  // namespace snipcheck
