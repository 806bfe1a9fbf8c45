#include "src/python_string_literal.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace snipcheck;

namespace {

// The decoded literal at the start of `text` and where the cursor stopped.
std::pair<std::optional<std::string>, std::size_t> read(std::string_view text, bool raw = false, bool bytes = false) {
    LiteralCursor cursor{text, 0};
    std::optional<std::string> value = read_string_literal(cursor, raw, bytes);
    return {value, cursor.pos};
}

}  // namespace

TEST_CASE("a string literal is decoded and the cursor stops after its closing quote", "[python_string_literal]") {
    CHECK(read("'a\\tb' rest") == std::pair<std::optional<std::string>, std::size_t>{"a\tb", 6});
    CHECK(read("\"\"\"two\nlines\"\"\"") == std::pair<std::optional<std::string>, std::size_t>{"two\nlines", 15});
    CHECK(read("'\\u00e9\\x41\\101'").first == std::optional<std::string>("\xc3\xa9" "AA"));
    CHECK(read("'\\N{DASH}'").first == std::optional<std::string>("\\N{DASH}"));  // kept as written
    CHECK(read("'a\\'b'", true).first == std::optional<std::string>("a\\'b"));   // raw keeps the backslash
    CHECK(read("'\\xff'", false, true).first == std::optional<std::string>("\xff"));
}

TEST_CASE("an unclosed, broken or non-ASCII bytes literal is not read", "[python_string_literal]") {
    CHECK_FALSE(read("'open").first);
    CHECK_FALSE(read("'line\nbreak'").first);
    CHECK_FALSE(read("'\\x4'").first);
    CHECK_FALSE(read("'\\U00110000'").first);
    CHECK_FALSE(read("'\xc3\xa9'", false, true).first);
    CHECK_FALSE(read("'\\u00e9'", false, true).first == std::optional<std::string>("\xc3\xa9"));
}

TEST_CASE("hex_value reads hex digits of either case", "[python_string_literal]") {
    CHECK(hex_value('0') == 0);
    CHECK(hex_value('a') == 10);
    CHECK(hex_value('F') == 15);
    CHECK(hex_value('g') == -1);
}
