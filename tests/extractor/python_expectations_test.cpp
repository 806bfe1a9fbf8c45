#include "extractor/python_expectations.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "extractor/python_tokens.hpp"
#include "tests/extractor/test_documents.hpp"

using namespace snipcheck::extractor;
using snipcheck::test::line_range;

namespace {

// The expectations of code whose first line is document line `first_line`.
std::vector<Expectation> expectations_of(const std::vector<std::string_view>& lines, int first_line = 1) {
    const std::vector<int> line_map = line_range(first_line, static_cast<int>(lines.size()));
    return parse_python_expectations(lines, line_map, tokenize_python(lines));
}

}  // namespace

TEST_CASE("a trailing # Output: VALUE is an output comment on its statement", "[python_expectations]") {
    const auto found = expectations_of({"days = [1, 4, 6]", "print(mincost(days, costs))  # Output: 11"}, 10);
    REQUIRE(found.size() == 1);
    CHECK(found[0].kind == ExpectationKind::output_comment);
    CHECK(found[0].expected == "11");
    CHECK(found[0].remark.empty());
    CHECK(found[0].line == 11);
    CHECK(found[0].statement_line == 11);
}

TEST_CASE("a parenthetical remark after the value is split off", "[python_expectations]") {
    const auto found = expectations_of({"print(fruits)  # Output: ['Apple', 'Banana'] (Expected ['Banana'])"}, 3);
    REQUIRE(found.size() == 1);
    CHECK(found[0].kind == ExpectationKind::output_comment);
    CHECK(found[0].expected == "['Apple', 'Banana']");
    CHECK(found[0].remark == "(Expected ['Banana'])");
    CHECK(found[0].line == 3);
}

TEST_CASE("an own-line # Output: VALUE checks the statement above it", "[python_expectations]") {
    const auto found = expectations_of({"total = 5 + 6", "print(total)", "# Output: 11"}, 20);
    REQUIRE(found.size() == 1);
    CHECK(found[0].kind == ExpectationKind::output_comment);
    CHECK(found[0].expected == "11");
    CHECK(found[0].line == 22);
    CHECK(found[0].statement_line == 21);
}

TEST_CASE("a value after print( in a trailing comment is a value comment", "[python_expectations]") {
    const auto found = expectations_of({"x = 5", "print(type(x))  # <class 'int'>", "print(x > 1)  # True"}, 1);
    REQUIRE(found.size() == 2);
    CHECK(found[0].kind == ExpectationKind::value_comment);
    CHECK(found[0].expected == "<class 'int'>");
    CHECK(found[0].line == 2);
    CHECK(found[0].statement_line == 2);
    CHECK(found[1].kind == ExpectationKind::value_comment);
    CHECK(found[1].expected == "True");
    CHECK(found[1].line == 3);
    CHECK(found[1].statement_line == 3);
}

TEST_CASE("prose in a trailing comment after print( is not an expectation", "[python_expectations]") {
    CHECK(expectations_of({"print(counter.count)  # Count increases because the loop ran twice"}).empty());
    CHECK(expectations_of({"print(len(connection.queries))  # 5 queries"}).empty());
    CHECK(expectations_of({"print(result)  # Works"}).empty());
    CHECK(expectations_of({"print(queryset.query)  # Generated SQL:"}).empty());
}

TEST_CASE("a trailing # VALUE on a line that is not a print is not an expectation", "[python_expectations]") {
    CHECK(expectations_of({"x = compute()  # 42"}).empty());
    CHECK(expectations_of({"items.append(3)  # [1, 2, 3]"}).empty());
}

TEST_CASE("# Output: alone followed by # line comments is one multi-line expectation", "[python_expectations]") {
    const auto found = expectations_of({"print(\"a\")", "print(\"b\")", "# Output:", "# a", "# b", "x = 1"}, 40);
    REQUIRE(found.size() == 1);
    CHECK(found[0].kind == ExpectationKind::output_lines);
    CHECK(found[0].expected == "a\nb");
    CHECK(found[0].line == 42);
}

TEST_CASE("#> lines are arrow expectations and consecutive ones are joined", "[python_expectations]") {
    const auto found = expectations_of({"print(\"a\\nb\")", "#> a", "#> b", "print(3)", "#> 3"}, 5);
    REQUIRE(found.size() == 2);
    CHECK(found[0].kind == ExpectationKind::arrow);
    CHECK(found[0].expected == "a\nb");
    CHECK(found[0].line == 6);
    CHECK(found[0].statement_line == 5);
    CHECK(found[1].kind == ExpectationKind::arrow);
    CHECK(found[1].expected == "3");
    CHECK(found[1].line == 9);
    CHECK(found[1].statement_line == 8);
}

TEST_CASE("# => VALUE and # -> VALUE after an expression are arrow expectations", "[python_expectations]") {
    const auto found = expectations_of({"x = 2", "x + 1  # => 3", "x + 1  # -> 3"}, 1);
    REQUIRE(found.size() == 2);
    CHECK(found[0].kind == ExpectationKind::arrow);
    CHECK(found[0].expected == "3");
    CHECK(found[0].line == 2);
    CHECK(found[0].statement_line == 2);
    CHECK(found[1].kind == ExpectationKind::arrow);
    CHECK(found[1].expected == "3");
    CHECK(found[1].line == 3);
}

TEST_CASE("# raises ValueError and a trailing # ZeroDivisionError: message are raises expectations",
          "[python_expectations]") {
    const auto found = expectations_of({"int(\"x\")  # raises ValueError", "1 / 0  # ZeroDivisionError: division by zero",
                                        "d = {}", "d[\"k\"]", "# raises KeyError"},
                                       30);
    REQUIRE(found.size() == 3);
    CHECK(found[0].kind == ExpectationKind::raises);
    CHECK(found[0].expected == "ValueError");
    CHECK(found[0].line == 30);
    CHECK(found[0].statement_line == 30);
    CHECK(found[1].kind == ExpectationKind::raises);
    CHECK(found[1].expected == "ZeroDivisionError");
    CHECK(found[1].line == 31);
    CHECK(found[1].statement_line == 31);
    // Own line: the statement above.
    CHECK(found[2].kind == ExpectationKind::raises);
    CHECK(found[2].expected == "KeyError");
    CHECK(found[2].line == 34);
    CHECK(found[2].statement_line == 33);
}

TEST_CASE("commented-out code with an error comment is not an expectation", "[python_expectations]") {
    CHECK(expectations_of({"t = (1, 2)", "# t.append(3) # AttributeError: 'tuple' object has no attribute 'append'"})
              .empty());
    CHECK(expectations_of({"# x.append(1) # AttributeError: 'NoneType' object has no attribute 'append'"}).empty());
}

TEST_CASE("a trailing comment on the 3rd line of a multi-line call checks the call's first line",
          "[python_expectations]") {
    const auto found = expectations_of({"print(", "    add(1,", "        2))  # Output: 3"}, 20);
    REQUIRE(found.size() == 1);
    CHECK(found[0].kind == ExpectationKind::output_comment);
    CHECK(found[0].expected == "3");
    CHECK(found[0].line == 22);
    CHECK(found[0].statement_line == 20);
}

// DESIGN.md: output printed by a statement belongs to that top-level
// statement's line, so an expectation inside a loop body checks the loop.
TEST_CASE("a trailing # Output: inside a loop body checks the top-level loop statement",
          "[python_expectations]") {
    const auto found = expectations_of({"for i in range(3):", "    print(i)  # Output: 0 1 2", "done = True"}, 50);
    REQUIRE(found.size() == 1);
    CHECK(found[0].expected == "0 1 2");
    CHECK(found[0].line == 51);
    CHECK(found[0].statement_line == 50);
}

TEST_CASE("is_exception_name knows exception classes from other capitalised words", "[python_expectations]") {
    CHECK(is_exception_name("ValueError"));
    CHECK(is_exception_name("KeyError"));
    CHECK(is_exception_name("StopIteration"));
    CHECK(is_exception_name("SystemExit"));
    CHECK(is_exception_name("KeyboardInterrupt"));
    CHECK(is_exception_name("DeprecationWarning"));
    CHECK_FALSE(is_exception_name("Works"));
    CHECK_FALSE(is_exception_name("valueError"));
    CHECK_FALSE(is_exception_name("Value Error"));
    CHECK_FALSE(is_exception_name(""));
}

TEST_CASE("comments aligned under an # Output: value go on with it, one line each", "[python_expectations]") {
    const auto found = expectations_of({"print('a\\nb\\n  c')  # Output: a",
                                        "                    #         b",
                                        "                    #           c",
                                        "print(1)  # Output: 1",
                                        "          # the count, not an output line",
                                        "print(2)  # Output: 2",
                                        "# b"},
                                       5);
    REQUIRE(found.size() == 3);
    CHECK(found[0].kind == ExpectationKind::output_comment);
    CHECK(found[0].expected == "a\nb\n  c");  // deeper indentation is kept
    CHECK(found[0].line == 5);
    CHECK(found[0].statement_line == 5);
    // Aligned with the `#` but not under the value: a remark, not output.
    CHECK(found[1].expected == "1");
    // Not aligned at all: a comment of its own.
    CHECK(found[2].expected == "2");
}

TEST_CASE("consecutive # Output: comments after one statement are its output line by line", "[python_expectations]") {
    const auto found = expectations_of({"for x in range(2):", "    print(x)", "# Output: 0", "# Output: 1",
                                        "print(2)", "# Output: 2", "# Output: 3 (a remark ends the run)"},
                                       1);
    REQUIRE(found.size() == 3);
    CHECK(found[0].expected == "0\n1");
    CHECK(found[0].line == 3);
    CHECK(found[0].statement_line == 1);
    CHECK(found[1].expected == "2");
    CHECK(found[1].statement_line == 5);
    CHECK(found[2].expected == "3");
    CHECK(found[2].remark == "(a remark ends the run)");
}

TEST_CASE("an arrow's value ends where a second comment or words after a comma begin", "[python_expectations]") {
    const auto found = expectations_of({"-7.0 // 2  # => -4.0  # floats too", "a is b  # => True, both names are one list",
                                        "pair  # => (1, 2)", "label  # => 'a # b'", "xs  # => [1, 2], [3]"},
                                       1);
    REQUIRE(found.size() == 5);
    CHECK(found[0].expected == "-4.0");
    CHECK(found[0].remark == "# floats too");
    CHECK(found[1].expected == "True");
    CHECK(found[1].remark == ", both names are one list");
    CHECK(found[2].expected == "(1, 2)");
    CHECK(found[3].expected == "'a # b'");  // inside quotes: part of the value
    CHECK(found[4].expected == "[1, 2], [3]");  // two values, no words
}
