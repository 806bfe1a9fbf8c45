#pragma once
// Mixed blocks: a Python block that holds several files (`# models.py`,
// `# views.py`, `# templates/list.html`, `# .env`) is split at those
// file-path comments into parts, each in the language its file name says.
// Pure text work on the block's lines; the extractor makes the snippets.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace snipcheck::extractor {

// One file of a mixed block: block lines [first, end) are its code.
struct FilePart {
    std::string file;      // "models.py", "templates/list.html"; "" for the code before the first file-path comment
    std::string language;  // "python", "django-template", "dotenv" ...; "" = the block's own language
    std::size_t first = 0;
    std::size_t end = 0;
};

struct FileParts {
    // The block's parts in order; empty when no line names a file. Parts
    // with no code are left out, and so is text before the first file-path
    // comment that is only comments.
    std::vector<FilePart> parts;
    // The block becomes one snippet per part. When false the block stays one
    // snippet, and a single part's file (a block that is just `# settings.py`
    // and Python) still names it.
    bool split = false;
};

// The file a file-path comment line names, or "" when the line is none:
// `# models.py`, `# File: views.py`, `# views.py (the views)`, `# .env file`,
// `# Dockerfile`, and, when `at_paragraph_start`, `<!-- templates/x.html -->`
// and `{# templates/x.html #}`. The comment starts at column 0 and must name
// a path with a known extension or a known file name; `# In views` and
// `# Generated SQL:` name none.
std::string file_path_comment(std::string_view line, bool at_paragraph_start);

// The language of a file from its name, and for `.html`/`.txt` from its
// content: `{%` or `{{`, or a place under templates/, make it a Django template.
std::string language_of_file(std::string_view file, const std::vector<std::string_view>& lines);

// Finds the file-path comments of a Python block and its parts. A Python
// part starts at its file-path comment line (kept, so the snippet says which
// file it is), or at the comment lines right above that line when a blank
// line precedes them (a caption: `# 4. Register the app` then `# apps.py`);
// any other part starts after it, so its code is the file's content only.
// Blank lines at a part's ends are not part of it.
// `block_is_python`: the block as a whole reads as Python, so one part of
// another kind (`# .env` then KEY=VALUE lines) is still split off to get
// its own language.
FileParts split_file_parts(const std::vector<std::string_view>& lines, bool block_is_python);

}  // namespace snipcheck::extractor
