#pragma once
// Searches of a block's whole text, many times per document, without a
// library call per candidate: string_view::find calls memchr for each
// occurrence of the needle's first character, and a block of Python holds
// a ':' or an 's' every few bytes (those calls were 2-3% of extracting a
// long document). 16 bytes are compared at once where SSE2 is there.

#include <cstddef>
#include <string_view>

namespace snipcheck::extractor {

// Whether `needle` (at least 2 bytes) occurs in `text`. Candidates are
// positions holding both the needle's first and last byte; only those are
// compared in full.
bool contains_text(std::string_view text, std::string_view needle);

// The index of the first '\n' at or after `from`, or text.size() when there
// is none.
std::size_t find_newline(std::string_view text, std::size_t from);

}  // namespace snipcheck::extractor
