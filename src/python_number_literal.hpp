#pragma once
// Python number literals as documents print them: ints in any base with
// underscores, floats, `inf`, `nan`, imaginary parts. Pure; used by
// python_literal.

#include <optional>
#include <string_view>

#include "src/python_literal.hpp"
#include "src/python_literal_cursor.hpp"

namespace snipcheck {

// At a digit (or `.digit`): the number, ints as canonical decimal text; the
// cursor after it. nullopt for `01`, `1abc`, `1.2.3`, a based int over
// 2000 digits.
std::optional<PyValue> read_number_literal(LiteralCursor& cursor);

// After a unary sign: a number, `inf` or `nan`.
std::optional<PyValue> read_signed_number(LiteralCursor& cursor);

// `inf` and `nan` as floats; nullopt for any other word.
std::optional<PyValue> special_float_literal(std::string_view word);

// The value with its sign turned (an int's text, a float's or complex's parts).
void negate_number(PyValue& value);

}  // namespace snipcheck
