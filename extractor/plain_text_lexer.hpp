#pragma once
// Plain text -> blocks. Text with no markup at all: a paragraph (lines
// between blank lines) is code when every line has the shape of Python, a
// Dockerfile, SQL or shell commands; a sentence that merely mentions
// `list.append(x)` or a title is not. Numbered questions and capitalised
// titles give the heading path.

#include "extractor/block.hpp"
#include "extractor/document.hpp"

namespace snipcheck::extractor {

LexedDocument lex_plain_text(const Document& document);

}  // namespace snipcheck::extractor
