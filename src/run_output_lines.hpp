#pragma once
// Document lines inside a run output, for the result cache: a stored run is
// moved to where its snippet is now (the snippet moved when lines were added
// above it), and a run whose text names lines or its document in prose is
// only reused where it was made.

#include <string>
#include <vector>

#include "src/finding.hpp"
#include "src/run_output.hpp"

namespace snipcheck {

// Moves every document line of `run` by `delta`: statements, the exception
// line, lines seen raising, findings, and the `File "PATH", line N` frames
// of the traceback that are in the document `path`.
void move_run_lines(RunOutput& run, const std::string& path, int delta);

// Moves the findings' lines by `delta`.
void move_finding_lines(std::vector<Finding>& findings, int delta);

// Does the run's text mention a line number ("line 12", "lines 3") or the
// document's path anywhere move_run_lines cannot move it (output, messages,
// reasons, traceback text beside its frames)? Such a run holds only at the
// lines it was made at.
bool mentions_position(const RunOutput& run, const std::string& path);

// The same for findings' messages ("redefinition of unused 'x' from line 3").
bool mentions_position(const std::vector<Finding>& findings, const std::string& path);

}  // namespace snipcheck
