#pragma once
// A Dockerfile snippet -> run output: parsed (an error at its line when
// Docker would refuse it), linted, and its RUN scripts shellchecked, every
// finding at its document line. Nothing is built.

#include "extractor/snippet.hpp"
#include "src/run_output.hpp"

namespace snipcheck::runners::dockerfile {

// Never throws. Without shellcheck the Dockerfile is still parsed and
// linted, and the run says shellcheck did not run.
RunOutput run_dockerfile_snippet(const extractor::Snippet& snippet);

}  // namespace snipcheck::runners::dockerfile
