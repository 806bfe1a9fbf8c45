#pragma once
// A shell snippet -> run output: shellcheck findings at document lines.
// A console transcript (`$ command` lines with their output) is checked as
// the commands alone. Nothing is executed.

#include "extractor/snippet.hpp"
#include "src/run_output.hpp"

namespace snipcheck::runners::shell {

// shellcheck's error-level findings make the run `raised` (at the first);
// the others are findings. zsh and Windows shells are not checked (the
// run says so). Never throws.
RunOutput run_shell_snippet(const extractor::Snippet& snippet, double timeout_seconds);

}  // namespace snipcheck::runners::shell
