#pragma once
// Runs a run's SQL snippets. Each document is one session: one SQLite
// database in memory, so tables an earlier block creates exist for later
// ones. A statement that uses a table the document never creates is checked
// against a stand-in table (its syntax and columns are still checked) and
// the snippet says it needs that table. SQL embedded in Python strings is
// prepared, not run. SQL in another dialect is not run on SQLite.

#include <string>
#include <vector>

#include "extractor/snippet.hpp"
#include "src/run_output.hpp"

namespace snipcheck::runners::sql {

struct SqlDocumentJob {
    std::string path;
    std::vector<const extractor::Snippet*> snippets;  // the document's SQL snippets, in order
};

struct SqlRunOptions {
    double default_timeout_seconds = 10;  // per snippet, unless a directive says otherwise
};

// outputs[j][i] is the run output of jobs[j].snippets[i]. Never throws for a
// snippet's sake: a bad statement is an output with end == raised.
std::vector<std::vector<RunOutput>> run_sql(const std::vector<SqlDocumentJob>& jobs, const SqlRunOptions& options);

}  // namespace snipcheck::runners::sql
