#include "runners/shell/shellcheck.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "runners/tool_process.hpp"

namespace snipcheck::runners::shell {
namespace {

Severity severity_of_level(const std::string& level) {
    if (level == "error") {
        return Severity::error;
    }
    if (level == "warning") {
        return Severity::warning;
    }
    return Severity::note;  // info and style
}

std::string script_name(std::size_t index) { return fmt::format("script-{}.sh", index + 1); }

// The first line of a tool's complaint, for a one-line error value.
std::string first_line(const std::string& text) {
    const std::size_t end = text.find('\n');
    return end == std::string::npos ? text : text.substr(0, end);
}

std::string excluded_list(const std::vector<int>& codes) {
    std::string list;
    for (const int code : codes) {
        list += (list.empty() ? "" : ",") + fmt::format("SC{}", code);
    }
    return list;
}

}  // namespace

Expected<std::map<std::string, std::vector<Finding>>, std::string> parse_shellcheck_report(std::string_view json) {
    const nlohmann::json report = nlohmann::json::parse(json, nullptr, false);
    if (report.is_discarded() || !report.is_object() || !report.contains("comments") ||
        !report["comments"].is_array()) {
        return unexpected(std::string("shellcheck printed something that is not its json1 report"));
    }
    std::map<std::string, std::vector<Finding>> findings;
    for (const nlohmann::json& comment : report["comments"]) {
        if (!comment.is_object() || !comment.value("line", nlohmann::json()).is_number_integer() ||
            !comment.value("code", nlohmann::json()).is_number_integer()) {
            return unexpected(std::string("shellcheck's report has a comment without a line or a code"));
        }
        Finding finding;
        finding.line = comment["line"].get<int>();
        finding.rule = fmt::format("SC{}", comment["code"].get<int>());
        finding.severity = severity_of_level(comment.value("level", std::string()));
        finding.message = comment.value("message", std::string());
        findings[comment.value("file", std::string())].push_back(std::move(finding));
    }
    return findings;
}

Expected<std::vector<std::vector<Finding>>, std::string> run_shellcheck_all(const std::vector<std::string>& scripts,
                                                                             const ShellcheckOptions& options) {
    if (scripts.empty()) {
        return std::vector<std::vector<Finding>>{};
    }
    ScratchFolder scratch;
    if (!scratch.error().empty()) {
        return unexpected(scratch.error());
    }
    ToolRequest request;
    request.argv = {"shellcheck", "--norc", "-f", "json1", "-s", dialect_name(options.dialect)};
    if (!options.excluded_codes.empty()) {
        request.argv.push_back("--exclude=" + excluded_list(options.excluded_codes));
    }
    for (std::size_t i = 0; i < scripts.size(); ++i) {
        if (!scratch.write(script_name(i), scripts[i])) {
            return unexpected("cannot write a script for shellcheck into " + scratch.path());
        }
        request.argv.push_back(script_name(i));
    }
    request.scratch = &scratch;
    request.timeout_seconds = options.timeout_seconds;
    const ToolResult result = run_tool(request);
    if (!result.started) {
        return unexpected(result.error);
    }
    if (result.timed_out) {
        return unexpected(fmt::format("shellcheck did not finish within {} s", options.timeout_seconds));
    }
    if (result.signal != 0) {
        return unexpected(fmt::format("shellcheck was killed by signal {}", result.signal));
    }
    // 0: nothing found, 1: findings; anything else means it did not check (bad option, unreadable file).
    if (result.exit_code != 0 && result.exit_code != 1) {
        return unexpected(fmt::format("shellcheck failed (exit status {}): {}", result.exit_code,
                                      first_line(result.stderr_text)));
    }
    auto by_file = parse_shellcheck_report(result.stdout_text);
    if (!by_file) {
        return unexpected(by_file.error());
    }
    std::vector<std::vector<Finding>> findings(scripts.size());
    for (std::size_t i = 0; i < scripts.size(); ++i) {
        const auto found = by_file->find(script_name(i));
        if (found != by_file->end()) {
            findings[i] = found->second;
        }
    }
    return findings;
}

ShellcheckFindings run_shellcheck(const std::string& script, const ShellcheckOptions& options) {
    auto all = run_shellcheck_all({script}, options);
    if (!all) {
        return unexpected(all.error());
    }
    return std::move(all->front());
}

}  // namespace snipcheck::runners::shell
