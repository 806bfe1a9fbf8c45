#include "src/result_cell_compare.hpp"

#include <catch2/catch.hpp>

using namespace snipcheck;

namespace {

std::optional<std::string> text(const char* value) { return std::string(value); }

CellMatch match(const char* expected, const char* actual) { return match_cell(text(expected), text(actual)); }

}  // namespace

TEST_CASE("cells: equal text after trimming, NULL only matches NULL", "[result_cell_compare]") {
    CHECK(match("Alice", "Alice") == CellMatch::exact);
    CHECK(match("  Alice ", "Alice") == CellMatch::exact);
    CHECK(match("Alice", "alice") == CellMatch::differ);
    CHECK(match_cell(std::nullopt, std::nullopt) == CellMatch::exact);
    CHECK(match_cell(std::nullopt, text("NULL")) == CellMatch::differ);
    CHECK(match_cell(text("NULL"), std::nullopt) == CellMatch::differ);
    CHECK(match_cell(std::nullopt, text("")) == CellMatch::differ);
}

TEST_CASE("cells: numbers compare to the precision the document wrote", "[result_cell_compare]") {
    CHECK(match("7.20333333333333", "7.203333333333333") == CellMatch::numeric);
    CHECK(match("7.20333333333333", "7.2034") == CellMatch::differ);
    CHECK(match("10.0000", "10") == CellMatch::numeric);
    CHECK(match("10.0000", "10.0") == CellMatch::numeric);
    CHECK(match("7.5000", "7.5") == CellMatch::numeric);
    CHECK(match("7.5000", "7.5001") == CellMatch::differ);
    CHECK(match("0.33", "0.3333333333333333") == CellMatch::numeric);
    CHECK(match("0.33", "0.336") == CellMatch::differ);
    CHECK(match("-2.5", "-2.46") == CellMatch::numeric);
    CHECK(match("-2.5", "2.5") == CellMatch::differ);
    CHECK(match(".5", "0.5") == CellMatch::numeric);
    CHECK(match("1.5e-3", "0.00148") == CellMatch::numeric);
    CHECK(match("1.5e-3", "0.0016") == CellMatch::differ);
}

TEST_CASE("cells: a number written without a point must be equal", "[result_cell_compare]") {
    CHECK(match("10", "10.0") == CellMatch::numeric);
    CHECK(match("10", "10.4") == CellMatch::differ);
    CHECK(match("1e3", "1000") == CellMatch::numeric);
    CHECK(match("1E3", "1000.0") == CellMatch::numeric);
    CHECK(match("1e3", "1001") == CellMatch::differ);
    CHECK(match("007", "7") == CellMatch::numeric);
    CHECK(match("-0", "0") == CellMatch::numeric);
    // Doubles cannot tell these apart; the digits can.
    CHECK(match("12345678901234567890", "12345678901234567891") == CellMatch::differ);
}

TEST_CASE("cells: what is not a number compares as text", "[result_cell_compare]") {
    CHECK(match("1,000", "1000") == CellMatch::differ);
    CHECK(match("inf", "inf") == CellMatch::exact);
    CHECK(match("1.0.0", "1.0") == CellMatch::differ);
    CHECK(match("1e", "1") == CellMatch::differ);
    CHECK_FALSE(is_decimal_number("-"));
    CHECK_FALSE(is_decimal_number("."));
    CHECK_FALSE(is_decimal_number("0x10"));
    CHECK(is_decimal_number(" +3.25E+2 "));
}

TEST_CASE("cells: a quoted value matches its content, 'NULL' the text NULL", "[result_cell_compare]") {
    CHECK(match("'NULL'", "NULL") == CellMatch::unquoted);
    CHECK(match_cell(text("'NULL'"), std::nullopt) == CellMatch::differ);
    CHECK(match("\"Bob\"", "Bob") == CellMatch::unquoted);
    CHECK(match("'it''s'", "it's") == CellMatch::unquoted);
    CHECK(match("''", "") == CellMatch::unquoted);
    CHECK(match("'Bob\"", "Bob") == CellMatch::differ);
}
