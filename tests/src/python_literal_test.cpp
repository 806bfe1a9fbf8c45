#include "src/python_literal.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <string_view>

using namespace snipcheck;

namespace {

// Both texts parse and are equal as values.
bool same_value(std::string_view a, std::string_view b) {
    const auto left = parse_python_literal(a);
    const auto right = parse_python_literal(b);
    return left && right && python_values_equal(*left, *right);
}

// Both texts parse, yet are different values.
bool different_values(std::string_view a, std::string_view b) {
    const auto left = parse_python_literal(a);
    const auto right = parse_python_literal(b);
    return left && right && !python_values_equal(*left, *right);
}

PyKind kind_of(std::string_view text) {
    const auto value = parse_python_literal(text);
    REQUIRE(value);
    return value->kind;
}

}  // namespace

TEST_CASE("ints: underscores, signs and other bases read as their decimal value", "[python_literal]") {
    CHECK(kind_of("11") == PyKind::integer);
    CHECK(same_value("1_000", "1000"));
    CHECK(same_value("-5", "-5"));
    CHECK(same_value("-0", "0"));
    CHECK(same_value("0x1F", "31"));
    CHECK(same_value("0o17", "15"));
    CHECK(same_value("0b1010", "10"));
    CHECK(same_value("123456789012345678901234567890", "123_456_789_012_345_678_901_234_567_890"));
    CHECK(different_values("123456789012345678901234567890", "123456789012345678901234567891"));
    CHECK(different_values("-5", "5"));
    CHECK(parse_python_literal("000"));
    CHECK_FALSE(parse_python_literal("01"));  // Python 3 rejects it, and no repr prints it
    CHECK_FALSE(parse_python_literal("1__0"));
    CHECK_FALSE(parse_python_literal("12abc"));
}

TEST_CASE("int 1 and float 1.0 differ because Python prints them differently", "[python_literal]") {
    CHECK(different_values("1", "1.0"));
    CHECK(different_values("True", "1"));
    CHECK(different_values("1", "1j"));
}

TEST_CASE("floats compare exactly as doubles", "[python_literal]") {
    CHECK(kind_of("1.0") == PyKind::floating);
    CHECK(same_value("1.0", "1.00"));
    CHECK(same_value("1e3", "1000.0"));
    CHECK(same_value(".5", "0.5"));
    CHECK(same_value("0.30000000000000004", "0.30000000000000004"));
    CHECK(different_values("0.30000000000000004", "0.3"));
    CHECK(different_values("-0.0", "0.0"));
    CHECK(same_value("inf", "inf"));
    CHECK(same_value("-inf", "-inf"));
    CHECK(different_values("inf", "-inf"));
    CHECK(same_value("nan", "nan"));
    CHECK(different_values("nan", "1.0"));
    CHECK_FALSE(parse_python_literal("1.2.3"));
    CHECK_FALSE(parse_python_literal("1e"));
}

TEST_CASE("complex numbers as Python prints them", "[python_literal]") {
    CHECK(kind_of("1j") == PyKind::complex);
    CHECK(same_value("(1+2j)", "(1 + 2j)"));
    CHECK(same_value("(1+2j)", "(1.0+2.0j)"));
    CHECK(different_values("(1+2j)", "(1-2j)"));
    CHECK(same_value("(-0-1j)", "(-0.0-1j)"));
    CHECK(same_value("(-0-1j)", "-1j"));  // Python prints -1j so
    CHECK(different_values("(-0-1j)", "(0-1j)"));
    CHECK(different_values("1j", "2j"));
}

TEST_CASE("strings: quote style does not matter, escapes are decoded", "[python_literal]") {
    CHECK(same_value("'a'", "\"a\""));
    CHECK(same_value("'it\\'s'", "\"it's\""));
    CHECK(same_value("'say \"hi\"'", "\"say \\\"hi\\\"\""));
    CHECK(same_value("'a\\nb'", "'''a\nb'''"));
    CHECK(same_value("'a\\tb'", "\"\"\"a\tb\"\"\""));
    CHECK(same_value("'\\x41'", "'A'"));
    CHECK(same_value("'\\u00e9'", "'\xC3\xA9'"));
    CHECK(same_value("'\\U0001F600'", "'\xF0\x9F\x98\x80'"));
    CHECK(same_value("'back\\\\slash'", "r'back\\slash'"));
    CHECK(same_value("r'\\n'", "'\\\\n'"));
    CHECK(same_value("u'x'", "'x'"));
    CHECK(different_values("'a'", "'b'"));
    CHECK(different_values("'a'", "'A'"));
    CHECK_FALSE(parse_python_literal("'open"));
    CHECK_FALSE(parse_python_literal("'two\nlines'"));
    CHECK_FALSE(parse_python_literal("f'x'"));
    CHECK_FALSE(parse_python_literal("'\\x4'"));
}

TEST_CASE("bytes differ from str", "[python_literal]") {
    CHECK(kind_of("b'a'") == PyKind::bytes);
    CHECK(different_values("'a'", "b'a'"));
    CHECK(same_value("b'\\x00\\xff'", "B\"\\x00\\xFF\""));
    CHECK(same_value("rb'\\n'", "b'\\\\n'"));
    CHECK_FALSE(parse_python_literal("b'\xC3\xA9'"));  // bytes hold ASCII only
}

TEST_CASE("None, True, False and named constants", "[python_literal]") {
    CHECK(kind_of("None") == PyKind::none);
    CHECK(same_value("True", "True"));
    CHECK(different_values("True", "False"));
    CHECK(different_values("None", "False"));
    CHECK(same_value("Ellipsis", "Ellipsis"));
    CHECK_FALSE(parse_python_literal("none"));
    CHECK_FALSE(parse_python_literal("hello"));
}

TEST_CASE("lists and tuples keep their order", "[python_literal]") {
    CHECK(same_value("[1, 2]", "[1,2]"));
    CHECK(same_value("[1, 2,]", "[ 1 , 2 ]"));
    CHECK(different_values("[1, 2]", "[2, 1]"));
    CHECK(different_values("[1, 2]", "[1, 2, 3]"));
    CHECK(kind_of("(1,)") == PyKind::tuple);
    CHECK(kind_of("(1)") == PyKind::integer);
    CHECK(kind_of("()") == PyKind::tuple);
    CHECK(same_value("(1, 'a')", "(1,'a')"));
    CHECK(different_values("(1,)", "[1]"));
    CHECK(different_values("(1, 2)", "(2, 1)"));
    CHECK_FALSE(parse_python_literal("[1, 2"));
    CHECK_FALSE(parse_python_literal("[1 2]"));
    CHECK_FALSE(parse_python_literal("[,]"));
}

TEST_CASE("dicts and sets ignore order", "[python_literal]") {
    CHECK(kind_of("{}") == PyKind::dict);
    CHECK(same_value("{'a': 1, 'b': 2}", "{\"b\": 2, \"a\": 1}"));
    CHECK(different_values("{'a': 1, 'b': 2}", "{'a': 2, 'b': 1}"));
    CHECK(different_values("{'a': 1}", "{'a': 1, 'b': 2}"));
    CHECK(kind_of("{1, 2}") == PyKind::set);
    CHECK(same_value("{1, 2}", "{2, 1}"));
    CHECK(different_values("{1, 2}", "{1, 3}"));
    CHECK(same_value("set()", "set()"));
    CHECK(different_values("set()", "{}"));
    CHECK(same_value("frozenset({1, 2})", "frozenset({2, 1})"));
    CHECK(different_values("frozenset({1})", "{1}"));
    CHECK_FALSE(parse_python_literal("{1: }"));
    CHECK_FALSE(parse_python_literal("{1: 2, 3}"));
}

TEST_CASE("nested values compare by value at every level", "[python_literal]") {
    CHECK(same_value("{'k': [1, {2, 3}], 'j': (None,)}", "{'j': (None,), 'k': [1, {3, 2}]}"));
    CHECK(different_values("{'k': [1, {2, 3}]}", "{'k': [{2, 3}, 1]}"));
    CHECK(same_value("{'a': 1,\n 'b': [1,\n       2]}", "{'b': [1, 2], 'a': 1}"));
}

TEST_CASE("common reprs of calls compare by name and arguments", "[python_literal]") {
    CHECK(kind_of("Decimal('1.5')") == PyKind::call);
    CHECK(same_value("Decimal('1.5')", "Decimal(\"1.5\")"));
    CHECK(different_values("Decimal('1.5')", "Decimal('1.50')"));
    CHECK(same_value("datetime.date(2024, 1, 2)", "datetime.date(2024,1,2)"));
    CHECK(different_values("datetime.date(2024, 1, 2)", "datetime.date(2024, 1, 3)"));
    CHECK(different_values("datetime.date(2024, 1, 2)", "date(2024, 1, 2)"));
    CHECK(same_value("Point(x=1, y=2)", "Point(x=1,y=2)"));
    CHECK(different_values("Point(x=1, y=2)", "Point(x=2, y=1)"));
    CHECK(same_value("Counter({'a': 2, 'b': 1})", "Counter({'b': 1, 'a': 2})"));
    CHECK(parse_python_literal("datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)"));
    CHECK_FALSE(parse_python_literal("datetime.timezone.utc"));  // a bare name only inside a call
}

TEST_CASE("text that is not a literal does not parse", "[python_literal]") {
    const char* texts[] = {"", "   ", "<class 'int'>", "hello world", "...", "[1, ...]", "1 +", "x = 1", "1, 2",
                           "(1 2)", "-", "--1", "{'a' 1}", "Foo(", "print('x')x"};
    for (const char* text : texts) {
        INFO("'" << text << "'");
        CHECK_FALSE(parse_python_literal(text));
    }
}

TEST_CASE("several values on one line read as print(a, b) shows them", "[python_literal]") {
    const auto values = parse_python_values("1 'a' [2]");
    REQUIRE(values);
    CHECK(values->size() == 3);
    CHECK_FALSE(parse_python_literal("1 'a'"));  // one literal only
    CHECK_FALSE(parse_python_values("1\n2"));    // a newline outside brackets is two lines
    CHECK_FALSE(parse_python_values("1'a'"));
    CHECK_FALSE(parse_python_values("1 hello"));
}

TEST_CASE("deep nesting is refused, not recursed into", "[python_literal]") {
    CHECK(parse_python_literal(std::string(150, '[') + std::string(150, ']')));
    CHECK_FALSE(parse_python_literal(std::string(250, '[') + std::string(250, ']')));
    CHECK_FALSE(parse_python_literal(std::string(100000, '[')));
    CHECK_FALSE(parse_python_literal(std::string(100000, '(') + "1"));
    CHECK_FALSE(parse_python_literal("0x" + std::string(5000, 'F')));  // too long to convert cheaply
}

TEST_CASE("any bytes at all parse or fail without crashing", "[python_literal]") {
    const std::string alphabet = "[](){},:'\"\\ \n\t0123456789.-+ejxbrTFNa_=<>";
    std::uint32_t state = 12345;
    int parsed = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        const int length = round % 40;
        for (int i = 0; i < length; ++i) {
            state = state * 1664525U + 1013904223U;
            text += alphabet[(state >> 16) % alphabet.size()];
        }
        const auto value = parse_python_values(text);
        if (value) {
            ++parsed;
            for (const PyValue& item : *value) {
                CHECK(python_values_equal(item, item));
            }
        }
    }
    CHECK(parsed > 0);
}
