#pragma once
// The modules a set of Python snippets import, read from their `import` and
// `from ... import` lines. The fork server imports exactly these before
// forking, so a document that uses Django gets a warm Django and a document
// that uses nothing pays for nothing.

#include <string>
#include <vector>

#include "extractor/snippet.hpp"

namespace snipcheck::runners::python {

// Absolute module names ("django.db.models", "json"), each once, in first-seen order.
std::vector<std::string> imported_modules(const std::vector<const extractor::Snippet*>& snippets);

}  // namespace snipcheck::runners::python
