#include "src/result_table.hpp"

#include <catch2/catch.hpp>

#include <initializer_list>

using namespace snipcheck;

namespace {

using Row = std::vector<std::optional<std::string>>;

// A row from C strings, nullptr standing for NULL.
Row row(std::initializer_list<const char*> cells) {
    Row out;
    for (const char* cell : cells) {
        out.push_back(cell == nullptr ? std::nullopt : std::optional<std::string>(cell));
    }
    return out;
}

using Columns = std::vector<std::string>;

ResultTable parsed(std::string_view text) {
    const std::optional<ResultTable> table = parse_result_table(text);
    REQUIRE(table.has_value());
    return table.value_or(ResultTable{});
}

}  // namespace

TEST_CASE("markdown pipe table: header, alignment row, rows", "[result_table]") {
    const ResultTable table = parsed("| city   | visits |\n"
                                     "|:-------|-------:|\n"
                                     "| Oslo   | 12     |   \n"
                                     "| Lima   | 7      |\n");
    CHECK(table.columns == Columns{"city", "visits"});
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0] == row({"Oslo", "12"}));
    CHECK(table.rows[1] == row({"Lima", "7"}));
}

TEST_CASE("markdown pipe table: escapes, NULL spellings, quoted NULL, code spans", "[result_table]") {
    const ResultTable table = parsed("| sum(\\*) | note      | label  |\n"
                                     "| ------- | --------- | ------ |\n"
                                     "| 3\\.25   | a \\| b    | `NULL` |\n"
                                     "| \\-null- | 'NULL'    | null   |\n"
                                     "| <null>  | (null)    |        |\n"
                                     "| NULL    | C:\\temp   | `x\\|y` |\n");
    CHECK(table.columns == Columns{"sum(*)", "note", "label"});
    REQUIRE(table.rows.size() == 4);
    CHECK(table.rows[0] == row({"3.25", "a | b", nullptr}));
    CHECK(table.rows[1] == row({nullptr, "'NULL'", nullptr}));
    CHECK(table.rows[2] == row({nullptr, nullptr, ""}));
    CHECK(table.rows[3] == row({nullptr, "C:\\temp", "x|y"}));
}

TEST_CASE("markdown pipe table: outer pipes optional, short rows padded, long rows cut", "[result_table]") {
    const ResultTable table = parsed("name | qty\n---|---\npen | 3\nink |\ncap | 1 | extra\n");
    CHECK(table.columns == Columns{"name", "qty"});
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[0] == row({"pen", "3"}));
    CHECK(table.rows[1] == row({"ink", ""}));
    CHECK(table.rows[2] == row({"cap", "1"}));
}

TEST_CASE("markdown pipe table: header only has no rows", "[result_table]") {
    const ResultTable table = parsed("| a | b |\n|---|---|\n");
    CHECK(table.columns == Columns{"a", "b"});
    CHECK(table.rows.empty());
}

TEST_CASE("mysql box: header, padded cells, NULL, footer", "[result_table]") {
    const ResultTable table = parsed("+----+--------+-------+\n"
                                     "| id | fruit  | price |\n"
                                     "+----+--------+-------+\n"
                                     "|  1 | apple  |  0.50 |\n"
                                     "|  2 | NULL   |  NULL |\n"
                                     "|  3 |        |  2.00 |\n"
                                     "+----+--------+-------+\n"
                                     "3 rows in set (0.01 sec)\n");
    CHECK(table.columns == Columns{"id", "fruit", "price"});
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[0] == row({"1", "apple", "0.50"}));
    CHECK(table.rows[1] == row({"2", nullptr, nullptr}));
    CHECK(table.rows[2] == row({"3", "", "2.00"}));
}

TEST_CASE("mysql box: a value holding a bar is cut at the border's plus marks", "[result_table]") {
    const ResultTable table = parsed("  +----+-------+\n"
                                     "  | id | expr  |\n"
                                     "  +----+-------+\n"
                                     "  |  1 | a|b   |\n"
                                     "  +----+-------+\n"
                                     "  1 row in set, 1 warning (0.00 sec)\n");
    CHECK(table.columns == Columns{"id", "expr"});
    CHECK(table.rows == std::vector<Row>{row({"1", "a|b"})});
}

TEST_CASE("mysql box: without a header line, and without a bottom border", "[result_table]") {
    const ResultTable headerless = parsed("+---+---+\n| 1 | x |\n| 2 | y |\n+---+---+\n");
    CHECK(headerless.columns.empty());
    CHECK(headerless.rows == std::vector<Row>{row({"1", "x"}), row({"2", "y"})});

    const ResultTable open_bottom = parsed("+------+\n| name |\n+------+\n| Ada  |\n");
    CHECK(open_bottom.columns == Columns{"name"});
    CHECK(open_bottom.rows == std::vector<Row>{row({"Ada"})});
}

TEST_CASE("mysql Empty set: no columns and no rows", "[result_table]") {
    const ResultTable table = parsed("\nEmpty set (0.00 sec)\n\n");
    CHECK(table.columns.empty());
    CHECK(table.rows.empty());
    CHECK(parsed("Empty set, 2 warnings (0.01 sec)").rows.empty());
    CHECK_FALSE(parse_result_table("| a |\n|---|\n| 1 |\nEmpty set (0.00 sec)").has_value());
}

TEST_CASE("psql aligned output: centred header, empty cell is NULL, row count", "[result_table]") {
    const ResultTable table = parsed("  id |  city  | note\n"
                                     "-----+--------+------\n"
                                     "   1 | Quito  | ok\n"
                                     "   2 |        | NULL\n"
                                     "  10 | Turku  |\n"
                                     "(3 rows)\n"
                                     "\n");
    CHECK(table.columns == Columns{"id", "city", "note"});
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[0] == row({"1", "Quito", "ok"}));
    CHECK(table.rows[1] == row({"2", nullptr, nullptr}));
    CHECK(table.rows[2] == row({"10", "Turku", nullptr}));
}

TEST_CASE("psql aligned output: no rows", "[result_table]") {
    const ResultTable table = parsed(" a | b\n---+---\n(0 rows)\n");
    CHECK(table.columns == Columns{"a", "b"});
    CHECK(table.rows.empty());
}

TEST_CASE("sqlite3 column mode: columns cut where the dash runs start", "[result_table]") {
    const ResultTable table = parsed("id  name        score\n"
                                     "--  ----------  -----\n"
                                     "1   Mary Jones  4.5\n"
                                     "2               3\n"
                                     "3   -null-\n");
    CHECK(table.columns == Columns{"id", "name", "score"});
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[0] == row({"1", "Mary Jones", "4.5"}));
    CHECK(table.rows[1] == row({"2", nullptr, "3"}));
    CHECK(table.rows[2] == row({"3", nullptr, nullptr}));
}

TEST_CASE("sqlite3 column mode and psql with one column", "[result_table]") {
    const ResultTable sqlite = parsed("max(dated)\n----------\n1931-04-02\n");
    CHECK(sqlite.columns == Columns{"max(dated)"});
    CHECK(sqlite.rows == std::vector<Row>{row({"1931-04-02"})});

    const ResultTable psql = parsed(" total \n-------\n    42\n(1 row)\n");
    CHECK(psql.columns == Columns{"total"});
    CHECK(psql.rows == std::vector<Row>{row({"42"})});
}

TEST_CASE("sqlite3 list mode: header and bar-separated values", "[result_table]") {
    const ResultTable table = parsed("id|name|count(DISTINCT tag)\n1|Ann|3\n2||0\n");
    CHECK(table.columns == Columns{"id", "name", "count(DISTINCT tag)"});
    CHECK(table.rows == std::vector<Row>{row({"1", "Ann", "3"}), row({"2", nullptr, "0"})});
}

TEST_CASE("prose, code and half tables are not result tables", "[result_table]") {
    for (const char* text : {
             "",
             "\n\n",
             "The query returns every visit, sorted by date.",
             "Results\n-------\nThe rows come back sorted by the date of the visit.\n",
             "Use cat file | grep word to filter, then\nsort | uniq -c to count.\n",
             "a | b\n",
             "- first item\n- second item\n",
             "SELECT name FROM t;\n",
             "(1 row)\n",
             "| a | b |\n| 1 | 2 |\n",
             "| a | b |\n|---|---|\n| 1 | 2 |\n\nThat is all.\n",
             "| a | b |\n|---|---|---|\n| 1 | 2 |\n",
             "+----+\n| id |\nsome text\n+----+\n",
             " id | name\n----+-----\n  1 | Ann\nthe end\n",
             "id  name\n--  ----\n1   Ann wrote a much longer line here\n",
             "Heading one\n-----------\nshort\n",
             "<li>{{ item.name|upper }}</li>\n<li>{{ item.size|default:0 }}</li>\n",
             "ls -l|wc -l\nps ax|grep cron\n",
         }) {
        INFO(text);
        CHECK_FALSE(parse_result_table(text).has_value());
    }
}

TEST_CASE("format_result_table: padded pipe table, NULL against quoted text", "[result_table]") {
    ResultTable table;
    table.columns = {"id", "label"};
    table.rows = {row({"1", nullptr}), row({"22", "NULL"}), row({"3", ""}), row({"4", "a|b"})};
    CHECK(format_result_table(table) == "| id | label  |\n"
                                        "|----|--------|\n"
                                        "| 1  | NULL   |\n"
                                        "| 22 | 'NULL' |\n"
                                        "| 3  | ''     |\n"
                                        "| 4  | a\\|b   |");
    CHECK(format_result_row(row({"x", nullptr})) == "| x | NULL |");
    CHECK(format_result_table(ResultTable{}) == "(empty set)");
}

TEST_CASE("format_result_table reads back as the same Markdown table", "[result_table]") {
    ResultTable table;
    table.columns = {"name", "note"};
    table.rows = {row({"Zoë", nullptr}), row({"x|y", "back\\slash"})};
    CHECK(parsed(format_result_table(table)).rows == table.rows);
    CHECK(parsed(format_result_table(table)).columns == table.columns);
}
