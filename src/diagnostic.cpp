#include "src/diagnostic.hpp"

#include <fmt/format.h>

namespace snipcheck {

const char* severity_name(Severity severity) {
    switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
    }
    return "error";
}

std::string format_diagnostic(const Diagnostic& diagnostic) {
    if (diagnostic.line > 0 && diagnostic.column > 0) {
        return fmt::format("{}:{}:{}: {}: {}", diagnostic.path, diagnostic.line, diagnostic.column,
                           severity_name(diagnostic.severity), diagnostic.message);
    }
    if (diagnostic.line > 0) {
        return fmt::format("{}:{}: {}: {}", diagnostic.path, diagnostic.line,
                           severity_name(diagnostic.severity), diagnostic.message);
    }
    return fmt::format("{}: {}: {}", diagnostic.path, severity_name(diagnostic.severity),
                       diagnostic.message);
}

}  // namespace snipcheck
