#pragma once
// `run --update`: which failed expectations of a document are rewritten with
// what the snippet really printed, and why the others are not. Pure: reads
// judged snippets and the document's bytes, writes nothing.
//
// Only a `fail` expectation (ok false) of a snippet whose status is `fail` is
// rewritten, and only when the value is trustworthy: never from an error, a
// timeout, a skip, a crash or a cut output; never a memory address; and only
// when a second run of the document printed the same value.

#include <string>
#include <string_view>
#include <vector>

#include "extractor/snippet.hpp"
#include "src/snippet_report.hpp"

namespace snipcheck {

// One expectation to rewrite: where and how it is written, and both values.
struct PlannedEdit {
    int line = 0;            // document line of the expectation, as the extractor records it
    int statement_line = 0;  // of the statement it checks (doctest: the `>>>` line)
    extractor::ExpectationKind kind = extractor::ExpectationKind::output_comment;
    std::string old_value;   // as the extractor read it
    std::string remark;      // "(minimum cost)": kept after the new value
    std::string new_value;   // what the snippet printed, trailing blanks and blank edge lines dropped
    std::string actual;      // what the checker compared, to hold against a second run
    std::string snippet_id;
    std::size_t index = 0;   // of the expectation in its snippet
    // A one-line comment that cannot hold the new value's several lines
    // becomes an `# Output:` line and a comment line per output line, below
    // its statement.
    bool to_comment_block = false;
};

// An expectation that did not hold and is left as written, and why.
struct UpdateRefusal {
    int line = 0;
    std::string reason;  // "the snippet printed different values on two runs"
};

struct UpdatePlan {
    std::vector<PlannedEdit> edits;
    std::vector<UpdateRefusal> refusals;
};

// An edit as written into the document's bytes.
struct AppliedEdit {
    int line = 0;  // document line of the expectation before the update
    std::string old_value;
    std::string new_value;
};

// A document with its expectations rewritten.
struct DocumentUpdate {
    std::string bytes;  // the whole document; equal to the input when nothing was applied
    std::vector<AppliedEdit> edits;
    std::vector<UpdateRefusal> refusals;  // in line order
};

// The failed expectations of one document's judged snippets that may be
// rewritten, and a refusal for each other failed one.
UpdatePlan plan_expectation_updates(const std::vector<const SnippetReport*>& snippets);

// Keeps the edits whose snippet printed the same value in `second_run` (the
// same document judged again); the others become refusals.
void confirm_with_second_run(UpdatePlan& plan, const std::vector<const SnippetReport*>& second_run);

// The document's bytes (as read by the run) with the plan's edits written in;
// `path` decides the format when the result is read back.
DocumentUpdate update_document(const std::string& path, std::string_view bytes, const UpdatePlan& plan);

// "11", or a one-line rendering of a multi-line value ("a⏎b"), cut to stay readable.
std::string value_for_message(std::string_view value);

}  // namespace snipcheck
