#include "src/ascii_case.hpp"

#include <catch2/catch.hpp>

#include <cctype>

using snipcheck::equals_lower;
using snipcheck::lower;

TEST_CASE("lower: ASCII letters only, other bytes unchanged") {
    CHECK(lower("SELECT Name") == "select name");
    CHECK(lower("\xc3\x89t\xc3\xa9") == "\xc3\x89t\xc3\xa9");
}

TEST_CASE("equals_lower: the same text but for ASCII case") {
    CHECK(equals_lower("Output", "output"));
    CHECK(equals_lower("EXPECTED OUTPUT", "expected output"));
    CHECK(equals_lower("", ""));
    CHECK_FALSE(equals_lower("Outputs", "output"));
    CHECK_FALSE(equals_lower("Outpu", "output"));
    CHECK_FALSE(equals_lower("\xc3\x89", "\xc3\xa9"));  // no case folding past ASCII
}

TEST_CASE("ascii_lower and ascii_upper agree with the C locale's tolower and toupper on every byte") {
    for (int c = 0; c < 256; ++c) {
        const char byte = static_cast<char>(c);
        INFO(c);
        CHECK(static_cast<unsigned char>(snipcheck::ascii_lower(byte)) == std::tolower(c));
        CHECK(static_cast<unsigned char>(snipcheck::ascii_upper(byte)) == std::toupper(c));
    }
}
