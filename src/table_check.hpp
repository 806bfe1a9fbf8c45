#pragma once
// The checker's part for result tables: a table written in the document
// against the rows a SQL statement returned.

#include <optional>

#include "extractor/snippet.hpp"
#include "src/run_output.hpp"
#include "src/verdict.hpp"

namespace snipcheck {

// Judges an output-block or transcript expectation against the table of
// the statement it belongs to (the last statement that returned rows when
// it belongs to the whole snippet). nullopt when the run returned no tables
// at all (not SQL): the caller compares text then.
std::optional<ExpectationResult> judge_table(const extractor::Expectation& expectation, const RunOutput& run);

}  // namespace snipcheck
