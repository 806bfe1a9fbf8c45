#include "src/static_checks.hpp"

#include <chrono>

#include "runners/dockerfile/dockerfile_runner.hpp"
#include "runners/dotenv/dotenv_check.hpp"
#include "runners/javascript/node_check.hpp"
#include "runners/nginx/nginx_runner.hpp"
#include "runners/shell/shell_runner.hpp"
#include "runners/yaml/yaml_check.hpp"

namespace snipcheck {

namespace {

// The `# .env` part of a mixed block is "dotenv"; a block tagged env or
// dotenv, or that reads as one, is "env".
bool is_dotenv(const std::string& language) { return language == "dotenv" || language == "env"; }

}  // namespace

bool has_static_check(const extractor::Snippet& snippet) {
    const std::string& language = snippet.language;
    return language == "yaml" || language == "json" || language == "javascript" || language == "nginx" ||
           language == "dockerfile" || language == "bash" || is_dotenv(language);
}

namespace {

RunOutput dispatch(const extractor::Snippet& snippet, double timeout_seconds) {
    const std::string& language = snippet.language;
    if (language == "yaml") {
        return runners::yaml::check_yaml(snippet);
    }
    if (language == "json") {
        return runners::yaml::check_json(snippet);
    }
    if (is_dotenv(language)) {
        return runners::dotenv::check_dotenv(snippet);
    }
    if (language == "javascript") {
        return runners::javascript::check_javascript(snippet, timeout_seconds);
    }
    if (language == "dockerfile") {
        return runners::dockerfile::run_dockerfile_snippet(snippet);
    }
    if (language == "bash") {
        return runners::shell::run_shell_snippet(snippet, timeout_seconds);
    }
    if (language == "nginx") {
        return runners::nginx::run_nginx_snippet(snippet, timeout_seconds);
    }
    RunOutput output;
    output.end = RunEnd::not_run;
    output.reason = "no checker for " + language;
    return output;
}

}  // namespace

// Timed here, once for every checker, early returns included.
RunOutput run_static_check(const extractor::Snippet& snippet, double timeout_seconds) {
    const auto began = std::chrono::steady_clock::now();
    RunOutput output = dispatch(snippet, timeout_seconds);
    output.duration_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began).count();
    return output;
}

}  // namespace snipcheck
