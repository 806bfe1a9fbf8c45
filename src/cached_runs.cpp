#include "src/cached_runs.hpp"

#include <algorithm>
#include <optional>

#include "src/cache_keys.hpp"
#include "src/checker.hpp"
#include "src/sha256.hpp"

namespace snipcheck {
namespace {

void add_unique(std::vector<std::string>& list, const std::vector<std::string>& items) {
    for (const std::string& item : items) {
        if (std::find(list.begin(), list.end(), item) == list.end()) {
            list.push_back(item);
        }
    }
}

void fill_from_cache(SnippetReport& entry, RunOutput run) {
    entry.run = std::move(run);
    entry.cached = true;
    entry.verdict = check(entry.snippet, entry.run);
}

// Removes the jobs marked in `taken` from both parallel lists.
template <typename Job>
void remove_taken(std::vector<Job>& jobs, std::vector<std::vector<std::size_t>>& job_reports,
                  const std::vector<bool>& taken) {
    std::size_t kept = 0;
    for (std::size_t job = 0; job < jobs.size(); ++job) {
        if (taken[job]) {
            continue;
        }
        if (kept != job) {  // a vector moved onto itself would be emptied
            jobs[kept] = std::move(jobs[job]);
            job_reports[kept] = std::move(job_reports[job]);
        }
        ++kept;
    }
    jobs.resize(kept);
    job_reports.resize(kept);
}

}  // namespace

CachedRuns::CachedRuns(ResultCache* cache, const RunFingerprint& fingerprint, double default_timeout_seconds,
                       runners::sql::SqlEngine sql_engine)
    : m_cache(cache),
      m_default_timeout_seconds(default_timeout_seconds),
      m_sql_engine(sql_engine),
      m_python(sha256_hex(fingerprint.python)),
      m_python_document(sha256_hex(fingerprint.python + fingerprint.python_lint)),
      m_sql(sha256_hex(fingerprint.sql)),
      m_static_checks(sha256_hex(fingerprint.static_checks)) {}

std::vector<const extractor::Snippet*> CachedRuns::lane_of(const std::vector<std::size_t>& indices,
                                                           const RunReport& report) const {
    std::vector<const extractor::Snippet*> lane;
    for (std::size_t index : indices) {
        lane.push_back(&report.snippets[index].snippet);
    }
    return lane;
}

// Tracebacks and __file__ show the document's path, so it is part of the key.
std::string CachedRuns::python_context(const std::string& path) const {
    return m_python + "\npath " + path;
}

void CachedRuns::take_python_hits(std::vector<runners::python::PythonDocumentJob>& jobs,
                                  std::vector<std::vector<std::size_t>>& job_reports, RunReport& report) {
    if (m_cache == nullptr) {
        return;
    }
    std::vector<bool> taken(jobs.size(), false);
    for (std::size_t job = 0; job < jobs.size(); ++job) {
        const std::vector<const extractor::Snippet*> lane = lane_of(job_reports[job], report);
        const LaneKeys keys = lane_keys(python_context(jobs[job].file), lane, m_default_timeout_seconds, LaneReach::earlier);
        const LaneKeys document = lane_keys(m_python_document + "\npath " + jobs[job].file, lane,
                                            m_default_timeout_seconds, LaneReach::whole);
        std::optional<PythonDocumentRecord> record = m_cache->load_python_document(document.whole, lane);
        if (!record) {
            continue;
        }
        std::vector<RunOutput> runs;
        for (std::size_t i = 0; i < lane.size(); ++i) {
            std::optional<RunOutput> run = m_cache->load_run(keys.snippets[i], *lane[i]);
            if (!run) {
                break;
            }
            runs.push_back(std::move(*run));
        }
        if (runs.size() != lane.size()) {
            continue;
        }
        for (std::size_t i = 0; i < lane.size(); ++i) {
            runs[i].findings = std::move(record->findings[i]);
            fill_from_cache(report.snippets[job_reports[job][i]], std::move(runs[i]));
        }
        m_python_hits.push_back(std::move(*record));
        taken[job] = true;
    }
    remove_taken(jobs, job_reports, taken);
}

void CachedRuns::add_python_notes(RunReport& report) const {
    for (const PythonDocumentRecord& record : m_python_hits) {
        if (report.python_version.empty()) {
            report.python_version = record.python_version;
        }
        add_unique(report.sandbox.protections, record.sandbox.protections);
        add_unique(report.sandbox.missing, record.sandbox.missing);
    }
}

void CachedRuns::store_python(const std::vector<std::vector<std::size_t>>& job_reports, const RunReport& report,
                              bool linted) {
    if (m_cache == nullptr) {
        return;
    }
    for (const std::vector<std::size_t>& indices : job_reports) {
        const std::vector<const extractor::Snippet*> lane = lane_of(indices, report);
        if (lane.empty()) {
            continue;
        }
        const std::string& path = lane.front()->file;
        const LaneKeys keys = lane_keys(python_context(path), lane, m_default_timeout_seconds, LaneReach::earlier);
        PythonDocumentRecord record;
        for (std::size_t i = 0; i < lane.size(); ++i) {
            const RunOutput& ran = report.snippets[indices[i]].run;
            record.findings.push_back(ran.findings);
            if (is_cacheable(ran)) {
                // Findings are the document record's: pyflakes reads later snippets too.
                RunOutput stored = ran;
                stored.findings.clear();
                m_cache->store_run(keys.snippets[i], *lane[i], stored);
            }
        }
        if (linted) {
            record.python_version = report.python_version;
            record.sandbox = report.sandbox;
            const LaneKeys document = lane_keys(m_python_document + "\npath " + path, lane, m_default_timeout_seconds,
                                                LaneReach::whole);
            m_cache->store_python_document(document.whole, lane, record);
        }
    }
}

void CachedRuns::take_sql_hits(std::vector<runners::sql::SqlDocumentJob>& jobs,
                               std::vector<std::vector<std::size_t>>& job_reports, RunReport& report) {
    if (m_cache == nullptr) {
        return;
    }
    // Under `auto` the document's server depends on all its SQL snippets.
    const LaneReach reach = m_sql_engine == runners::sql::SqlEngine::auto_select ? LaneReach::whole : LaneReach::earlier;
    std::vector<bool> taken(jobs.size(), false);
    for (std::size_t job = 0; job < jobs.size(); ++job) {
        const std::vector<const extractor::Snippet*> lane = lane_of(job_reports[job], report);
        const LaneKeys keys = lane_keys(m_sql, lane, m_default_timeout_seconds, reach);
        std::vector<RunOutput> runs;
        for (std::size_t i = 0; i < lane.size(); ++i) {
            std::optional<RunOutput> run = m_cache->load_run(keys.snippets[i], *lane[i]);
            if (!run) {
                break;
            }
            runs.push_back(std::move(*run));
        }
        if (runs.size() != lane.size()) {
            continue;
        }
        for (std::size_t i = 0; i < lane.size(); ++i) {
            fill_from_cache(report.snippets[job_reports[job][i]], std::move(runs[i]));
        }
        taken[job] = true;
    }
    remove_taken(jobs, job_reports, taken);
}

void CachedRuns::store_sql(const std::vector<std::vector<std::size_t>>& job_reports, const RunReport& report) {
    if (m_cache == nullptr) {
        return;
    }
    const LaneReach reach = m_sql_engine == runners::sql::SqlEngine::auto_select ? LaneReach::whole : LaneReach::earlier;
    for (const std::vector<std::size_t>& indices : job_reports) {
        const std::vector<const extractor::Snippet*> lane = lane_of(indices, report);
        const LaneKeys keys = lane_keys(m_sql, lane, m_default_timeout_seconds, reach);
        for (std::size_t i = 0; i < lane.size(); ++i) {
            const RunOutput& ran = report.snippets[indices[i]].run;
            if (is_cacheable(ran)) {
                m_cache->store_run(keys.snippets[i], *lane[i], ran);
            }
        }
    }
}

bool CachedRuns::take_alone_hit(SnippetReport& entry) {
    if (m_cache == nullptr) {
        return false;
    }
    std::optional<RunOutput> run =
        m_cache->load_run(alone_key(m_static_checks, entry.snippet, m_default_timeout_seconds), entry.snippet);
    if (!run) {
        return false;
    }
    fill_from_cache(entry, std::move(*run));
    return true;
}

void CachedRuns::store_alone(const SnippetReport& entry) {
    if (m_cache != nullptr && is_cacheable(entry.run)) {
        m_cache->store_run(alone_key(m_static_checks, entry.snippet, m_default_timeout_seconds), entry.snippet, entry.run);
    }
}

const std::string& CachedRuns::write_error() const {
    return m_cache != nullptr ? m_cache->write_error() : m_no_error;
}

}  // namespace snipcheck
