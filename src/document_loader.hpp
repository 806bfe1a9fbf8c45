#pragma once
// From command-line paths to extracted documents: find the inputs, read,
// decode and extract each one. Shared by `list` and `run`.

#include <functional>
#include <string>
#include <vector>

#include "extractor/extractor.hpp"
#include "src/diagnostic.hpp"

namespace snipcheck {

// `problem` gets every path that cannot be read or decoded; `visit` gets each
// document in turn (its extraction may be moved from); `read`, when given,
// gets each document's bytes as read, before decoding. `defaults_for`, when
// set, gives the directives a document's snippets start from.
void for_each_document(const std::vector<std::string>& paths, const std::function<void(const Diagnostic&)>& problem,
                       const std::function<void(const extractor::Document&, extractor::ExtractedDocument&)>& visit,
                       const std::function<void(const std::string& path, const std::string& bytes)>& read = {},
                       const std::function<extractor::Directives(const std::string& path)>& defaults_for = {});

}  // namespace snipcheck
