#pragma once
// Questions the runner tests ask of a run output.

#include <string>

#include "src/run_output.hpp"

namespace snipcheck::test {

// Does the run hold a finding of `rule` at document line `line`?
inline bool has_finding(const RunOutput& output, const std::string& rule, int line) {
    for (const Finding& finding : output.findings) {
        if (finding.rule == rule && finding.line == line) {
            return true;
        }
    }
    return false;
}

}  // namespace snipcheck::test
