#include "runners/shell/shell_runner.hpp"

#include <fmt/format.h>

#include "extractor/code_shape.hpp"
#include "runners/error_findings.hpp"
#include "runners/shell/shell_dialect.hpp"
#include "runners/shell/shellcheck.hpp"
#include "runners/tool_process.hpp"
#include "src/ascii_case.hpp"

namespace snipcheck::runners::shell {
namespace {

std::string first_word(const std::string& info) { return lower(info.substr(0, info.find_first_of(" \t{"))); }

struct Script {
    std::string text;
    std::vector<int> document_lines;  // of each script line
};

// The commands of a `$ ` transcript, or the whole code when it has none.
Script script_of(const extractor::Snippet& snippet) {
    std::vector<std::string_view> lines;
    std::string_view code = snippet.code;
    for (std::size_t start = 0; start <= code.size();) {
        const std::size_t end = std::min(code.find('\n', start), code.size());
        lines.push_back(code.substr(start, end - start));
        start = end + 1;
    }
    bool transcript = false;
    for (std::string_view line : lines) {
        transcript = transcript || extractor::shell_prompt_length(line) > 0;
    }
    Script script;
    bool continued = false;
    bool in_command = false;  // inside a command and the lines it continues on
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view line = lines[i];
        if (transcript) {
            if (const std::size_t prompt = extractor::shell_prompt_length(line); prompt > 0) {
                line.remove_prefix(prompt);
                in_command = true;
            } else if (in_command && (line.substr(0, 2) == "> " || line == ">")) {
                line.remove_prefix(std::min<std::size_t>(2, line.size()));  // the shell's continuation prompt
            } else if (!continued) {
                in_command = false;
                continue;  // output of the command before
            }
        }
        continued = !line.empty() && line.back() == '\\';
        script.text.append(line).append("\n");
        script.document_lines.push_back(i < snippet.line_map.size() ? snippet.line_map[i] : snippet.start_line);
    }
    return script;
}

}  // namespace

RunOutput run_shell_snippet(const extractor::Snippet& snippet, double timeout_seconds) {
    RunOutput output;
    output.static_check = true;
    const std::string tag = first_word(snippet.info);
    if (tag == "zsh" || tag == "cmd" || tag == "powershell" || tag == "bat" || tag == "ps1") {
        output.end = RunEnd::not_run;
        output.missing_environment = "a checker for " + tag + " (shellcheck reads sh, bash, dash and ksh)";
        return output;
    }
    const Script script = script_of(snippet);
    ShellcheckOptions options;
    options.dialect = tag == "sh" ? ShellDialect::sh : ShellDialect::bash;
    if (const auto shebang = dialect_of_shebang(script.text)) {
        options.dialect = *shebang;
    }
    options.timeout_seconds = timeout_seconds;
    // A snippet is a fragment: variables set elsewhere (SC2154) are not its fault.
    options.excluded_codes = {2154};
    ShellcheckFindings checked = run_shellcheck(script.text, options);
    if (!checked) {
        output.end = RunEnd::not_run;
        output.reason = "shellcheck did not run: " + checked.error();
        if (find_program("shellcheck").empty()) {
            output.missing_environment = "shellcheck (Debian package shellcheck)";
        }
        return output;
    }
    for (Finding finding : checked.value()) {
        const auto index = static_cast<std::size_t>(std::max(1, finding.line) - 1);
        finding.line = index < script.document_lines.size() ? script.document_lines[index] : snippet.start_line;
        output.findings.push_back(std::move(finding));
    }
    raise_first_error_finding(output, [](const Finding& finding) { return "shellcheck " + finding.rule; });
    if (output.end == RunEnd::completed) {
        output.reason = fmt::format("shellcheck ({}): {} finding{}", dialect_name(options.dialect),
                                    output.findings.size(), output.findings.size() == 1 ? "" : "s");
    }
    return output;
}

}  // namespace snipcheck::runners::shell
