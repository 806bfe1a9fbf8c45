#pragma once
// Stable snippet ids: a hash of what the snippet is (language and code), so
// edits elsewhere in the document do not change it; identical snippets get
// an occurrence number and point at the first as `duplicate_of`.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "extractor/snippet.hpp"

namespace snipcheck::extractor {

// The hash of a snippet's language and code that its id is made of
// (trailing spaces and tabs of each code line ignored). Never changes
// across compilers or releases: ids are matched across runs.
std::uint64_t code_hash(std::string_view language, std::string_view code);

// Fills `id` and `duplicate_of` of every snippet of one document.
void assign_ids(std::vector<Snippet>& snippets);

// assign_ids with each snippet's code_hash given (code_hashes[i] is
// snippets[i]'s), taken while its code was still in the cache: for a long
// document, reading every snippet's code again cost more than hashing it.
void assign_ids(std::vector<Snippet>& snippets, std::span<const std::uint64_t> code_hashes);

}  // namespace snipcheck::extractor
