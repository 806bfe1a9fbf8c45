#include "src/sql_order_by.hpp"

#include <catch2/catch.hpp>

using namespace snipcheck;

TEST_CASE("ORDER BY at the top level orders rows", "[sql_order_by]") {
    CHECK(query_orders_rows("SELECT * FROM t ORDER BY a"));
    CHECK(query_orders_rows("select a from t order\n  by a desc;"));
    CHECK(query_orders_rows("SELECT a FROM t UNION SELECT b FROM u ORDER BY 1;\n"));
    CHECK(query_orders_rows("SELECT a FROM t ORDER /* why not */ BY a"));
    CHECK(query_orders_rows("WITH c AS (SELECT 1 AS a) SELECT a FROM c ORDER BY a"));
    CHECK_FALSE(query_orders_rows("SELECT * FROM t"));
    CHECK_FALSE(query_orders_rows("SELECT * FROM t LIMIT 3"));
    CHECK_FALSE(query_orders_rows(""));
}

TEST_CASE("ORDER BY inside parentheses, strings or comments does not count", "[sql_order_by]") {
    CHECK_FALSE(query_orders_rows("SELECT a, rank() OVER (ORDER BY a) FROM t"));
    CHECK_FALSE(query_orders_rows("SELECT * FROM (SELECT a FROM t ORDER BY a) AS s"));
    CHECK_FALSE(query_orders_rows("SELECT group_concat(a ORDER BY a) FROM t"));
    CHECK_FALSE(query_orders_rows("SELECT 'ORDER BY a' FROM t"));
    CHECK_FALSE(query_orders_rows("SELECT 'it''s ORDER BY' FROM t"));
    CHECK_FALSE(query_orders_rows("SELECT \"order by\" FROM t"));
    CHECK_FALSE(query_orders_rows("SELECT `ORDER` BY FROM t"));
    CHECK_FALSE(query_orders_rows("SELECT a FROM t -- ORDER BY a\n"));
    CHECK_FALSE(query_orders_rows("SELECT a FROM t /* ORDER BY a */"));
    CHECK_FALSE(query_orders_rows("SELECT $x$ ORDER BY $x$ FROM t"));
    CHECK_FALSE(query_orders_rows("SELECT a FROM t ORDER_BY"));
    CHECK_FALSE(query_orders_rows("SELECT border by FROM t"));
    CHECK_FALSE(query_orders_rows("SELECT 'unterminated ORDER BY a"));
}

TEST_CASE("the last statement decides", "[sql_order_by]") {
    CHECK_FALSE(query_orders_rows("SELECT a FROM t ORDER BY a; SELECT b FROM u;"));
    CHECK(query_orders_rows("CREATE TABLE t (a int); INSERT INTO t VALUES (1);\n"
                            "SELECT a FROM t ORDER BY a;\n-- done\n"));
    CHECK(query_orders_rows("SELECT a FROM t ORDER BY a; ;"));
}
