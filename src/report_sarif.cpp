#include "src/report_sarif.hpp"

#include <algorithm>
#include <cstddef>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "src/document_uri.hpp"
#include "src/verdict_details.hpp"

namespace snipcheck {
namespace {

using nlohmann::json;

constexpr const char* k_schema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
// The project's page; SARIF requires an absolute URI here.
constexpr const char* k_information_uri = "https://github.com/snipcheck/snipcheck";
constexpr const char* k_fingerprint_key = "snipcheckSnippet/v1";
constexpr std::size_t k_max_detail_lines = 20;  // of expected/actual/diff in a message

struct VerdictRule {
    Status status;
    const char* id;
    const char* short_description;
    const char* full_description;
};

// One rule per verdict that needs attention; their indices are 0, 1, 2.
constexpr VerdictRule k_verdict_rules[] = {
    {Status::fail, "snipcheck/fail", "An expectation written in the document did not hold",
     "The snippet ran, but what it printed, returned or raised differs from what the document says beside it "
     "(an `# Output:` comment, a `>>>` session, an output block, a result table)."},
    {Status::error, "snipcheck/error", "The snippet raised, crashed or is invalid",
     "The snippet raised an exception nobody expected, exited with a non-zero status, crashed, read standard "
     "input, or is not valid in its language (invalid SQL, an unknown Dockerfile instruction, a YAML syntax error)."},
    {Status::timeout, "snipcheck/timeout", "The snippet ran past its time limit",
     "The snippet was killed, with every process it started, after its time limit (--timeout, or a "
     "timeout= directive)."},
};

const char* sarif_level(Severity severity) {
    switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
    }
    return "warning";
}

bool is_shellcheck_rule(std::string_view rule) {
    return rule.size() > 2 && rule.substr(0, 2) == "SC" &&
           std::all_of(rule.begin() + 2, rule.end(), [](char c) { return c >= '0' && c <= '9'; });
}

json finding_rule(const Finding& finding) {
    json rule = {{"id", finding.rule},
                 {"name", finding.rule},
                 {"defaultConfiguration", {{"level", sarif_level(finding.severity)}}}};
    if (is_shellcheck_rule(finding.rule)) {
        rule["shortDescription"] = {{"text", "ShellCheck " + finding.rule}};
        rule["helpUri"] = "https://www.shellcheck.net/wiki/" + finding.rule;
    } else {
        rule["shortDescription"] = {{"text", "Lint rule " + finding.rule}};
        rule["fullDescription"] = {{"text", "A finding of the static checks snipcheck runs on a snippet (pyflakes, "
                                            "the Dockerfile, YAML, JSON and nginx checks); the result's message "
                                            "says what was found."}};
    }
    return rule;
}

// The rules array, built as results name them, so ruleIndex always matches.
class RuleTable {
public:
    RuleTable() {
        for (const VerdictRule& rule : k_verdict_rules) {
            m_index.emplace(rule.id, m_rules.size());
            m_rules.push_back({{"id", rule.id},
                               {"name", rule.id},
                               {"shortDescription", {{"text", rule.short_description}}},
                               {"fullDescription", {{"text", rule.full_description}}},
                               {"defaultConfiguration", {{"level", "error"}}}});
        }
    }

    std::size_t index_of(const Finding& finding) {
        const auto [it, added] = m_index.emplace(finding.rule, m_rules.size());
        if (added) {
            m_rules.push_back(finding_rule(finding));
        }
        return it->second;
    }

    std::size_t index_of(Status status) const { return m_index.at(verdict_rule(status).id); }

    static const VerdictRule& verdict_rule(Status status) {
        for (const VerdictRule& rule : k_verdict_rules) {
            if (rule.status == status) {
                return rule;
            }
        }
        return k_verdict_rules[1];
    }

    json take() { return std::move(m_rules); }

private:
    json m_rules = json::array();
    std::map<std::string, std::size_t> m_index;
};

json location(const std::string& file, LineRange lines) {
    json artifact = {{"uri", document_uri(file)}};
    if (!file.empty() && file.front() != '/') {
        artifact["uriBaseId"] = "%SRCROOT%";
    }
    return {{"physicalLocation",
             {{"artifactLocation", std::move(artifact)},
              {"region", {{"startLine", lines.start}, {"endLine", lines.end}}}}}};
}

json snippet_properties(const SnippetReport& item) {
    json properties = {{"snippetId", item.snippet.id},
                       {"language", item.snippet.language},
                       {"status", status_name(item.verdict.status)},
                       {"snippetStartLine", item.snippet.start_line},
                       {"snippetEndLine", item.snippet.end_line}};
    if (item.allowed_to_fail) {
        properties["allowedToFail"] = true;
    }
    return properties;
}

void add_results(const SnippetReport& item, RuleTable& rules, json& results) {
    const extractor::Snippet& snippet = item.snippet;
    const std::string uri = document_uri(snippet.file);
    const Status status = item.verdict.status;
    if (status == Status::fail || status == Status::error || status == Status::timeout) {
        const VerdictRule& rule = RuleTable::verdict_rule(status);
        results.push_back({{"ruleId", rule.id},
                           {"ruleIndex", rules.index_of(status)},
                           // The configuration allows it to fail: shown, not failing.
                           {"level", item.allowed_to_fail ? "warning" : "error"},
                           {"message", {{"text", verdict_details(item, k_max_detail_lines)}}},
                           {"locations", json::array({location(snippet.file, verdict_lines(item))})},
                           {"partialFingerprints",
                            {{k_fingerprint_key, fmt::format("{}:{}:{}", uri, snippet.id, rule.id)}}},
                           {"properties", snippet_properties(item)}});
    }
    // A finding's fingerprint is its place within the snippet, so it
    // survives edits elsewhere; the count keeps equal findings apart.
    std::map<std::string, int> seen;
    for (const std::vector<Finding>* findings : {&snippet.findings, &item.run.findings}) {
        for (Finding finding : *findings) {
            // SARIF requires a rule id and a message text.
            finding.rule = finding.rule.empty() ? std::string("snipcheck/finding") : finding.rule;
            finding.message = finding.message.empty() ? finding.rule : finding.message;
            const std::string place = fmt::format("{}:{}:{}:{}", uri, snippet.id, finding.rule,
                                                  finding.line - snippet.start_line);
            const int occurrence = seen[place]++;
            const int line = std::max(1, finding.line);
            results.push_back({{"ruleId", finding.rule},
                               {"ruleIndex", rules.index_of(finding)},
                               {"level", sarif_level(finding.severity)},
                               {"message", {{"text", finding.message}}},
                               {"locations", json::array({location(snippet.file, LineRange{line, line})})},
                               {"partialFingerprints", {{k_fingerprint_key, fmt::format("{}:{}", place, occurrence)}}},
                               {"properties", snippet_properties(item)}});
        }
    }
}

json notifications(const RunReport& report) {
    json out = json::array();
    for (const std::string& error : report.document_errors) {
        out.push_back({{"level", "error"}, {"message", {{"text", error}}}});
    }
    for (const std::string& missing : report.sandbox.missing) {
        out.push_back({{"level", "warning"}, {"message", {{"text", "sandbox: " + missing}}}});
    }
    return out;
}

}  // namespace

json run_report_to_sarif(const RunReport& report) {
    RuleTable rules;
    json results = json::array();
    for (const SnippetReport& item : report.snippets) {
        add_results(item, rules, results);
    }
    json driver = {{"name", "snipcheck"},
                   {"version", SNIPCHECK_VERSION},
                   {"semanticVersion", SNIPCHECK_VERSION},
                   {"informationUri", k_information_uri},
                   {"rules", rules.take()}};
    json run = {{"tool", {{"driver", std::move(driver)}}},
                {"invocations", json::array({{{"executionSuccessful", true},
                                              {"toolExecutionNotifications", notifications(report)}}})},
                {"columnKind", "unicodeCodePoints"},
                {"results", std::move(results)}};
    return {{"$schema", k_schema}, {"version", "2.1.0"}, {"runs", json::array({std::move(run)})}};
}

std::string dump_run_report_sarif(const RunReport& report) {
    return run_report_to_sarif(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace snipcheck
