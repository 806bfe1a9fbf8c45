#include "src/report_from_json.hpp"

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "src/json_fields.hpp"

namespace snipcheck {
namespace {

using nlohmann::json;

extractor::SnippetForm form_from_name(std::string_view name) {
    using extractor::SnippetForm;
    for (SnippetForm form : {SnippetForm::fenced, SnippetForm::indented, SnippetForm::unfenced, SnippetForm::session,
                             SnippetForm::embedded}) {
        if (name == extractor::form_name(form)) {
            return form;
        }
    }
    return SnippetForm::fenced;
}

extractor::ExpectationKind kind_from_name(std::string_view name) {
    using extractor::ExpectationKind;
    for (ExpectationKind kind : {ExpectationKind::output_comment, ExpectationKind::value_comment,
                                 ExpectationKind::output_lines, ExpectationKind::arrow, ExpectationKind::doctest,
                                 ExpectationKind::output_block, ExpectationKind::raises}) {
        if (name == extractor::expectation_kind_name(kind)) {
            return kind;
        }
    }
    return ExpectationKind::output_comment;
}

Severity severity_from_name(std::string_view name) {
    for (Severity severity : {Severity::error, Severity::warning, Severity::note}) {
        if (name == severity_name(severity)) {
            return severity;
        }
    }
    return Severity::error;
}

// The JSON's "end" names (report_json.cpp); a missing one is `completed`.
RunEnd end_from_name(std::string_view name) {
    if (name == "raised") {
        return RunEnd::raised;
    }
    if (name == "exited") {
        return RunEnd::exited;
    }
    if (name == "crashed") {
        return RunEnd::crashed;
    }
    if (name == "timeout") {
        return RunEnd::timeout;
    }
    if (name == "stdin-read") {
        return RunEnd::stdin_read;
    }
    if (name == "not-run") {
        return RunEnd::not_run;
    }
    return RunEnd::completed;
}

extractor::Snippet snippet_of(const json& fields, const ComparedSnippet& outcome) {
    extractor::Snippet snippet;
    snippet.id = outcome.id;
    snippet.file = outcome.file;
    snippet.start_line = outcome.start_line;
    snippet.end_line = json_int(fields, "end_line", outcome.start_line);
    snippet.language = json_string(fields, "language");
    snippet.dialect = json_string(fields, "dialect");
    snippet.info = json_string(fields, "info");
    snippet.form = form_from_name(json_string(fields, "form"));
    snippet.code = json_string(fields, "code");
    snippet.defects = json_strings(fields, "defects");
    snippet.heading = json_strings(fields, "heading");
    snippet.duplicate_of = json_string(fields, "duplicate_of");
    snippet.parent = json_string(fields, "parent");
    for (const json& line : json_array(fields, "line_map")) {
        snippet.line_map.push_back(line.is_number_integer() ? line.get<int>() : 0);
    }
    for (const json& expectation : json_array(fields, "expectations")) {
        snippet.expectations.push_back({json_int(expectation, "line"), json_int(expectation, "statement_line"),
                                        kind_from_name(json_string(expectation, "kind")),
                                        json_string(expectation, "expected"), json_string(expectation, "remark")});
    }
    if (const json* directives = json_member(fields, "directives")) {
        extractor::Directives& into = snippet.directives;
        if (const json* skip = json_member(*directives, "skip"); skip != nullptr && !skip->is_null()) {
            into.skip = !skip->is_boolean() || skip->get<bool>();
            into.skip_reason = json_string(*directives, "skip");
        }
        if (const json* timeout = json_member(*directives, "timeout"); timeout != nullptr && timeout->is_number()) {
            into.timeout_seconds = timeout->get<double>();
        }
        into.session = json_string(*directives, "session");
        into.expect_error = json_string(*directives, "expect_error");
        into.language = json_string(*directives, "language");
    }
    return snippet;
}

Verdict verdict_of(const json& fields, const ComparedSnippet& outcome) {
    Verdict verdict;
    verdict.status = outcome.status;
    verdict.evidence = evidence_from_name(json_string(fields, "evidence")).value_or(Evidence::none);
    verdict.message = outcome.message;
    for (const json& expectation : json_array(fields, "expectations")) {
        // Judged expectations carry "ok" true or false; unjudged ones null.
        const json* ok = json_member(expectation, "ok");
        if (ok == nullptr || !ok->is_boolean()) {
            continue;
        }
        verdict.expectations.push_back({json_int(expectation, "line"), json_string(expectation, "expected"),
                                        json_string(expectation, "actual"), ok->get<bool>(),
                                        json_string(expectation, "diff"), json_string(expectation, "how")});
    }
    return verdict;
}

RunOutput run_of(const json& fields) {
    RunOutput run;
    run.end = end_from_name(json_string(fields, "end"));
    run.reason = json_string(fields, "reason");
    run.stdout_text = json_string(fields, "stdout");
    run.stderr_text = json_string(fields, "stderr");
    run.stdout_cut_bytes = static_cast<std::size_t>(std::max(0, json_int(fields, "stdout_cut_bytes")));
    run.stderr_cut_bytes = static_cast<std::size_t>(std::max(0, json_int(fields, "stderr_cut_bytes")));
    if (const json* exception = json_member(fields, "exception")) {
        run.exception_type = json_string(*exception, "type");
        run.exception_message = json_string(*exception, "message");
        run.exception_line = json_int(*exception, "line");
        run.traceback = json_string(*exception, "traceback");
    }
    run.exit_code = json_int(fields, "exit_code");
    run.signal = json_int(fields, "signal");
    run.replayed = json_strings(fields, "replayed");
    run.stubs = json_strings(fields, "stubs");
    run.services = json_strings(fields, "services");
    run.duration_ms = json_number(fields, "duration_ms");
    // The report lists the extractor's findings and the run's together; they
    // come back as the run's, so none is shown twice.
    for (const json& finding : json_array(fields, "findings")) {
        run.findings.push_back({json_int(finding, "line"), json_string(finding, "rule"),
                                severity_from_name(json_string(finding, "severity")), json_string(finding, "message")});
    }
    return run;
}

}  // namespace

RunReport to_run_report(const SavedReport& saved) {
    RunReport report;
    for (const SavedSnippet& item : saved.snippets) {
        SnippetReport entry;
        entry.snippet = snippet_of(item.fields, item.outcome);
        entry.verdict = verdict_of(item.fields, item.outcome);
        entry.run = run_of(item.fields);
        entry.change = item.change;
        const auto allowed = item.fields.find("allowed_to_fail");
        entry.allowed_to_fail = allowed != item.fields.end() && allowed->is_boolean() && allowed->get<bool>();
        report.snippets.push_back(std::move(entry));
    }
    report.document_errors = saved.errors;
    report.sandbox = saved.sandbox;
    report.python_version = saved.python;
    report.seconds = saved.seconds;
    report.baseline = saved.baseline;
    report.shard = saved.shard;
    return report;
}

}  // namespace snipcheck
