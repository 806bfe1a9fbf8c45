#include "runners/yaml/yaml_check.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "runners/error_findings.hpp"
#include "runners/yaml/yaml_structure.hpp"
#include "runners/yaml/yaml_syntax.hpp"

namespace snipcheck::runners::yaml {
namespace {

// The first character that is not blank and not in a `#` comment line.
char first_content_char(const std::string& code) {
    bool comment = false;
    bool line_start = true;
    for (char c : code) {
        if (c == '\n') {
            comment = false;
            line_start = true;
            continue;
        }
        if (comment || c == ' ' || c == '\t' || c == '\r') {
            continue;
        }
        if (line_start && (c == '#' || c == '/')) {
            comment = true;
            continue;
        }
        return c;
    }
    return '\0';
}

void fail(RunOutput& output, const extractor::Snippet& snippet, int code_line, std::string type, std::string message) {
    output.end = RunEnd::raised;
    output.exception_type = std::move(type);
    output.exception_message = std::move(message);
    output.exception_line = extractor::document_line(snippet, code_line);
}

int line_of_offset(const std::string& code, std::size_t offset) {
    int line = 1;
    for (std::size_t i = 0; i < offset && i < code.size(); ++i) {
        line += code[i] == '\n' ? 1 : 0;
    }
    return line;
}

}  // namespace

RunOutput check_yaml(const extractor::Snippet& snippet) {
    RunOutput output;
    output.static_check = true;
    std::vector<YAML::Node> documents;
    if (const YamlSyntaxError syntax = check_yaml_syntax(snippet.code); syntax.line > 0) {
        const char first = first_content_char(snippet.code);
        if (first == '{' || first == '[') {
            fail(output, snippet, syntax.line, "YAML error",
                 fmt::format("this is JSON with comments, tagged yaml, and YAML cannot read it ({}); JSON has no "
                             "comments and one top-level value: tag it json and drop the comments, or write YAML "
                             "documents separated by ---",
                             syntax.message));
        } else {
            fail(output, snippet, syntax.line, "YAML error", syntax.message);
        }
    } else {
        try {
            documents = YAML::LoadAll(snippet.code);
        } catch (const std::exception& error) {
            fail(output, snippet, 1, "YAML error", error.what());
        }
    }
    std::string kinds;
    for (const YAML::Node& root : documents) {
        std::vector<Finding> findings;
        try {
            switch (yaml_kind(root)) {
            case YamlKind::compose: findings = check_compose(root); kinds = "a docker-compose file"; break;
            case YamlKind::actions_workflow: findings = check_actions_workflow(root); kinds = "a GitHub Actions workflow"; break;
            case YamlKind::plain: break;
            }
        } catch (const YAML::Exception& error) {
            findings.push_back({error.mark.is_null() ? 1 : error.mark.line + 1, "yaml-structure", Severity::error, error.msg});
        }
        for (Finding& finding : findings) {
            finding.line = extractor::document_line(snippet, finding.line);
            output.findings.push_back(std::move(finding));
        }
    }
    const std::string invalid = "invalid " + (kinds.empty() ? std::string("YAML") : kinds.substr(kinds.find(' ') + 1));
    raise_first_error_finding(output, [&](const Finding&) { return invalid; });
    if (output.end == RunEnd::completed) {
        output.reason = kinds.empty() ? std::string("valid YAML") : "valid YAML; the structure of " + kinds + " holds";
    }
    return output;
}

RunOutput check_json(const extractor::Snippet& snippet) {
    RunOutput output;
    output.static_check = true;
    try {
        [[maybe_unused]] const nlohmann::json parsed = nlohmann::json::parse(snippet.code);
        output.reason = "valid JSON";
    } catch (const nlohmann::json::parse_error& error) {
        bool jsonc = false;
        try {
            [[maybe_unused]] const nlohmann::json parsed = nlohmann::json::parse(snippet.code, nullptr, true, true);
            jsonc = true;
        } catch (const nlohmann::json::exception&) {
        }
        if (jsonc) {
            output.reason = "valid JSON with comments (JSONC)";
            output.findings.push_back({extractor::document_line(snippet, line_of_offset(snippet.code, error.byte - 1)),
                                       "json-comments", Severity::warning,
                                       "comments are not JSON: a strict parser (Python's json, JSON.parse) rejects this"});
        } else {
            const int line = line_of_offset(snippet.code, error.byte > 0 ? error.byte - 1 : 0);
            std::string message = error.what();
            // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."
            if (const std::size_t colon = message.find(": "); colon != std::string::npos) {
                message = message.substr(colon + 2);
            }
            fail(output, snippet, line, "JSON error", message);
        }
    }
    return output;
}

}  // namespace snipcheck::runners::yaml
