#include "runners/python/python_lint.hpp"

#include <fmt/format.h>

#include <cstddef>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "runners/python/pyflakes_driver_source.hpp"
#include "runners/python/pyflakes_rules.hpp"
#include "runners/tool_process.hpp"

namespace snipcheck::runners::python {
namespace {

using nlohmann::json;

constexpr const char* k_driver_name = "pyflakes_driver.py";
constexpr const char* k_input_name = "snippets.json";
constexpr const char* k_output_name = "findings.json";

std::string request_text(const std::vector<LintDocument>& documents) {
    json request_documents = json::array();
    for (const LintDocument& document : documents) {
        json snippets = json::array();
        for (const extractor::Snippet* snippet : document.snippets) {
            snippets.push_back({{"code", snippet->code},
                                {"line_map", snippet->line_map},
                                {"isolated", snippet->directives.session == "isolated"}});
        }
        request_documents.push_back({{"snippets", std::move(snippets)}});
    }
    // Decoded text is UTF-8; replace rather than fail should a byte slip through.
    return json{{"documents", std::move(request_documents)}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

// A finding the driver wrote in another shape is left out rather than
// thrown about: the driver is ours, and a snippet never runs there.
bool is_finding(const json& item) {
    return item.is_object() && item.contains("line") && item["line"].is_number_integer() && item.contains("rule") &&
           item["rule"].is_string() && item.contains("message") && item["message"].is_string();
}

SnippetFindings snippet_findings(const extractor::Snippet& snippet, const json& reported) {
    SnippetFindings findings;
    for (const json& item : reported) {
        if (!is_finding(item)) {
            continue;
        }
        const std::string rule = item["rule"].get<std::string>();
        if (!keeps_pyflakes_finding(rule, snippet.form)) {
            continue;
        }
        // The driver has mapped lines to the document, in the messages too.
        findings.push_back(Finding{item["line"].get<int>(), rule, pyflakes_rule_severity(rule),
                                   item["message"].get<std::string>()});
    }
    return findings;
}

// The driver's answer, checked to have the shape of the request.
LintResult read_answer(const std::vector<LintDocument>& documents, const std::string& text) {
    LintResult result;
    const json answer = json::parse(text, nullptr, false);
    const json* answered = answer.is_object() && answer.contains("documents") ? &answer["documents"] : nullptr;
    if (answered == nullptr || !answered->is_array() || answered->size() != documents.size()) {
        result.error = "pyflakes driver gave an unreadable answer";
        return result;
    }
    for (std::size_t d = 0; d < documents.size(); ++d) {
        const json& snippets = (*answered)[d];
        if (!snippets.is_array() || snippets.size() != documents[d].snippets.size()) {
            return LintResult{{}, "pyflakes driver answered for the wrong number of snippets"};
        }
        std::vector<SnippetFindings>& document_findings = result.findings.emplace_back();
        for (std::size_t s = 0; s < snippets.size(); ++s) {
            const json empty = json::array();
            const json& reported = snippets[s].is_array() ? snippets[s] : empty;
            document_findings.push_back(snippet_findings(*documents[d].snippets[s], reported));
        }
    }
    return result;
}

// The last non-empty line of a tool's stderr: Python's exception line.
std::string last_line(const std::string& text) {
    std::istringstream lines(text);
    std::string last;
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) {
            last = line;
        }
    }
    return last;
}

}  // namespace

LintRun::LintRun(const std::vector<LintDocument>& documents, const std::string& python) : m_documents(documents) {
    if (!m_scratch.error().empty()) {
        m_error = m_scratch.error();
        return;
    }
    if (!m_scratch.write(k_driver_name, std::string(k_pyflakes_driver_source)) ||
        !m_scratch.write(k_input_name, request_text(documents))) {
        m_error = "cannot write the pyflakes input into " + m_scratch.path();
        return;
    }
    ToolRequest request;
    // -I: no PYTHON* variables, user site or current folder on sys.path;
    // -B: no bytecode files.
    request.argv = {python, "-I", "-B", k_driver_name, k_input_name, k_output_name};
    request.scratch = &m_scratch;
    m_tool = start_tool(request, m_error);
}

LintResult LintRun::finish(double timeout_seconds) {
    if (!m_tool) {
        return LintResult{{}, m_error.empty() ? std::string("pyflakes did not start") : m_error};
    }
    RunningTool tool = *std::exchange(m_tool, std::nullopt);
    if (wait_tool(tool, timeout_seconds)) {
        return LintResult{{}, fmt::format("pyflakes timed out after {} s", timeout_seconds)};
    }
    if (tool.exit_code != 0) {
        const std::string why = last_line(read_tail(tool.stderr_path));
        return LintResult{{}, fmt::format("pyflakes failed ({}): {}", tool.signal != 0 ? fmt::format("signal {}", tool.signal)
                                                                                       : fmt::format("exit {}", tool.exit_code),
                                          why.empty() ? std::string("no message") : why)};
    }
    std::ifstream answer(m_scratch.path() + "/" + k_output_name, std::ios::binary);
    std::ostringstream text;
    text << answer.rdbuf();
    return read_answer(m_documents, text.str());
}

LintRun::~LintRun() {
    if (m_tool) {
        stop_tool(*m_tool, SIGKILL, 0);
    }
}

LintResult lint_python(const std::vector<LintDocument>& documents, double timeout_seconds,
                       const std::string& python) {
    LintRun run(documents, python);
    return run.finish(timeout_seconds);
}

}  // namespace snipcheck::runners::python
