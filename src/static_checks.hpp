#pragma once
// Snippets checked one at a time by a parser or an external checker, not in
// a session: YAML, JSON, JavaScript, Dockerfile, shell, nginx, .env. Each language
// has its runner in runners/; this picks it.

#include <string>

#include "extractor/snippet.hpp"
#include "src/run_output.hpp"

namespace snipcheck {

// Is there a checker for this language?
bool has_static_check(const extractor::Snippet& snippet);

// Runs the language's checker; never throws.
RunOutput run_static_check(const extractor::Snippet& snippet, double timeout_seconds);

}  // namespace snipcheck
