#include "src/output_compare.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace snipcheck;

namespace {

// The rule that matched, or "" when nothing did.
std::string how(std::string_view expected, std::string_view actual) {
    const CompareResult result = compare_output(expected, actual);
    if (result.ok) {
        CHECK(result.diff.empty());
        return result.how;
    }
    CHECK_FALSE(result.diff.empty());
    return "";
}

std::string numbered_lines(int count, const char* prefix) {
    std::string text;
    for (int i = 0; i < count; ++i) {
        text += prefix + std::to_string(i) + "\n";
    }
    return text;
}

}  // namespace

TEST_CASE("exact: trailing spaces and surrounding blank lines do not count", "[output_compare]") {
    CHECK(how("11", "11") == "exact");
    CHECK(how("11", "11\n") == "exact");
    CHECK(how("a\nb", "\n\na   \nb\t\n\n") == "exact");
    CHECK(how("a\nb", "a\r\nb\r\n") == "exact");
    CHECK(how("", "") == "exact");
    CHECK(how("", "\n") == "exact");
}

TEST_CASE("a different value fails with a diff of both lines", "[output_compare]") {
    const CompareResult result = compare_output("11", "12");
    CHECK_FALSE(result.ok);
    CHECK(result.diff == "- 11\n+ 12");
}

TEST_CASE("whitespace: runs of blanks are one space, line ends are newline", "[output_compare]") {
    CHECK(how("1 2 3", "1  2\t3") == "whitespace");
    CHECK(how("  indented", "indented") == "whitespace");
    CHECK(how("a b\nc", "a   b\r\nc") == "whitespace");
    CHECK(how("a b", "ab") == "");              // a space is not nothing
    CHECK(how("a\nb", "a b") == "");            // a line break is not a space
    CHECK(how("Hello World", "Hello  World") == "whitespace");
}

TEST_CASE("address: memory addresses never decide", "[output_compare]") {
    CHECK(how("<__main__.Foo object at 0x7f3a2c1d90>", "<__main__.Foo object at 0x7f00aa11bc>") == "address");
    CHECK(how("[<A at 0xdeadbeef>, <B at 0x123456>]", "[<A at 0x00c0ffee>, <B at 0xabcdef>]") == "address");
    CHECK(how("<A at 0x1F>", "<A at 0x2F>") == "");        // too short to be an address
    CHECK(how("0xdeadbeef", "0xcafebabe") == "");          // outside a <...> repr it is a printed number
    CHECK(how("<Foo at 0x7f3a2c1d>", "<Bar at 0x7f3a2c1d>") == "");  // the rest still counts
}

TEST_CASE("value: Python literals compare by value", "[output_compare]") {
    CHECK(how("{'a': 1, 'b': 2}", "{'b': 2, 'a': 1}") == "value");
    CHECK(how("{\"a\": 1}", "{'a': 1}") == "value");
    CHECK(how("{1, 2}", "{2, 1}") == "value");
    CHECK(how("['x','y']", "['x', 'y']") == "value");
    CHECK(how("0.30000000000000004", "0.30000000000000004") == "exact");
    CHECK(how("Decimal(\"1.5\")", "Decimal('1.5')") == "value");
    CHECK(how("'a' {1, 2}", "'a' {2, 1}") == "value");  // print(a, b)
}

TEST_CASE("value: mismatches that look alike still fail", "[output_compare]") {
    CHECK(how("1", "1.0") == "");
    CHECK(how("'a'", "b'a'") == "");
    CHECK(how("[1, 2]", "[2, 1]") == "");
    CHECK(how("0.3", "0.30000000000000004") == "");
    CHECK(how("(1,)", "[1]") == "");
    CHECK(how("True", "1") == "");
}

TEST_CASE("value: several lines compare line by line, or as one pretty-printed value", "[output_compare]") {
    CHECK(how("'a'\n{1, 2}", "\"a\"\n{2, 1}") == "value");
    CHECK(how("Total: 3\n{1, 2}", "Total: 3\n{2, 1}") == "value");
    CHECK(how("{'a': 1,\n 'b': 2}", "{'b': 2, 'a': 1}") == "value");
    CHECK(how("'a'\n{1, 2}", "\"a\"\n{1, 3}") == "");
    CHECK(how("Total: 3\n{1, 2}", "Total: 4\n{2, 1}") == "");
    CHECK(how("1\n2", "1 2") == "");  // two prints are not one print of two values
}

TEST_CASE("wildcard: ... stands for any text, as doctest's ELLIPSIS", "[output_compare]") {
    CHECK(how("[1, 2, ..., 100]", "[1, 2, 3, 4, 100]") == "wildcard");
    CHECK(how("Start\n...\nEnd", "Start\nx\ny\nEnd") == "wildcard");
    CHECK(how("<Foo object at ...>", "<Foo object at 0x1234>") == "wildcard");
    CHECK(how("...", "anything\nat all") == "wildcard");
    CHECK(how("a...z", "abc") == "");
    CHECK(how("a...b...c", "a-c-b") == "");
    CHECK(how("ab...ba", "aba") == "");  // head and tail may not overlap
    CHECK(how("[1, 2, ..., 100]", "[1, 2, 3, 99]") == "");
}

TEST_CASE("unquoted: a quoted str expectation matches its printed value", "[output_compare]") {
    CHECK(how("'P'", "P") == "unquoted");
    CHECK(how("\"hello world\"", "hello world") == "unquoted");
    CHECK(how("'1'", "1") == "unquoted");
    CHECK(how("'a\\nb'", "a\nb") == "unquoted");
    CHECK(how("'P'", "Q") == "");
    CHECK(how("b'P'", "P") == "");  // bytes print with their b''
    CHECK(how("['P']", "P") == "");
}

TEST_CASE("rules are tried in order: the first that matches names the match", "[output_compare]") {
    CHECK(how("[1, 2]", "[1,  2]") == "whitespace");
    CHECK(how("{'a': 1}", "{'a':1}") == "value");
}

TEST_CASE("the diff shows only differing lines, found by longest common subsequence", "[output_compare]") {
    CHECK(compare_output("a\nb\nc", "a\nx\nc").diff == "- b\n+ x");
    CHECK(compare_output("a\nb\nc", "a\nc").diff == "- b");
    CHECK(compare_output("a\nc", "a\nb\nc").diff == "+ b");
    CHECK(compare_output("11", "").diff == "- 11\n+ (no output)");
}

TEST_CASE("large outputs compare and diff without hanging, the diff capped", "[output_compare]") {
    const std::string expected = numbered_lines(20000, "e");
    const std::string actual = numbered_lines(20000, "a");
    const CompareResult result = compare_output(expected, actual);
    CHECK_FALSE(result.ok);
    CHECK(result.diff.find("more differing lines") != std::string::npos);
    CHECK(result.diff.size() < 4000);

    CHECK(how(std::string(200000, 'x') + "...", std::string(300000, 'x')) == "wildcard");
    CHECK(how(std::string(100000, '['), std::string(100000, '[')) == "exact");
    CHECK(how(std::string(100000, '[') + "1", std::string(100000, '[') + "2") == "");
}

TEST_CASE("a class shown as IPython shows it matches the standard REPL's <class '...'>", "[output_compare]") {
    CHECK(compare_output("complex", "<class 'complex'>").ok);
    CHECK(compare_output("complex", "<class 'complex'>").how == "class-name");
    CHECK(compare_output("(str, list)", "(<class 'str'>, <class 'list'>)").ok);
    CHECK(compare_output("collections.OrderedDict", "<class 'collections.OrderedDict'>").ok);
    // The name still has to be the same class.
    CHECK_FALSE(compare_output("int", "<class 'float'>").ok);
    CHECK_FALSE(compare_output("OrderedDict", "<class 'collections.OrderedDict'>").ok);
    // Text that only looks like the start of one is left as it is.
    CHECK_FALSE(compare_output("x", "<class 'x y'>").ok);
}
