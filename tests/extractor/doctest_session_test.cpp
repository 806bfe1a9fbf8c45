#include "extractor/doctest_session.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "tests/extractor/test_documents.hpp"

using namespace snipcheck::extractor;
using snipcheck::test::strings_of;

using Strings = std::vector<std::string>;

TEST_CASE("a block is a doctest session when its first non-blank line has a >>> prompt", "[doctest_session]") {
    CHECK(is_doctest_session({">>> x = 1"}));
    CHECK(is_doctest_session({"", "   ", ">>> x = 1"}));
    CHECK(is_doctest_session({"    >>> x = 1"}));
    CHECK(is_doctest_session({">>>"}));
    CHECK_FALSE(is_doctest_session({"x = 1", ">>> y = 2"}));
    CHECK_FALSE(is_doctest_session({">>>x = 1"}));
    CHECK_FALSE(is_doctest_session({}));
    CHECK_FALSE(is_doctest_session({"", ""}));
    // The interpreter's banner before the first prompt.
    CHECK(is_doctest_session({"(InteractiveConsole)", ">>>"}));
    CHECK(is_doctest_session({"Python 3.11.2 (main, Mar 13 2023, 12:18:29) [GCC 12.2.0] on linux",
                              "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.",
                              ">>> 1 + 1", "2"}));
    CHECK_FALSE(is_doctest_session({"Python 3 is great", ">>> 1"}));
}

TEST_CASE("prompts and ... continuations become code mapped to their document lines", "[doctest_session]") {
    const std::vector<std::string_view> lines = {
        ">>> def double(n):",  // 10
        "...     return n * 2", // 11
        "...",                 // 12
        ">>> double(3)",       // 13
        "6",                   // 14
    };
    const DoctestSession session = parse_doctest_session(lines, 10);
    CHECK(strings_of(session.code) == Strings{"def double(n):", "    return n * 2", "", "double(3)"});
    CHECK(session.line_map == std::vector<int>{10, 11, 12, 13});
    REQUIRE(session.expectations.size() == 1);
    CHECK(session.expectations[0].kind == ExpectationKind::doctest);
    CHECK(session.expectations[0].expected == "6");
    CHECK(session.expectations[0].line == 14);
    CHECK(session.expectations[0].statement_line == 13);
}

TEST_CASE("output lines run until a blank line or the next prompt and <BLANKLINE> is an empty line",
          "[doctest_session]") {
    const std::vector<std::string_view> lines = {
        R"(>>> print("a\n\nb"))",  // 1
        "a",                       // 2
        "<BLANKLINE>",             // 3
        "b",                       // 4
        ">>> x = 1",               // 5
        ">>> [x, x]",              // 6
        "[1, 1]",                  // 7
        "",                        // 8
        "This line is prose after the session.",  // 9
    };
    const DoctestSession session = parse_doctest_session(lines, 1);
    CHECK(strings_of(session.code) == Strings{R"(print("a\n\nb"))", "x = 1", "[x, x]"});
    CHECK(session.line_map == std::vector<int>{1, 5, 6});
    REQUIRE(session.expectations.size() == 2);
    CHECK(session.expectations[0].expected == "a\n\nb");
    CHECK(session.expectations[0].line == 2);
    CHECK(session.expectations[0].statement_line == 1);
    // `x = 1` prints nothing: no expectation for it.
    CHECK(session.expectations[1].expected == "[1, 1]");
    CHECK(session.expectations[1].line == 7);
    CHECK(session.expectations[1].statement_line == 6);
}

TEST_CASE("a traceback becomes a raises expectation naming the exception", "[doctest_session]") {
    const std::vector<std::string_view> lines = {
        ">>> int(\"x\")",                                                  // 20
        "Traceback (most recent call last):",                             // 21
        "  File \"<stdin>\", line 1, in <module>",                          // 22
        "ValueError: invalid literal for int() with base 10: 'x'",         // 23
        ">>> 1 + 1",                                                      // 24
        "2",                                                              // 25
    };
    const DoctestSession session = parse_doctest_session(lines, 20);
    REQUIRE(session.expectations.size() == 2);
    CHECK(session.expectations[0].kind == ExpectationKind::raises);
    CHECK(session.expectations[0].expected == "ValueError");
    CHECK(session.expectations[0].line == 21);
    CHECK(session.expectations[0].statement_line == 20);
    CHECK(session.expectations[1].kind == ExpectationKind::doctest);
    CHECK(session.expectations[1].expected == "2");
    CHECK(session.expectations[1].line == 25);
    CHECK(session.expectations[1].statement_line == 24);
}

TEST_CASE("an indented session has its indentation removed from code and output", "[doctest_session]") {
    const std::vector<std::string_view> lines = {"    >>> 1 + 1", "    2"};
    const DoctestSession session = parse_doctest_session(lines, 7);
    CHECK(strings_of(session.code) == Strings{"1 + 1"});
    CHECK(session.line_map == std::vector<int>{7});
    REQUIRE(session.expectations.size() == 1);
    CHECK(session.expectations[0].expected == "2");
    CHECK(session.expectations[0].line == 8);
}

TEST_CASE("an exception shown the way the interactive prompt shows it, without the header, is expected",
          "[doctest_session]") {
    const std::vector<std::string_view> lines = {
        ">>> stock['ink']",                   // 1
        "KeyError: 'ink'",                    // 2
        ">>> total == = 4",                   // 3
        "  File \"<stdin>\", line 1",          // 4
        "    total == = 4",                   // 5
        "             ^",                     // 6
        "SyntaxError: invalid syntax",        // 7
        ">>> print('ValueError: shown')",     // 8
        "ValueError: shown",                  // 9
    };
    const DoctestSession session = parse_doctest_session(lines, 1);
    REQUIRE(session.expectations.size() == 3);
    CHECK(session.expectations[0].kind == ExpectationKind::raises);
    CHECK(session.expectations[0].expected == "KeyError");
    CHECK(session.expectations[1].kind == ExpectationKind::raises);
    CHECK(session.expectations[1].expected == "SyntaxError");
    // A print shows that text; it raises nothing.
    CHECK(session.expectations[2].kind == ExpectationKind::doctest);
    CHECK(session.example_lines == std::vector<int>{1, 3, 8});
}

TEST_CASE("a comment in words is a remark under a statement that shows nothing, else the output",
          "[doctest_session]") {
    const std::vector<std::string_view> lines = {
        ">>> pairs = [('a', 1)]",                 // 1
        "# nothing to see yet",                   // 2
        ">>> pairs",                              // 3
        "[('a', 1)]",                             // 4
        "# fine so far",                          // 5
        ">>> len(pairs)",                         // 6
        "# 1",                                    // 7
        ">>> greet('Bob')",                       // 8
        "# Hello Bob",                            // 9
        ">>> total == 2",                         // 10
        "# True",                                 // 11
    };
    const DoctestSession session = parse_doctest_session(lines, 1);
    REQUIRE(session.expectations.size() == 4);
    CHECK(session.expectations[0].statement_line == 3);
    // Kept as written: the checker sets a trailing remark aside when that matches.
    CHECK(session.expectations[0].expected == "[('a', 1)]\n# fine so far");
    CHECK(session.expectations[1].expected == "1");  // `# 1` is the value written as a comment
    CHECK(session.expectations[2].expected == "Hello Bob");  // a call may print those words
    CHECK(session.expectations[3].expected == "True");  // `==` is no assignment
}

TEST_CASE("output and then a traceback in one example are both expected", "[doctest_session]") {
    const std::vector<std::string_view> lines = {
        ">>> for item in ['tea', 'soup']:",      // 1
        "...     print(item, prices[item])",     // 2
        "...",                                   // 3
        "tea 2",                                 // 4
        "Traceback (most recent call last):",    // 5
        "  File \"<stdin>\", line 2, in <module>",  // 6
        "KeyError: 'soup'",                      // 7
    };
    const DoctestSession session = parse_doctest_session(lines, 1);
    REQUIRE(session.expectations.size() == 2);
    CHECK(session.expectations[0].kind == ExpectationKind::doctest);
    CHECK(session.expectations[0].expected == "tea 2");
    CHECK(session.expectations[1].kind == ExpectationKind::raises);
    CHECK(session.expectations[1].expected == "KeyError");
    CHECK(session.expectations[1].line == 5);
    CHECK(session.expectations[1].statement_line == 1);
}

TEST_CASE("a shell prompt after leaving the interpreter is not output", "[doctest_session]") {
    const DoctestSession session = parse_doctest_session({">>> exit()", "$", ">>> 1 + 1", "2"}, 1);
    REQUIRE(session.expectations.size() == 1);
    CHECK(session.expectations[0].expected == "2");
    CHECK(parse_doctest_session({">>> quit()", "$ python3 app.py"}, 1).expectations.empty());
}

TEST_CASE("a compiler warning the prompt shows on stderr is not expected output", "[doctest_session]") {
    const DoctestSession session = parse_doctest_session(
        {">>> assert (1 == 2, 'never')", "<stdin>:1: SyntaxWarning: assertion is always true, perhaps remove parentheses?",
         ">>> print(1)", "<stdin>:1: DeprecationWarning: old", "1"},
        1);
    REQUIRE(session.expectations.size() == 1);
    CHECK(session.expectations[0].statement_line == 3);
    CHECK(session.expectations[0].expected == "1");
}
