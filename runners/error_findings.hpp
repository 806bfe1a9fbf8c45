#pragma once
// A checker's error-level finding (shellcheck's `if` without `fi`, a compose
// service with no image) fails the snippet as a parse error would.

#include <string>

#include "src/run_output.hpp"

namespace snipcheck::runners {

// Unless the run already ended otherwise, the first error-level finding
// becomes the run's exception, of the type `type_of(finding)` names.
template <typename TypeOf>
void raise_first_error_finding(RunOutput& output, TypeOf type_of) {
    if (output.end != RunEnd::completed) {
        return;
    }
    for (const Finding& finding : output.findings) {
        if (finding.severity == Severity::error) {
            output.end = RunEnd::raised;
            output.exception_type = type_of(finding);
            output.exception_message = finding.message;
            output.exception_line = finding.line;
            return;
        }
    }
}

}  // namespace snipcheck::runners
