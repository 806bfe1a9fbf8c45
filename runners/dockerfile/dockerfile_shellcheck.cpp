#include "runners/dockerfile/dockerfile_shellcheck.hpp"

#include <algorithm>
#include <map>

#include "runners/dockerfile/dockerfile_shell_scripts.hpp"
#include "runners/shell/shellcheck.hpp"

namespace snipcheck::runners::dockerfile {
namespace {

// SC2154 "x is referenced but not assigned": a RUN line sees ARG and ENV
//   values and the base image's environment, none of which shellcheck sees.
// SC1090, SC1091 "not following sourced file": the file is in the image,
//   not beside the Dockerfile; shellcheck saying it cannot look is no finding.
const std::vector<int> k_excluded_codes = {2154, 1090, 1091};

int code_line(const ShellScript& script, int script_line) {
    if (script.code_lines.empty()) {
        return 0;
    }
    const std::size_t index = static_cast<std::size_t>(std::max(script_line, 1) - 1);
    return script.code_lines[std::min(index, script.code_lines.size() - 1)];
}

}  // namespace

Expected<std::vector<Finding>, std::string> shellcheck_dockerfile(const ParsedDockerfile& parsed) {
    const std::vector<ShellScript> scripts = shell_scripts(parsed);
    // One shellcheck process per dialect, all that dialect's scripts at once.
    std::map<shell::ShellDialect, std::vector<const ShellScript*>> by_dialect;
    for (const ShellScript& script : scripts) {
        by_dialect[script.dialect].push_back(&script);
    }
    std::vector<Finding> findings;
    for (const auto& [dialect, group] : by_dialect) {
        std::vector<std::string> texts;
        for (const ShellScript* script : group) {
            texts.push_back(script->text);
        }
        shell::ShellcheckOptions options;
        options.dialect = dialect;
        options.excluded_codes = k_excluded_codes;
        auto checked = shell::run_shellcheck_all(texts, options);
        if (!checked) {
            return unexpected(checked.error());
        }
        for (std::size_t i = 0; i < group.size(); ++i) {
            for (Finding finding : (*checked)[i]) {
                finding.line = code_line(*group[i], finding.line);
                findings.push_back(std::move(finding));
            }
        }
    }
    std::stable_sort(findings.begin(), findings.end(),
                     [](const Finding& a, const Finding& b) { return a.line < b.line; });
    return findings;
}

}  // namespace snipcheck::runners::dockerfile
