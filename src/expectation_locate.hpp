#pragma once
// Finds where one expectation's value is written in a document's raw lines
// and builds the lines that replace it, in the style it is written in (one
// function per ExpectationKind). Pure; used by expectation_rewrite.

#include <string>
#include <vector>

#include "src/expectation_update.hpp"
#include "src/expected.hpp"
#include "src/raw_lines.hpp"

namespace snipcheck {

// Lines [first, first + count) of the document (1-based) become `lines`,
// each with its terminator.
struct LineReplacement {
    int first = 0;
    int count = 0;
    std::vector<std::string> lines;
};

// The replacement that writes edit.new_value in place of edit.old_value, or
// why the old value cannot be found exactly where the extractor saw it.
Expected<LineReplacement, std::string> locate_replacement(const RawLines& raw, const PlannedEdit& edit);

}  // namespace snipcheck
