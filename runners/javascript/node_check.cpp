#include "runners/javascript/node_check.hpp"

#include <regex>

#include "runners/tool_process.hpp"

namespace snipcheck::runners::javascript {
namespace {

bool is_module(const std::string& code) {
    static const std::regex module_syntax(R"((^|\n)\s*(import\s+[\w{*'"]|export\s+(default|const|let|var|function|class|async|\{|\*)))");
    return std::regex_search(code, module_syntax);
}

}  // namespace

RunOutput check_javascript(const extractor::Snippet& snippet, double timeout_seconds) {
    RunOutput output;
    output.static_check = true;
    ScratchFolder scratch;
    const std::string file = is_module(snippet.code) ? "snippet.mjs" : "snippet.js";
    if (!scratch.error().empty() || !scratch.write(file, snippet.code + "\n")) {
        output.end = RunEnd::not_run;
        output.reason = "cannot write the snippet for node: " + scratch.error();
        return output;
    }
    ToolRequest request;
    request.argv = {"node", "--check", file};
    request.scratch = &scratch;
    request.timeout_seconds = timeout_seconds;
    const ToolResult result = run_tool(request);
    if (!result.started) {
        output.end = RunEnd::not_run;
        output.reason = result.error;
        if (find_program("node").empty()) {
            output.missing_environment = "node (Debian package nodejs) to check JavaScript";
        }
    } else if (result.timed_out) {
        output.end = RunEnd::timeout;
        output.reason = "node --check did not finish in time";
    } else if (result.signal != 0) {
        output.end = RunEnd::not_run;
        output.reason = "node --check was killed by signal " + std::to_string(result.signal);
    } else if (result.exit_code != 0) {
        // "/…/snippet.js:3" on the first line, the message on the line that starts with an error name.
        static const std::regex where(R"(snippet\.m?js:(\d+))");
        static const std::regex message(R"((^|\n)((\w*Error): ([^\n]*)))");
        std::smatch match;
        int line = 1;
        if (std::regex_search(result.stderr_text, match, where)) {
            line = std::stoi(match[1]);
        }
        output.end = RunEnd::raised;
        output.exception_line = extractor::document_line(snippet, line);
        if (std::regex_search(result.stderr_text, match, message)) {
            output.exception_type = match[3];
            output.exception_message = match[4];
        } else {
            output.exception_type = "node --check";
            output.exception_message = result.stderr_text.substr(0, 400);
        }
    } else {
        output.reason = "valid JavaScript (node --check)";
    }
    return output;
}

}  // namespace snipcheck::runners::javascript
