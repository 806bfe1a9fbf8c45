#pragma once
// The one pure checker: judges a snippet's run output against the
// expectations its document wrote, in the verdict vocabulary of DESIGN.md.
// It runs nothing and reads no files, so it is tested without Python.

#include <string_view>

#include "extractor/snippet.hpp"
#include "src/run_output.hpp"
#include "src/verdict.hpp"

namespace snipcheck {

// A verdict with one ExpectationResult per expectation (and one for an
// `expect_error` directive). timeout -> timeout; could not start, unexpected
// exception, crash, non-zero exit, stdin read -> error; an expectation that
// did not hold -> fail; else pass (evidence `output` when something was
// compared, `run` when there was nothing to compare). Never throws.
Verdict check(const extractor::Snippet& snippet, const RunOutput& run);

}  // namespace snipcheck
