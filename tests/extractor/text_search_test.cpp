#include "extractor/text_search.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using namespace snipcheck::extractor;

TEST_CASE("contains_text finds a needle anywhere, as string_view::find does", "[text_search]") {
    CHECK(contains_text("x = 1  # snipcheck: skip", "snipcheck:"));
    CHECK_FALSE(contains_text("x = 1  # snipcheck skip", "snipcheck:"));
    CHECK(contains_text(">>> 1", ">>>"));
    CHECK(contains_text("a >>>", ">>>"));
    CHECK_FALSE(contains_text(">> >", ">>>"));
    CHECK_FALSE(contains_text(">>", ">>>"));
    CHECK_FALSE(contains_text("", ">>>"));
    CHECK(contains_text("ab", "ab"));
    CHECK(contains_text("anything", ""));
    CHECK(contains_text("xax", "a"));
    // Every position of texts longer than one 16-byte step agrees with find.
    const std::string needle = "snipcheck:";
    for (std::size_t length = 0; length < 70; ++length) {
        for (std::size_t at = 0; at + needle.size() <= length; ++at) {
            std::string text(length, 's');
            text.replace(at, needle.size(), needle);
            CHECK(contains_text(text, needle));
            text[at + needle.size() - 1] = ';';  // the last byte differs
            CHECK(contains_text(text, needle) == (text.find(needle) != std::string::npos));
            text[at + needle.size() - 1] = ':';
            text[at + 4] = 'X';  // a middle byte differs
            CHECK(contains_text(text, needle) == (text.find(needle) != std::string::npos));
        }
    }
}

TEST_CASE("find_newline gives the first newline at or after a position, or the size", "[text_search]") {
    CHECK(find_newline("", 0) == 0);
    CHECK(find_newline("abc", 0) == 3);
    CHECK(find_newline("a\nb\n", 0) == 1);
    CHECK(find_newline("a\nb\n", 1) == 1);
    CHECK(find_newline("a\nb\n", 2) == 3);
    CHECK(find_newline("a\nb\n", 4) == 4);
    for (std::size_t length = 1; length < 50; ++length) {
        for (std::size_t at = 0; at < length; ++at) {
            std::string text(length, 'x');
            text[at] = '\n';
            CHECK(find_newline(text, 0) == at);
            CHECK(find_newline(text, at) == at);
            CHECK(find_newline(text, at + 1) == length);
        }
    }
}
