#pragma once
// The extractor's front door: a decoded document -> its snippets, with
// languages, expectations, directives, defects, stable ids and duplicates.
// Pure: no I/O, no processes, no Python.

#include <string>
#include <vector>

#include "extractor/document.hpp"
#include "extractor/snippet.hpp"
#include "src/diagnostic.hpp"

namespace snipcheck::extractor {

// Something wrong with the document as a whole, at a line.
struct DocumentDefect {
    int line = 0;
    std::string code;  // "starts-inside-block", "invalid-utf8", "mojibake" ...
    std::string message;
};

struct ExtractedDocument {
    std::vector<Snippet> snippets;  // in document order; embedded SQL right after its parent
    std::vector<DocumentDefect> defects;
    std::vector<Diagnostic> diagnostics;  // what a user must read: bad directives, stray directives
};

// `defaults` are the directives every snippet starts from (the
// configuration's [[overrides]] for this document); the document's own
// directives are applied over them, key by key.
ExtractedDocument extract(const Document& document, const Directives& defaults = {});

}  // namespace snipcheck::extractor
