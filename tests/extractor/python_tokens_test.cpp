#include "extractor/python_tokens.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

using namespace snipcheck::extractor;

using Lines = std::vector<std::string_view>;

namespace {

std::vector<PyTokenKind> kinds_of(const std::vector<PyToken>& tokens) {
    std::vector<PyTokenKind> kinds;
    for (const PyToken& token : tokens) {
        kinds.push_back(token.kind);
    }
    return kinds;
}

int count_of(const std::vector<PyToken>& tokens, PyTokenKind kind) {
    int count = 0;
    for (const PyToken& token : tokens) {
        count += token.kind == kind ? 1 : 0;
    }
    return count;
}

}  // namespace

TEST_CASE("one line of code gives names, operators, numbers, a comment and a newline", "[python_tokens]") {
    const Lines lines = {"x = 10  # ten"};
    const std::vector<PyToken> tokens = tokenize_python(lines);
    using K = PyTokenKind;
    REQUIRE(kinds_of(tokens) == std::vector<PyTokenKind>{K::name, K::op, K::number, K::comment, K::newline});
    CHECK(tokens[0].text == "x");
    CHECK(tokens[0].column == 0);
    CHECK(tokens[0].starts_line);
    CHECK(tokens[1].text == "=");
    CHECK_FALSE(tokens[1].starts_line);
    CHECK(tokens[2].text == "10");
    CHECK(tokens[2].column == 4);
    CHECK(tokens[3].text == "# ten");
    CHECK(tokens[3].column == 8);
}

TEST_CASE("a triple-quoted string spanning lines records where it ends", "[python_tokens]") {
    const Lines lines = {"s = \"\"\"first", "second\"\"\"", "y = 2"};
    const std::vector<PyToken> tokens = tokenize_python(lines);
    REQUIRE(tokens.size() >= 3);
    const PyToken& string = tokens[2];
    CHECK(string.kind == PyTokenKind::string);
    CHECK(string.line == 0);
    CHECK(string.column == 4);
    CHECK(string.text == "\"\"\"first");
    CHECK(string.end_line == 1);
    CHECK(string.end_column == 9);
    // One logical line for the assignment with the string, one for `y = 2`.
    CHECK(count_of(tokens, PyTokenKind::newline) == 2);
    CHECK(tokens.back().line == 2);
}

TEST_CASE("a newline is emitted only at the end of a logical line", "[python_tokens]") {
    const std::vector<PyToken> bracketed = tokenize_python(Lines{"f(1,", "  2)", "g()"});
    REQUIRE(count_of(bracketed, PyTokenKind::newline) == 2);
    std::vector<int> newline_lines;
    for (const PyToken& token : bracketed) {
        if (token.kind == PyTokenKind::newline) {
            newline_lines.push_back(token.line);
        }
    }
    CHECK(newline_lines == std::vector<int>{1, 2});

    const std::vector<PyToken> continued = tokenize_python(Lines{"x = 1 + \\", "    2"});
    CHECK(count_of(continued, PyTokenKind::newline) == 1);
}

TEST_CASE("a comment-only line has no newline token", "[python_tokens]") {
    const std::vector<PyToken> tokens = tokenize_python(Lines{"# only a comment"});
    REQUIRE(tokens.size() == 1);
    CHECK(tokens[0].kind == PyTokenKind::comment);
    CHECK(tokens[0].starts_line);
}

TEST_CASE("an unterminated one-line string is an error token and scanning goes on", "[python_tokens]") {
    const std::vector<PyToken> tokens = tokenize_python(Lines{"s = 'abc", "y = 1"});
    CHECK(count_of(tokens, PyTokenKind::error) == 1);
    bool found_y = false;
    for (const PyToken& token : tokens) {
        if (token.kind == PyTokenKind::name && token.text == "y") {
            found_y = true;
            CHECK(token.line == 1);
            CHECK(token.starts_line);
        }
    }
    CHECK(found_y);
}

TEST_CASE("string prefixes belong to the string token", "[python_tokens]") {
    const std::vector<PyToken> tokens = tokenize_python(Lines{"p = rb'\\d' + f\"{x}\""});
    REQUIRE(count_of(tokens, PyTokenKind::string) == 2);
    CHECK(tokens[2].text == "rb'\\d'");
    CHECK(tokens[4].text == "f\"{x}\"");
}

TEST_CASE("hard keywords are keywords and builtins and soft keywords are not", "[python_tokens]") {
    CHECK(is_python_keyword("def"));
    CHECK(is_python_keyword("None"));
    CHECK(is_python_keyword("not"));
    CHECK_FALSE(is_python_keyword("print"));
    CHECK_FALSE(is_python_keyword("match"));
    CHECK_FALSE(is_python_keyword("Def"));
}

TEST_CASE("string_literal_body strips prefix and quotes", "[python_tokens]") {
    CHECK(string_literal_body("r'a\\d'") == "a\\d");
    CHECK(string_literal_body("\"hello\"") == "hello");
    CHECK(string_literal_body("'''x'''") == "x");
    CHECK(string_literal_body("''") == "");
    CHECK(string_literal_body("name").empty());
}
