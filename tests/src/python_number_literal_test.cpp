#include "src/python_number_literal.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace snipcheck;

namespace {

struct Read {
    std::optional<PyValue> value;
    std::size_t stopped_at = 0;
};

Read read(std::string_view text, bool after_sign = false) {
    LiteralCursor cursor{text, 0};
    std::optional<PyValue> value = after_sign ? read_signed_number(cursor) : read_number_literal(cursor);
    return {value, cursor.pos};
}

}  // namespace

TEST_CASE("a number literal is read as Python prints it and the cursor stops after it", "[python_number_literal]") {
    const Read based = read("0x_FF, 2");
    REQUIRE(based.value);
    CHECK(based.value->kind == PyKind::integer);
    CHECK(based.value->text == "255");
    CHECK(based.stopped_at == 5);
    CHECK(read("1_000").value->text == "1000");
    CHECK(read("00").value->text == "0");
    const Read exponent = read("1.5e-3]");
    CHECK(exponent.value->kind == PyKind::floating);
    CHECK(exponent.value->real == 1.5e-3);
    CHECK(exponent.stopped_at == 6);
    CHECK(read("2j").value->kind == PyKind::complex);
    CHECK(read("2j").value->imag == 2.0);
}

TEST_CASE("malformed numbers are not read", "[python_number_literal]") {
    CHECK_FALSE(read("01").value);
    CHECK_FALSE(read("1abc").value);
    CHECK_FALSE(read("1.2.3").value);
    CHECK_FALSE(read("0x").value);
    CHECK_FALSE(read("0x" + std::string(2001, 'f')).value);
}

TEST_CASE("after a sign, inf and nan are floats, and a negated value turns its sign", "[python_number_literal]") {
    std::optional<PyValue> inf = read("inf", true).value;
    REQUIRE(inf);
    CHECK(std::isinf(inf->real));
    CHECK(std::isnan(read("nan", true).value->real));
    CHECK_FALSE(read("info", true).value);
    PyValue seven = *read("7").value;
    negate_number(seven);
    CHECK(seven.text == "-7");
    PyValue zero = *read("0").value;
    negate_number(zero);
    CHECK(zero.text == "0");
    CHECK_FALSE(special_float_literal("Infinity"));
}
