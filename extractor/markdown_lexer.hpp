#pragma once
// Markdown -> blocks. Reads what real documents contain, not only what
// CommonMark allows: fences at any indent inside list items, indented code
// right after a paragraph line, and broken documents (a file that starts
// inside a block, a block cut off by the next opening fence or spliced into
// a heading, a fence never closed), each recovered and named as a defect.

#include "extractor/block.hpp"
#include "extractor/document.hpp"

namespace snipcheck::extractor {

LexedDocument lex_markdown(const Document& document);

}  // namespace snipcheck::extractor
