#include "extractor/value_syntax.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using namespace snipcheck::extractor;

TEST_CASE("literals and reprs read as values", "[value_syntax]") {
    const char* values[] = {
        "11",   "-3.5",           "1e-3",      "0x1F",           "'a'",           "\"hello world\"",
        "[1, 2]", "(1, 'b')",     "(1,)",      "{'a': 1}",       "{1, 2}",        "{}",
        "True", "False",          "None",      "b'abc'",         "<class 'int'>", "Point(x=1, y=2)",
        "1 2 3", "[1, [2, [3]]]", "[1, ...]",  "datetime.date(2024, 1, 31)",
    };
    for (const char* value : values) {
        INFO(value);
        CHECK(reads_as_value(value));
    }
}

TEST_CASE("remarks a person wrote do not read as values", "[value_syntax]") {
    const char* remarks[] = {
        "Works",  "5 queries",      "Count increases because the loop ran twice", "Generated SQL:",
        "",       "   ",            "hello world",                                 "[1, 2",
        "'open",  "returns a list", "1 item",
    };
    for (const char* remark : remarks) {
        INFO("'" << remark << "'");
        CHECK_FALSE(reads_as_value(remark));
    }
}

TEST_CASE("a trailing parenthetical remark is split off the value", "[value_syntax]") {
    std::string_view remark;
    CHECK(split_remark("['Apple', 'Banana'] (Expected ['Banana'])", &remark) == "['Apple', 'Banana']");
    CHECK(remark == "(Expected ['Banana'])");

    CHECK(split_remark("11 (not 12)", &remark) == "11");
    CHECK(remark == "(not 12)");
}

TEST_CASE("text without a remark is returned unchanged and the remark is emptied", "[value_syntax]") {
    std::string_view remark = "left over";
    CHECK(split_remark("11", &remark) == "11");
    CHECK(remark.empty());

    // A tuple, a call and a second value in parentheses are part of the value.
    remark = "left over";
    CHECK(split_remark("(1, 2)", &remark) == "(1, 2)");
    CHECK(remark.empty());
    CHECK(split_remark("Point(x=1)", &remark) == "Point(x=1)");
    CHECK(remark.empty());
    CHECK(split_remark("[1] (2, 3)", &remark) == "[1] (2, 3)");
    CHECK(remark.empty());
}

TEST_CASE("split_remark trims and accepts a null remark pointer", "[value_syntax]") {
    CHECK(split_remark("  [1]  ", nullptr) == "[1]");
    CHECK(split_remark("[1] (see above)", nullptr) == "[1]");
}
