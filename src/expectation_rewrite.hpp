#pragma once
// Writes new values in place of old ones in a document's bytes, for each way
// an expectation is written: `# Output: VALUE (remark)`, `# VALUE` after a
// print, `#> VALUE` / `# => VALUE` lines, an `# Output:` comment block,
// doctest output lines and an output block after a code block. Everything but
// the value stays byte for byte: the encoding (UTF-8, or UTF-16 with its
// byte order), BOM, each line's own line ending, indentation, the comment
// marker, the remark. Pure.
//
// The value is found on its line in the bytes (never by column); an edit
// whose old value is not found exactly, whose lines are not valid UTF-8, or
// whose result would not read back as the same expectation holding the new
// value (the document is extracted again to check) is refused, never guessed.

#include <string>
#include <string_view>
#include <vector>

#include "src/expectation_update.hpp"

namespace snipcheck {

struct RewriteResult {
    std::string bytes;  // the document with every applied edit
    std::vector<AppliedEdit> applied;
    std::vector<UpdateRefusal> refusals;
};

// `bytes` is the document as the run read it; `path` decides its format when
// it is read back (Markdown for .md, ...).
RewriteResult rewrite_expectations(const std::string& path, std::string_view bytes, const std::vector<PlannedEdit>& edits);

}  // namespace snipcheck
