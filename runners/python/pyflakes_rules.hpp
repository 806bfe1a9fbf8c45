#pragma once
// What snipcheck makes of a pyflakes message: its severity, and whether it
// is worth reporting for a given form of snippet. Pure, no Python.

#include <string_view>

#include "extractor/snippet.hpp"
#include "src/diagnostic.hpp"

namespace snipcheck::runners::python {

// Severity of a pyflakes rule id ("undefined-name"): error when a name the
// code needs is missing or CPython refuses to compile the code, warning for
// everything else; an unknown rule is a warning.
Severity pyflakes_rule_severity(std::string_view rule);

// False when the finding is noise for this form of snippet: unused-* in a
// `>>>` session, where a bare expression is displayed, not wasted.
bool keeps_pyflakes_finding(std::string_view rule, extractor::SnippetForm form);

}  // namespace snipcheck::runners::python
