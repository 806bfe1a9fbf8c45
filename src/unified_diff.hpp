#pragma once
// A unified diff of two versions of one file, as `diff -u` prints it and
// `patch -p0` applies it: `--- path` / `+++ path`, then `@@ -a,b +c,d @@`
// hunks with three lines of context. Lines are split at LF and keep every
// other byte (CR, BOM); a last line without LF is followed by
// `\ No newline at end of file`. Pure.

#include <string>
#include <string_view>

namespace snipcheck {

// Empty when the two are equal.
std::string unified_diff(std::string_view path, std::string_view before, std::string_view after);

}  // namespace snipcheck
