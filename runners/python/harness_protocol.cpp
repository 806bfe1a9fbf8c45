#include "runners/python/harness_protocol.hpp"

#include "runners/python/debian_packages.hpp"

namespace snipcheck::runners::python {

using nlohmann::json;

json snippet_request(const extractor::Snippet& snippet, std::size_t position, double timeout) {
    json display = json::array();
    json raises = json::array();
    json raises_at = json::array();
    json attributed = json::array();  // statements whose own output an expectation reads
    json boundaries = json::array();  // lines output must be split at
    for (const extractor::Expectation& expectation : snippet.expectations) {
        if (expectation.statement_line > 0) {
            attributed.push_back(expectation.statement_line);
        }
        if (expectation.kind == extractor::ExpectationKind::output_lines) {
            boundaries.push_back(expectation.line);
        }
    }
    for (const extractor::Expectation& expectation : snippet.expectations) {
        if (expectation.statement_line <= 0) {
            continue;
        }
        switch (expectation.kind) {
        case extractor::ExpectationKind::output_comment:
        case extractor::ExpectationKind::value_comment:
        case extractor::ExpectationKind::arrow: display.push_back(expectation.statement_line); break;
        case extractor::ExpectationKind::raises:
            raises.push_back(expectation.statement_line);
            raises_at.push_back(expectation.line);
            break;
        default: break;
        }
    }
    return {{"index", position},
            {"id", snippet.id},
            {"code", snippet.code},
            {"line_map", snippet.line_map},
            {"display_lines", std::move(display)},
            {"raises_lines", std::move(raises)},
            {"raises_at", std::move(raises_at)},
            {"attributed_lines", std::move(attributed)},
            {"boundaries", std::move(boundaries)},
            {"session_form", snippet.form == extractor::SnippetForm::session},
            {"example_lines", snippet.example_lines},
            {"mode", snippet.directives.session.empty() ? std::string("auto") : snippet.directives.session},
            {"language", snippet.language},
            {"part_file", snippet.part_file},
            {"timeout", timeout}};
}

RunOutput output_from_result(const json& result) {
    RunOutput run;
    const std::string end = result.value("end", std::string("completed"));
    run.end = end == "not_run"      ? RunEnd::not_run
              : end == "raised"     ? RunEnd::raised
              : end == "exited"     ? RunEnd::exited
              : end == "stdin_read" ? RunEnd::stdin_read
              : end == "timeout"    ? RunEnd::timeout
                                    : RunEnd::completed;
    if (const auto it = result.find("statements"); it != result.end() && it->is_array()) {
        for (const json& item : *it) {
            StatementOutput statement;
            statement.line = item.value("line", 0);
            statement.end_line = item.value("end_line", statement.line);
            statement.output = item.value("output", std::string());
            statement.raised = item.value("raised", false);
            statement.exception_type = item.value("exception_type", std::string());
            statement.exception_message = item.value("exception_message", std::string());
            run.statements.push_back(std::move(statement));
        }
    }
    run.stdout_text = result.value("stdout", std::string());
    run.stderr_text = result.value("stderr", std::string());
    run.stdout_cut_bytes = result.value("stdout_cut_bytes", std::size_t{0});
    run.stderr_cut_bytes = result.value("stderr_cut_bytes", std::size_t{0});
    run.exception_type = result.value("exception_type", std::string());
    run.exception_message = result.value("exception_message", std::string());
    run.traceback = result.value("traceback", std::string());
    run.exception_line = result.value("exception_line", 0);
    run.exit_code = result.value("exit_code", 0);
    run.reason = result.value("reason", std::string());
    run.missing_module = result.value("missing_module", std::string());
    run.excerpt_of = result.value("excerpt_of", std::string());
    run.missing_environment = result.value("missing_environment", std::string());  // a service the run lacks
    run.static_check = result.value("static", false);  // compiled, not run (a template part)
    if (!run.missing_module.empty() && run.missing_module.front() != '.') {
        run.missing_package = debian_package_for_module(run.missing_module);
    }
    if (const auto it = result.find("services"); it != result.end() && it->is_array()) {
        for (const json& item : *it) {
            if (item.is_string()) {
                run.services.push_back(item.get<std::string>());
            }
        }
    }
    for (const char* key : {"stubs", "notes"}) {
        if (const auto it = result.find(key); it != result.end() && it->is_array()) {
            for (const json& item : *it) {
                if (item.is_string()) {
                    run.stubs.push_back(item.get<std::string>());
                }
            }
        }
    }
    if (const auto it = result.find("findings"); it != result.end() && it->is_array()) {
        for (const json& item : *it) {
            Finding finding;
            finding.line = item.value("line", 0);
            finding.rule = item.value("rule", std::string());
            finding.message = item.value("message", std::string());
            const std::string severity = item.value("severity", std::string("warning"));
            finding.severity = severity == "error" ? Severity::error : severity == "note" ? Severity::note : Severity::warning;
            run.findings.push_back(std::move(finding));
        }
    }
    if (const auto it = result.find("tests"); it != result.end() && it->is_array()) {
        for (const json& item : *it) {
            run.tests.push_back({item.value("name", std::string()), item.value("line", 0),
                                 item.value("outcome", std::string("error")), item.value("message", std::string())});
        }
    }
    run.duration_ms = result.value("duration_ms", 0.0);
    if (const auto it = result.find("raised_at"); it != result.end() && it->is_array()) {
        for (const json& item : *it) {
            run.raised_at.push_back({item.value("line", 0), item.value("type", std::string())});
        }
    }
    if (const auto it = result.find("replayed"); it != result.end() && it->is_array()) {
        for (const json& id : *it) {
            if (id.is_string()) {
                run.replayed.push_back(id.get<std::string>());
            }
        }
    }
    return run;
}

}  // namespace snipcheck::runners::python
