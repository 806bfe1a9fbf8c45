#pragma once
// Python literals and the literal-like reprs documents show, read into a
// small value tree so two texts can be compared by value: quote style,
// spacing, set and dict order do not matter; int 1 and float 1.0 differ,
// as they print differently. Pure; never throws, never recurses past
// k_max_literal_depth.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace snipcheck {

inline constexpr int k_max_literal_depth = 200;

enum class PyKind {
    none,       // None
    boolean,    // True / False (text "True" / "False")
    constant,   // Ellipsis, NotImplemented (text holds the name)
    integer,    // text: canonical decimal digits, '-' first when negative
    floating,   // real
    complex,    // real + imag j
    str,        // text: the decoded value, UTF-8
    bytes,      // text: the decoded bytes
    list,
    tuple,
    set,        // items sorted canonically
    dict,       // items are (key, value) pairs, sorted canonically
    pair,       // a dict entry: items[0] key, items[1] value
    call,       // Name(args): text is the dotted name; items the arguments
    name,       // a bare dotted name as a call argument (`tzinfo=datetime.timezone.utc`)
};

struct PyValue {
    PyKind kind = PyKind::none;
    std::string text;
    double real = 0;
    double imag = 0;
    std::string keyword;  // a call argument written `keyword=value`
    std::vector<PyValue> items;
};

// One literal or literal-like repr covering the whole text (surrounding
// whitespace allowed): `[1, 'a']`, `{'b': 2, 'a': 1}`, `(1,)`, `set()`,
// `b'x'`, `-1_000`, `1e-3`, `inf`, `(1+2j)`, `Decimal('1.5')`,
// `datetime.date(2024, 1, 2)`, `Point(x=1, y=2)`. nullopt for anything else
// (`<class 'int'>`, `...`, prose, nesting deeper than k_max_literal_depth).
std::optional<PyValue> parse_python_literal(std::string_view text);

// Several literals on one line separated by spaces, as print(a, b) shows
// them: `1 'a' [2]`. nullopt when any part is not a literal or the text
// holds a newline outside brackets.
std::optional<std::vector<PyValue>> parse_python_values(std::string_view text);

// Equal as Python would print them: compares the canonical trees (set and
// dict order already normalised by the parser). Floats compare exactly, NaN
// equals NaN, -0.0 differs from 0.0.
bool python_values_equal(const PyValue& a, const PyValue& b);

}  // namespace snipcheck
