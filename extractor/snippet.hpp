#pragma once
// The extractor's product: a snippet with its language, code, line map back
// to the document, expectations and directives. Plain values, no behaviour.

#include <optional>
#include <string>
#include <vector>

#include "extractor/heading_path.hpp"
#include "extractor/shared_path.hpp"
#include "src/finding.hpp"

namespace snipcheck::extractor {

enum class SnippetForm { fenced, indented, unfenced, session, embedded };

enum class ExpectationKind {
    output_comment,   // stmt  # Output: VALUE
    value_comment,    // print(x)  # VALUE   (VALUE reads as a value)
    output_lines,     // # Output:  then  # line  comment lines
    arrow,            // #> VALUE, # => VALUE, # -> VALUE
    doctest,          // >>> stmt  then output lines
    output_block,     // an output block after the code block
    raises,           // # raises ValueError, a doctest traceback
};

struct Expectation {
    int line = 0;            // document line where the expectation is written
    int statement_line = 0;  // document line of the statement it checks; 0 = the whole snippet
    ExpectationKind kind = ExpectationKind::output_comment;
    std::string expected;    // the value; for `raises` the exception name
    std::string remark;      // a trailing "(a remark)" that is not part of the value
};

// Directives parsed from `<!-- snipcheck: ... -->` before the block and
// `# snipcheck: ...` inside it. Unset fields mean "use the default".
struct Directives {
    bool skip = false;
    std::string skip_reason;
    std::optional<double> timeout_seconds;
    std::string session;       // "", "isolated", "document"
    std::string expect_error;  // "", or an exception name / "any"
    std::string language;      // override of the detected language
};

struct Snippet {
    std::string id;        // stable: the hash of language and code, plus an occurrence number
    SharedPath file;       // the document's path, shared with its other snippets
    int start_line = 0;    // first code line in the document
    int end_line = 0;      // last code line in the document
    std::string language;  // "python", "sql", "dockerfile", "bash", "yaml", "json", ...
    std::string dialect;   // for sql: "mysql", "postgresql", "sqlite" when the tag says so
    std::string info;      // the fence info string as written
    SnippetForm form = SnippetForm::fenced;
    std::string code;
    std::vector<int> line_map;  // document line of each code line
    std::vector<int> example_lines;  // a `>>>` session: the document line of each prompt
    std::vector<Expectation> expectations;
    Directives directives;
    std::vector<std::string> defects;
    HeadingPath heading;  // outermost first; shared with the other snippets under it
    std::vector<Finding> findings;
    std::string duplicate_of;  // id of an identical earlier snippet
    std::string parent;        // for embedded snippets: the id of the snippet holding them
    // The file a file-path comment names (`# models.py` -> "models.py"), for
    // one part of a block that holds several files, or a block that is one.
    std::string part_file;
};

// The document line of 1-based code line `code_line` (the first code line
// for 0 or less, the last known line past the end).
inline int document_line(const Snippet& snippet, int code_line) {
    const auto index = static_cast<std::size_t>(code_line < 1 ? 0 : code_line - 1);
    if (index < snippet.line_map.size()) {
        return snippet.line_map[index];
    }
    return snippet.line_map.empty() ? snippet.start_line : snippet.line_map.back();
}

const char* form_name(SnippetForm form);
const char* expectation_kind_name(ExpectationKind kind);

}  // namespace snipcheck::extractor
