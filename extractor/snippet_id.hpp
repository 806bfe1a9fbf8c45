#pragma once
// Stable snippet ids: a hash of what the snippet is (language and code), so
// edits elsewhere in the document do not change it; identical snippets get
// an occurrence number and point at the first as `duplicate_of`.

#include <vector>

#include "extractor/snippet.hpp"

namespace snipcheck::extractor {

// Fills `id` and `duplicate_of` of every snippet of one document.
void assign_ids(std::vector<Snippet>& snippets);

}  // namespace snipcheck::extractor
