#pragma once
// "Did you mean ...?" for a misspelt name: the known name closest to it by
// edit distance, when it is close enough to be a likely typo.

#include <span>
#include <string>
#include <string_view>

namespace snipcheck {

// The known name within two edits of `name` (and fewer edits than half its
// length), nearest first; empty when none is that close.
std::string closest_name(std::string_view name, std::span<const std::string_view> known);

}  // namespace snipcheck
