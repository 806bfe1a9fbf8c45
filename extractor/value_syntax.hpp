#pragma once
// Does a comment's text read as a value Python would print (a literal, a
// repr, `<class 'int'>`), or is it a remark a person wrote?

#include <string_view>

namespace snipcheck::extractor {

// `11`, `'a'`, `[1, 2]`, `{'a': 1}`, `True`, `None`, `<class 'int'>`,
// `Point(x=1, y=2)`, `1 2 3` (several printed values) read as values;
// `Works`, `5 queries`, `Count increases because ...` do not.
bool reads_as_value(std::string_view text);

// Splits a trailing parenthetical remark off a value:
// "['Apple'] (Expected ['Banana'])" -> "['Apple']". Returns the value part
// and sets *remark; returns the text unchanged when there is no remark.
std::string_view split_remark(std::string_view text, std::string_view* remark);

}  // namespace snipcheck::extractor
