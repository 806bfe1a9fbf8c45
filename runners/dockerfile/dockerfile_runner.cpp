#include "runners/dockerfile/dockerfile_runner.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "runners/dockerfile/dockerfile_lint.hpp"
#include "runners/dockerfile/dockerfile_parser.hpp"
#include "runners/dockerfile/dockerfile_shellcheck.hpp"
#include "runners/error_findings.hpp"

namespace snipcheck::runners::dockerfile {
RunOutput run_dockerfile_snippet(const extractor::Snippet& snippet) {
    RunOutput output;
    output.static_check = true;
    const ParsedDockerfile parsed = parse_dockerfile(snippet.code);
    if (!parsed.errors.empty()) {
        const ParseError& first = parsed.errors.front();
        output.end = RunEnd::raised;
        output.exception_type = "Dockerfile error";
        output.exception_message = first.message;
        output.exception_line = extractor::document_line(snippet, first.line);
        for (std::size_t i = 1; i < parsed.errors.size(); ++i) {
            output.findings.push_back({extractor::document_line(snippet, parsed.errors[i].line), "dockerfile-parse", Severity::error,
                                       parsed.errors[i].message});
        }
    }
    std::vector<Finding> findings = lint_dockerfile(parsed);
    std::string shellcheck_note;
    if (auto checked = shellcheck_dockerfile(parsed)) {
        findings.insert(findings.end(), checked.value().begin(), checked.value().end());
    } else {
        shellcheck_note = "; shellcheck did not run: " + checked.error();
    }
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) { return a.line < b.line; });
    for (Finding& finding : findings) {
        finding.line = extractor::document_line(snippet, finding.line);
        output.findings.push_back(std::move(finding));
    }
    // A shell error in a RUN line (an `if` without `fi`) breaks the build
    // as surely as a parse error.
    raise_first_error_finding(output, [](const Finding& finding) { return "shellcheck " + finding.rule; });
    if (output.end == RunEnd::completed) {
        // Nothing is built: that needs a container engine, and the check is static.
        output.reason = fmt::format("valid Dockerfile, parsed and not built: {} instruction{}, {} finding{}{}",
                                    parsed.instructions.size(),
                                    parsed.instructions.size() == 1 ? "" : "s", output.findings.size(),
                                    output.findings.size() == 1 ? "" : "s", shellcheck_note);
    }
    return output;
}

}  // namespace snipcheck::runners::dockerfile
