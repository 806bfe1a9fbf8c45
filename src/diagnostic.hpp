#pragma once
// Every message a user reads starts with `path:line:`; this is the one place
// that formats it.

#include <string>

namespace snipcheck {

enum class Severity { error, warning, note };

// A located message. line 0 means "the whole file" and prints as `path:`;
// column 0 means "the whole line".
struct Diagnostic {
    std::string path;
    int line = 0;
    Severity severity = Severity::error;
    std::string message;
    int column = 0;
};

// "path:line: error: message", "path:line:column: error: message" with a
// column, or "path: error: message" without a line.
std::string format_diagnostic(const Diagnostic& diagnostic);

const char* severity_name(Severity severity);

}  // namespace snipcheck
