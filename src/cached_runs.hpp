#pragma once
// The run command's side of the result cache: before running, the snippets
// whose runs are cached are filled in (run, findings, verdict, `cached`)
// and taken out of the work; after running, what ran is stored.
//
// Python and SQL snippets of a document share a session (one child process,
// one database), so a document's lane is taken from the cache only when
// every snippet of it hits, and otherwise runs whole: skipping the run of
// an unchanged snippet would change what later ones see (a file it wrote,
// random.seed(), a table it filled). Snippets checked alone hit one by one.

#include <cstddef>
#include <string>
#include <vector>

#include "runners/python/python_runner.hpp"
#include "runners/sql/sql_runner.hpp"
#include "src/result_cache.hpp"
#include "src/run_fingerprint.hpp"
#include "src/snippet_report.hpp"

namespace snipcheck {

class CachedRuns {
public:
    // With `cache` null every lookup misses and nothing is stored (--no-cache).
    CachedRuns(ResultCache* cache, const RunFingerprint& fingerprint, double default_timeout_seconds,
               runners::sql::SqlEngine sql_engine);

    // Python documents (jobs[j], report indices job_reports[j]) that hit
    // are filled in and removed from both lists.
    void take_python_hits(std::vector<runners::python::PythonDocumentJob>& jobs,
                          std::vector<std::vector<std::size_t>>& job_reports, RunReport& report);

    // After the Python runner: the interpreter version and sandbox notes of
    // the documents taken from the cache join the report's.
    void add_python_notes(RunReport& report) const;

    // Stores the runs of the Python documents that ran; their pyflakes
    // findings too when `linted` (pyflakes ran for them).
    void store_python(const std::vector<std::vector<std::size_t>>& job_reports, const RunReport& report, bool linted);

    // The same for SQL documents (report indices per document).
    void take_sql_hits(std::vector<runners::sql::SqlDocumentJob>& jobs, std::vector<std::vector<std::size_t>>& job_reports,
                       RunReport& report);
    void store_sql(const std::vector<std::vector<std::size_t>>& job_reports, const RunReport& report);

    // A snippet checked alone: true when its run was taken from the cache.
    bool take_alone_hit(SnippetReport& entry);
    void store_alone(const SnippetReport& entry);

    // Why the first write to the cache failed, or empty.
    const std::string& write_error() const;

private:
    std::vector<const extractor::Snippet*> lane_of(const std::vector<std::size_t>& indices, const RunReport& report) const;
    std::string python_context(const std::string& path) const;

    ResultCache* m_cache;
    double m_default_timeout_seconds;
    runners::sql::SqlEngine m_sql_engine;
    // Digests of the fingerprint parts: hashed once, not with every snippet.
    std::string m_python;
    std::string m_python_document;
    std::string m_sql;
    std::string m_static_checks;
    std::vector<PythonDocumentRecord> m_python_hits;
    std::string m_no_error;
};

}  // namespace snipcheck
