#include "src/result_table_compare.hpp"

#include <catch2/catch.hpp>

#include <initializer_list>

using namespace snipcheck;

namespace {

using Row = std::vector<std::optional<std::string>>;

Row row(std::initializer_list<const char*> cells) {
    Row out;
    for (const char* cell : cells) {
        out.push_back(cell == nullptr ? std::nullopt : std::optional<std::string>(cell));
    }
    return out;
}

ResultTable table(std::vector<std::string> columns, std::vector<Row> rows) {
    return {std::move(columns), std::move(rows)};
}

// The comparison, checked for the shape every result must have.
TableComparison compared(const ResultTable& expected, const ResultTable& actual, RowOrder order) {
    TableComparison result = compare_tables(expected, actual, order);
    if (result.ok) {
        CHECK(result.diff.empty());
        CHECK_FALSE(result.how.empty());
    } else {
        CHECK_FALSE(result.diff.empty());
    }
    return result;
}

const ResultTable k_fruit =
    table({"name", "price"}, {row({"apple", "0.50"}), row({"pear", nullptr}), row({"fig", "2.00"})});

}  // namespace

TEST_CASE("tables: identical tables match exactly in either order mode", "[result_table_compare]") {
    CHECK(compared(k_fruit, k_fruit, RowOrder::as_written).how == "exact");
    CHECK(compared(k_fruit, k_fruit, RowOrder::any).how == "exact");
}

TEST_CASE("tables: numbers as the database prints them", "[result_table_compare]") {
    const ResultTable actual =
        table({"name", "price"}, {row({"apple", "0.5"}), row({"pear", nullptr}), row({"fig", "2"})});
    const TableComparison result = compared(k_fruit, actual, RowOrder::as_written);
    CHECK(result.ok);
    CHECK(result.how == "numeric");
}

TEST_CASE("tables: rows in another order match only when order does not matter", "[result_table_compare]") {
    const ResultTable shuffled =
        table({"name", "price"}, {row({"fig", "2.0"}), row({"apple", "0.50"}), row({"pear", nullptr})});
    const TableComparison any = compared(k_fruit, shuffled, RowOrder::any);
    CHECK(any.ok);
    CHECK(any.how == "unordered+numeric");

    const TableComparison ordered = compared(k_fruit, shuffled, RowOrder::as_written);
    CHECK_FALSE(ordered.ok);
    CHECK(ordered.diff == "the same rows in another order:\n+ | fig | 2.0 |\n- | fig | 2.00 |");
}

TEST_CASE("tables: duplicates count when order does not matter", "[result_table_compare]") {
    const ResultTable twice = table({"n"}, {row({"1"}), row({"1"}), row({"2"})});
    const ResultTable once = table({"n"}, {row({"2"}), row({"1"}), row({"2"})});
    const TableComparison result = compared(twice, once, RowOrder::any);
    CHECK_FALSE(result.ok);
    CHECK(result.diff == "- | 1 |\n+ | 2 |");
}

TEST_CASE("tables: a mismatch shows the missing and the extra rows", "[result_table_compare]") {
    const ResultTable actual =
        table({"name", "price"}, {row({"apple", "0.50"}), row({"pear", "NULL"}), row({"fig", "2.00"})});
    const TableComparison any = compared(k_fruit, actual, RowOrder::any);
    CHECK_FALSE(any.ok);
    CHECK(any.diff == "- | pear | NULL |\n+ | pear | 'NULL' |");

    const TableComparison ordered = compared(k_fruit, actual, RowOrder::as_written);
    CHECK_FALSE(ordered.ok);
    CHECK(ordered.diff == "- | pear | NULL |\n+ | pear | 'NULL' |");
}

TEST_CASE("tables: a missing row in order mode shows only that row", "[result_table_compare]") {
    const ResultTable actual = table({"name", "price"}, {row({"apple", "0.50"}), row({"fig", "2.00"})});
    const TableComparison result = compared(k_fruit, actual, RowOrder::as_written);
    CHECK_FALSE(result.ok);
    CHECK(result.diff == "- | pear | NULL |");
}

TEST_CASE("tables: column names compare without case and extra blanks", "[result_table_compare]") {
    const ResultTable expected = table({"COUNT(distinct  name)", "Total"}, {row({"3", "9"})});
    const ResultTable actual = table({"count(distinct name)", "total"}, {row({"3", "9"})});
    CHECK(compared(expected, actual, RowOrder::any).how == "exact");

    const ResultTable renamed = table({"count(distinct name)", "sum"}, {row({"3", "9"})});
    const TableComparison result = compared(expected, renamed, RowOrder::any);
    CHECK_FALSE(result.ok);
    CHECK(result.diff == "- columns: COUNT(distinct  name), Total\n+ columns: count(distinct name), sum");
}

TEST_CASE("tables: a document table without header compares rows only", "[result_table_compare]") {
    const ResultTable headerless = table({}, {row({"apple", "0.50"}), row({"pear", nullptr}), row({"fig", "2.00"})});
    CHECK(compared(headerless, k_fruit, RowOrder::as_written).ok);
    CHECK_FALSE(compared(headerless, table({}, {row({"apple", "0.50"})}), RowOrder::any).ok);
}

TEST_CASE("tables: Empty set matches no rows whatever the columns", "[result_table_compare]") {
    const ResultTable empty_set;
    CHECK(compared(empty_set, table({"name"}, {}), RowOrder::any).how == "exact");
    const TableComparison result = compared(empty_set, table({"name"}, {row({"Ann"})}), RowOrder::any);
    CHECK_FALSE(result.ok);
    CHECK(result.diff == "+ | Ann |");
    CHECK_FALSE(compared(table({"name"}, {}), table({"id"}, {}), RowOrder::any).ok);
}

TEST_CASE("tables: a row of the wrong width never matches", "[result_table_compare]") {
    const ResultTable expected = table({}, {row({"1", "2"})});
    const ResultTable actual = table({}, {row({"1", "2", "3"})});
    const TableComparison result = compared(expected, actual, RowOrder::any);
    CHECK(result.diff == "- | 1 | 2 |\n+ | 1 | 2 | 3 |");
}

TEST_CASE("tables: the any-order match finds a pairing a greedy one would miss", "[result_table_compare]") {
    // "7.5" could take 7.5 by equal text, but then "7.50" has nothing left.
    const ResultTable expected = table({"x"}, {row({"7.5"}), row({"7.50"})});
    const ResultTable actual = table({"x"}, {row({"7.5"}), row({"7.54"})});
    const TableComparison result = compared(expected, actual, RowOrder::any);
    CHECK(result.ok);
    CHECK(result.how == "unordered+numeric");
}

TEST_CASE("tables: a long diff is cut", "[result_table_compare]") {
    ResultTable expected = table({"n"}, {});
    ResultTable actual = table({"n"}, {});
    for (int i = 0; i < 100; ++i) {
        expected.rows.push_back(row({std::to_string(i).c_str()}));
        actual.rows.push_back(row({std::to_string(i + 1000).c_str()}));
    }
    const TableComparison result = compared(expected, actual, RowOrder::any);
    CHECK(result.diff.ends_with("\n... 160 more lines"));
}
