#pragma once
// `snipcheck diff OLD.json NEW.json`: the baseline comparison of two saved
// run reports (a run under Python 3.11 and one under --python python3.12,
// Django before and after an upgrade): the snippets whose status changed,
// then counts.

#include <iosfwd>
#include <string>

namespace snipcheck {

enum class DiffFormat { term, json };

struct DiffOptions {
    std::string old_report;
    std::string new_report;
    DiffFormat format = DiffFormat::term;
    std::string output;  // empty: standard output
};

// Exit status: 1 when a snippet regressed or a document error is new, 0
// otherwise, 2 when a report cannot be read or the output not written.
int run_diff(const DiffOptions& options, std::ostream& out, std::ostream& err);

}  // namespace snipcheck
