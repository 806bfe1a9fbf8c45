#pragma once
// UTF-16 documents are rewritten through a UTF-8 copy of their bytes: every
// code unit converted one for one, the BOM and each CR and LF kept, so lines
// and line endings are those of the original. Pure.

#include <optional>
#include <string>
#include <string_view>

namespace snipcheck {

enum class Utf16Order { little, big };

// UTF-16 bytes (its BOM included) -> the same text as UTF-8, the BOM as
// EF BB BF; nullopt when the bytes do not go back and forth exactly (an odd
// length, an unpaired surrogate, a NUL).
std::optional<std::string> utf16_to_utf8(std::string_view bytes, Utf16Order order);

// Well-formed UTF-8 (from utf16_to_utf8, edited) -> UTF-16 bytes in `order`.
std::string utf8_to_utf16(std::string_view text, Utf16Order order);

}  // namespace snipcheck
