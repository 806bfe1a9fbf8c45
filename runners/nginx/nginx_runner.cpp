#include "runners/nginx/nginx_runner.hpp"

#include "runners/nginx/nginx_check.hpp"

namespace snipcheck::runners::nginx {
RunOutput run_nginx_snippet(const extractor::Snippet& snippet, double timeout_seconds) {
    const NginxCheck check = check_nginx_config(snippet.code, timeout_seconds);
    RunOutput output;
    output.static_check = true;
    output.stubs = check.replaced;
    for (const NginxWarning& warning : check.warnings) {
        output.findings.push_back({extractor::document_line(snippet, warning.line), "nginx-warning", Severity::warning, warning.message});
    }
    switch (check.outcome) {
    case NginxCheck::Outcome::valid: output.reason = "valid nginx configuration (nginx -t)"; break;
    case NginxCheck::Outcome::invalid:
        output.end = RunEnd::raised;
        output.exception_type = "nginx -t";
        output.exception_message = check.message;
        output.exception_line = extractor::document_line(snippet, check.line);
        break;
    case NginxCheck::Outcome::not_checked:
        output.end = RunEnd::not_run;
        output.missing_environment = check.reason;
        output.reason = check.reason;
        break;
    }
    return output;
}

}  // namespace snipcheck::runners::nginx
