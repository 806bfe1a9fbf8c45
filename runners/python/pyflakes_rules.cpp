#include "runners/python/pyflakes_rules.hpp"

#include <array>
#include <string_view>

namespace snipcheck::runners::python {
namespace {

// Errors: the snippet cannot work as written. A missing name raises
// NameError (undefined-name, undefined-local as UnboundLocalError,
// undefined-export on `from m import *`); the others are statements that
// parse but that CPython's compiler rejects with a SyntaxError.
// Everything else pyflakes says (unused names, redefinitions, format-string
// mistakes, `raise NotImplemented`, `print >>f`, an import-star-usage that
// only "may be undefined") is a warning: suspect, but the snippet may still
// show what its document says, and the runner judges what actually runs.
constexpr std::array<std::string_view, 15> k_error_rules = {
    "undefined-name",
    "undefined-local",
    "undefined-export",
    "return-outside-function",
    "yield-outside-function",
    "continue-outside-loop",
    "break-outside-loop",
    "continue-in-finally",
    "default-except-not-last",
    "two-starred-expressions",
    "too-many-expressions-in-starred-assignment",
    "import-star-not-permitted",
    "late-future-import",
    "future-feature-not-defined",
    "duplicate-argument",
};

}  // namespace

Severity pyflakes_rule_severity(std::string_view rule) {
    for (const std::string_view error_rule : k_error_rules) {
        if (rule == error_rule) {
            return Severity::error;
        }
    }
    return Severity::warning;
}

bool keeps_pyflakes_finding(std::string_view rule, extractor::SnippetForm form) {
    if (form == extractor::SnippetForm::session) {
        return !rule.starts_with("unused-");
    }
    return true;
}

}  // namespace snipcheck::runners::python
