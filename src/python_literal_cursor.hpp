#pragma once
// A position in the text of a Python literal, shared by the readers of its
// parts (python_literal, python_number_literal, python_string_literal).

#include <cstddef>
#include <string_view>

namespace snipcheck {

struct LiteralCursor {
    std::string_view text;
    std::size_t pos = 0;

    bool at_end() const { return pos >= text.size(); }
    // The character `ahead` past the position, '\0' past the end.
    char peek(std::size_t ahead = 0) const { return pos + ahead < text.size() ? text[pos + ahead] : '\0'; }
};

}  // namespace snipcheck
