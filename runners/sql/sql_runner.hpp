#pragma once
// Runs a run's SQL snippets. Each document is one session: one SQLite
// database in memory, so tables an earlier block creates exist for later
// ones. A statement that uses a table the document never creates is checked
// against a stand-in table (its syntax and columns are still checked) and
// the snippet says it needs that table. SQL embedded in Python strings runs
// in a SQLite database of its Python block's own. SQL in another dialect
// runs on a throwaway server of that kind when the engine allows, and is
// skipped with the reason otherwise; servers start on first use and stop
// when run_sql returns.

#include <string>
#include <vector>

#include "extractor/snippet.hpp"
#include "src/run_output.hpp"

namespace snipcheck::runners::sql {

struct SqlDocumentJob {
    std::string path;
    std::vector<const extractor::Snippet*> snippets;  // the document's SQL snippets, in order
};

// Where SQL runs: SQLite only (other dialects skipped), one server kind
// for every portable snippet and its own dialect, or SQLite plus a server
// for each dialect that needs one (a document that uses a dialect runs all
// its portable snippets there too, so they share its tables).
enum class SqlEngine { sqlite, mariadb, postgres, auto_select };

struct SqlRunOptions {
    double default_timeout_seconds = 10;  // per snippet, unless a directive says otherwise
    SqlEngine engine = SqlEngine::sqlite;
};

// outputs[j][i] is the run output of jobs[j].snippets[i]. Never throws for a
// snippet's sake: a bad statement is an output with end == raised.
std::vector<std::vector<RunOutput>> run_sql(const std::vector<SqlDocumentJob>& jobs, const SqlRunOptions& options);

}  // namespace snipcheck::runners::sql
