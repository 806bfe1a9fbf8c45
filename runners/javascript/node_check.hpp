#pragma once
// JavaScript snippets: `node --check` (a real parser) in the sandbox; a
// syntax error is an `error` at its document line. Code with top-level
// import/export is checked as an ES module.

#include "extractor/snippet.hpp"
#include "src/run_output.hpp"

namespace snipcheck::runners::javascript {

// Never throws; when node is missing the output is not_run with the reason.
RunOutput check_javascript(const extractor::Snippet& snippet, double timeout_seconds);

}  // namespace snipcheck::runners::javascript
