#include "src/report_json.hpp"

#include <array>
#include <cstddef>

#include "src/snippet_json.hpp"

namespace snipcheck {
namespace {

using nlohmann::json;

const char* run_end_name(RunEnd end) {
    switch (end) {
    case RunEnd::completed: return "completed";
    case RunEnd::raised: return "raised";
    case RunEnd::exited: return "exited";
    case RunEnd::crashed: return "crashed";
    case RunEnd::timeout: return "timeout";
    case RunEnd::stdin_read: return "stdin-read";
    case RunEnd::not_run: return "not-run";
    }
    return "not-run";
}

// The snippet's expectation written at `line` with this value, for the
// fields the verdict does not carry (kind, remark, statement_line).
const extractor::Expectation* written_expectation(const extractor::Snippet& snippet,
                                                  const ExpectationResult& result) {
    const extractor::Expectation* same_line = nullptr;
    for (const extractor::Expectation& expectation : snippet.expectations) {
        if (expectation.line == result.line) {
            if (expectation.expected == result.expected) {
                return &expectation;
            }
            if (same_line == nullptr) {
                same_line = &expectation;
            }
        }
    }
    return same_line;
}

json judged_expectations(const SnippetReport& item) {
    json out = json::array();
    for (const ExpectationResult& result : item.verdict.expectations) {
        json entry = {{"line", result.line},
                      {"expected", result.expected},
                      {"actual", result.actual},
                      {"ok", result.ok}};
        if (!result.diff.empty()) {
            entry["diff"] = result.diff;
        }
        if (!result.how.empty()) {
            entry["how"] = result.how;
        }
        if (const extractor::Expectation* written = written_expectation(item.snippet, result)) {
            entry["kind"] = extractor::expectation_kind_name(written->kind);
            if (written->statement_line > 0) {
                entry["statement_line"] = written->statement_line;
            }
            if (!written->remark.empty()) {
                entry["remark"] = written->remark;
            }
        }
        out.push_back(std::move(entry));
    }
    return out;
}

json snippet_report_to_json(const SnippetReport& item) {
    const RunOutput& run = item.run;
    // The list form carries the contract's snippet fields and the extras
    // (heading, duplicate_of, directives, code); the run adds its own.
    json out = snippet_to_json(item.snippet);
    out["status"] = status_name(item.verdict.status);
    out["evidence"] = evidence_name(item.verdict.evidence);
    out["message"] = item.verdict.message;
    if (item.allowed_to_fail) {
        out["allowed_to_fail"] = true;
    }
    if (!item.verdict.expectations.empty()) {
        out["expectations"] = judged_expectations(item);
    } else {
        // Not judged (skipped, not run, stopped early): what the document
        // expects, with nothing to compare it to.
        for (json& entry : out["expectations"]) {
            entry["actual"] = nullptr;
            entry["ok"] = nullptr;
        }
    }
    for (const Finding& finding : run.findings) {
        out["findings"].push_back({{"line", finding.line},
                                   {"rule", finding.rule},
                                   {"severity", severity_name(finding.severity)},
                                   {"message", finding.message}});
    }
    for (const std::string& stub : run.stubs) {
        out["stubs"].push_back(stub);
    }
    if (!run.services.empty()) {
        out["services"] = run.services;
    }
    out["replayed"] = run.replayed;
    out["duration_ms"] = run.duration_ms;
    out["cached"] = item.cached;
    if (run.end != RunEnd::completed) {
        out["end"] = run_end_name(run.end);
    }
    if (!run.reason.empty()) {
        out["reason"] = run.reason;
    }
    if (!run.stdout_text.empty()) {
        out["stdout"] = run.stdout_text;
    }
    if (run.stdout_cut_bytes > 0) {
        out["stdout_cut_bytes"] = run.stdout_cut_bytes;
    }
    if (!run.stderr_text.empty()) {
        out["stderr"] = run.stderr_text;
    }
    if (run.stderr_cut_bytes > 0) {
        out["stderr_cut_bytes"] = run.stderr_cut_bytes;
    }
    if (!run.exception_type.empty()) {
        out["exception"] = {{"type", run.exception_type},
                            {"message", run.exception_message},
                            {"line", run.exception_line},
                            {"traceback", run.traceback}};
    }
    if (run.end == RunEnd::exited) {
        out["exit_code"] = run.exit_code;
    }
    if (run.end == RunEnd::crashed) {
        out["signal"] = run.signal;
    }
    if (item.change) {
        out["change"] = change_name(item.change->change);
        out["baseline_status"] = item.change->was ? json(status_name(*item.change->was)) : json(nullptr);
    }
    return out;
}

json summary_of(const RunReport& report) {
    std::array<int, 5> counts{};  // indexed by Status
    int cached = 0;
    for (const SnippetReport& item : report.snippets) {
        ++counts[static_cast<std::size_t>(item.verdict.status)];
        cached += item.cached ? 1 : 0;
    }
    json summary = {{"total", report.snippets.size()},
                    {"pass", counts[static_cast<std::size_t>(Status::pass)]},
                    {"fail", counts[static_cast<std::size_t>(Status::fail)]},
                    {"error", counts[static_cast<std::size_t>(Status::error)]},
                    {"timeout", counts[static_cast<std::size_t>(Status::timeout)]},
                    {"skip", counts[static_cast<std::size_t>(Status::skip)]},
                    {"seconds", report.seconds},
                    {"cached", cached}};
    if (report.baseline) {
        const ChangeCounts changes = change_counts(report);
        summary["regressed"] = changes.regressed;
        summary["fixed"] = changes.fixed;
        summary["new"] = changes.added;
        summary["removed"] = changes.removed;
    }
    return summary;
}

json shard_to_json(const ShardPart& shard) {
    json documents = json::array();
    for (const ShardDocument& document : shard.documents) {
        documents.push_back({{"file", document.file}, {"order", document.order}, {"snippets", document.snippets}});
    }
    return {{"index", shard.spec.index},
            {"count", shard.spec.count},
            {"all_documents", shard.all_documents},
            {"documents", std::move(documents)}};
}

}  // namespace

json compared_snippet_to_json(const ComparedSnippet& snippet) {
    return {{"file", snippet.file},
            {"id", snippet.id},
            {"start_line", snippet.start_line},
            {"status", status_name(snippet.status)},
            {"message", snippet.message}};
}

json run_report_to_json(const RunReport& report) {
    json snippets = json::array();
    for (const SnippetReport& item : report.snippets) {
        snippets.push_back(snippet_report_to_json(item));
    }
    json out = {{"schema", 1},
                {"tool", {{"name", "snipcheck"}, {"version", SNIPCHECK_VERSION}}},
                {"summary", summary_of(report)},
                {"snippets", std::move(snippets)},
                {"sandbox", {{"protections", report.sandbox.protections}, {"missing", report.sandbox.missing}}},
                {"python", report.python_version.empty() ? json(nullptr) : json(report.python_version)},
                {"errors", report.document_errors}};
    if (report.baseline) {
        json removed = json::array();
        for (const ComparedSnippet& snippet : report.baseline->removed) {
            removed.push_back(compared_snippet_to_json(snippet));
        }
        out["baseline"] = {{"file", report.baseline->file},
                           {"removed", std::move(removed)},
                           {"new_errors", report.baseline->new_errors}};
    }
    if (report.shard) {
        out["shard"] = shard_to_json(*report.shard);
    }
    return out;
}

std::string dump_run_report_json(const RunReport& report) {
    return run_report_to_json(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace snipcheck
