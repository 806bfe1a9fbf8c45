#pragma once
// .env snippets (the `# .env` part of a mixed block, a block tagged env or
// dotenv): KEY=VALUE lines as python-dotenv, docker compose and a shell
// read them. Pure: no processes.
//
// Accepted: blank lines, `#` comment lines, an optional `export `, keys
// [A-Za-z_][A-Za-z0-9_]*, values unquoted (a ` #` starts a comment),
// 'single-quoted' or "double-quoted" with backslash escapes, and quoted
// values that go on over several lines. Errors: a line without `=`, a bad
// key, an unterminated quote, text after a closing quote. Warnings: spaces
// around `=` (a shell and Docker's --env-file do not allow them), a key set
// twice, a quote inside an unquoted value.

#include <string_view>
#include <vector>

#include "extractor/snippet.hpp"
#include "src/finding.hpp"
#include "src/run_output.hpp"

namespace snipcheck::runners::dotenv {

// The findings of .env text, at 1-based lines of `code`.
std::vector<Finding> dotenv_findings(std::string_view code);

// Checks a dotenv snippet: findings at document lines; the first error-level
// one fails it. Never throws.
RunOutput check_dotenv(const extractor::Snippet& snippet);

}  // namespace snipcheck::runners::dotenv
