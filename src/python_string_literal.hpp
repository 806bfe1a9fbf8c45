#pragma once
// Python string and bytes literals, read from a literal's text: quotes
// (triple too), raw strings, and the escapes Python decodes. Pure; used by
// python_literal.

#include <optional>
#include <string>

#include "src/python_literal_cursor.hpp"

namespace snipcheck {

// At the opening quote (after any prefix): the decoded value (UTF-8; bytes
// as they are), the cursor past the closing quote. nullopt for an unclosed
// literal, a bad escape, or a bytes literal holding non-ASCII.
std::optional<std::string> read_string_literal(LiteralCursor& cursor, bool raw, bool bytes);

// 0-15 for a hex digit, else -1.
int hex_value(char c);

}  // namespace snipcheck
