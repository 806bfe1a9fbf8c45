#pragma once
// Directives are data: `skip`, `skip="why"`, `timeout=30`,
// `session=isolated|document`, `expect-error=ValueError`, `language=sql`,
// written as `<!-- snipcheck: ... -->` before a block or `# snipcheck: ...`
// (also `--` and `//` comments) inside it. Parsed once, validated strictly:
// an unknown key or a bad value is a finding at its line.

#include <string_view>
#include <vector>

#include "extractor/snippet.hpp"
#include "src/finding.hpp"

namespace snipcheck::extractor {

// Applies the directive text (what follows "snipcheck:") written at `line`
// onto `directives`; problems are appended to `findings`.
void apply_directive(std::string_view text, int line, Directives& directives, std::vector<Finding>& findings);

// The directive text of a code line holding `# snipcheck: ...`,
// `-- snipcheck: ...` or `// snipcheck: ...`, or empty.
std::string_view code_directive_text(std::string_view line);

// Whether `text` holds `snipcheck:`, as every code directive does: asked of
// a block's whole text, it spares most blocks a search per line.
bool mentions_snipcheck(std::string_view text);

}  // namespace snipcheck::extractor
