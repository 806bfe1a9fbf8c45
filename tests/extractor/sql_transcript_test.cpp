#include <catch2/catch.hpp>

#include "extractor/extractor.hpp"
#include "extractor/sql_transcript.hpp"
#include "tests/extractor/test_documents.hpp"

using namespace snipcheck;
using namespace snipcheck::extractor;

TEST_CASE("parse_sql_transcript: statements, continuations and the tables after them") {
    const std::vector<std::string_view> lines = {
        "mysql> SELECT name, COUNT(*)",
        "    -> FROM pets GROUP BY name;",
        "+------+----------+",
        "| name | COUNT(*) |",
        "+------+----------+",
        "| Rex  |        2 |",
        "+------+----------+",
        "1 row in set (0.00 sec)",
        "",
        "mysql> INSERT INTO pets VALUES ('Tom');",
        "Query OK, 1 row affected (0.01 sec)",
        "",
        "mysql> SELECT * FROM nowhere;",
        "ERROR 1146 (42S02): Table 'shop.nowhere' doesn't exist",
    };
    REQUIRE(is_sql_transcript(lines));
    const SqlTranscript transcript = parse_sql_transcript(lines, 10);
    CHECK(transcript.dialect == "mysql");
    CHECK(test::strings_of(transcript.code) ==
          std::vector<std::string>{"SELECT name, COUNT(*)", "FROM pets GROUP BY name;",
                                   "INSERT INTO pets VALUES ('Tom');", "SELECT * FROM nowhere;"});
    CHECK(transcript.line_map == std::vector<int>{10, 11, 19, 22});
    REQUIRE(transcript.expectations.size() == 2);
    CHECK(transcript.expectations[0].line == 12);
    CHECK(transcript.expectations[0].statement_line == 10);
    CHECK(transcript.expectations[0].expected.find("| Rex  |        2 |") != std::string::npos);
    CHECK(transcript.expectations[1].kind == ExpectationKind::raises);
    CHECK(transcript.expectations[1].statement_line == 22);
}

TEST_CASE("parse_sql_transcript reads psql and sqlite3 prompts") {
    const std::vector<std::string_view> psql = {"shop=# SELECT 1 AS one;", " one ", "-----", "   1", "(1 row)"};
    REQUIRE(is_sql_transcript(psql));
    CHECK(parse_sql_transcript(psql, 1).dialect == "postgresql");
    const std::vector<std::string_view> sqlite = {"sqlite> SELECT 1", "   ...> + 1;", "2"};
    const SqlTranscript transcript = parse_sql_transcript(sqlite, 1);
    CHECK(transcript.dialect == "sqlite");
    CHECK(transcript.code.size() == 2);
    CHECK(transcript.expectations.size() == 1);
    CHECK_FALSE(is_sql_transcript({"SELECT 1;", "mysql> x"}));
}

TEST_CASE("looks_like_result_table knows client tables from code") {
    CHECK(looks_like_result_table({"+----+", "| id |", "+----+"}));
    CHECK(looks_like_result_table({"| id | name |", "|----|:----:|", "| 1 | a |"}));
    CHECK(looks_like_result_table({" id | name ", "----+------", "  1 | a"}));
    CHECK(looks_like_result_table({"Empty set (0.00 sec)"}));
    CHECK_FALSE(looks_like_result_table({"x = a | b", "print(x)"}));
    CHECK_FALSE(looks_like_result_table({"SELECT 1;"}));
}

TEST_CASE("A Markdown table or a client table right after a SQL block is its expected result") {
    const Document document = test::document_from_bytes("doc.md",
        "```sql\nSELECT 1 AS one;\n```\n\nOutput:\n\n| one |\n|-----|\n| 1   |\n\n"
        "```sql\nSELECT 2 AS two;\n```\n\n```\n+-----+\n| two |\n+-----+\n|   2 |\n+-----+\n```\n\n"
        "```sql\nSELECT 3;\n```\n\nA paragraph, then a table that belongs to the prose:\n\n| a |\n|---|\n| 1 |\n");
    const ExtractedDocument extracted = extract(document);
    REQUIRE(extracted.snippets.size() == 3);
    REQUIRE(extracted.snippets[0].expectations.size() == 1);
    CHECK(extracted.snippets[0].expectations[0].line == 7);
    CHECK(extracted.snippets[0].expectations[0].expected == "| one |\n|-----|\n| 1   |");
    REQUIRE(extracted.snippets[1].expectations.size() == 1);
    CHECK(extracted.snippets[1].expectations[0].kind == ExpectationKind::output_block);
    CHECK(extracted.snippets[1].expectations[0].expected.find("|   2 |") != std::string::npos);
    CHECK(extracted.snippets[2].expectations.empty());
}

TEST_CASE("split_sql_and_results: a SQL block with each query's table after it, no prompts") {
    const std::vector<std::string_view> lines = {
        "SELECT name",
        "FROM pets;",
        "",
        "+------+",
        "| name |",
        "+------+",
        "| Rex  |",
        "+------+",
        "1 row in set (0.00 sec)",
        "",
        "SELECT 2 AS two;",
        "+-----+",
        "| two |",
        "+-----+",
        "|   2 |",
        "+-----+",
    };
    const SqlTranscript split = split_sql_and_results(lines, 20);
    CHECK(test::strings_of(split.code) == std::vector<std::string>{"SELECT name", "FROM pets;", "", "", "SELECT 2 AS two;"});
    CHECK(split.line_map == std::vector<int>{20, 21, 22, 29, 30});
    REQUIRE(split.expectations.size() == 2);
    CHECK(split.expectations[0].statement_line == 20);
    CHECK(split.expectations[0].line == 23);
    CHECK(split.expectations[0].expected.find("1 row in set") != std::string::npos);
    CHECK(split.expectations[1].statement_line == 30);
    CHECK(split_sql_and_results({"SELECT a | b FROM t;", "SELECT 1;"}, 1).code.empty());
}

TEST_CASE("parse_sql_transcript skips client commands and their output") {
    const std::vector<std::string_view> lines = {"sqlite> .mode column", "sqlite> .headers on",
                                                 "sqlite> SELECT 1 AS one;", "one", "---", "1",
                                                 "shop=# \\dt", " List of relations"};
    const SqlTranscript transcript = parse_sql_transcript(lines, 1);
    CHECK(test::strings_of(transcript.code) == std::vector<std::string>{"SELECT 1 AS one;"});
    CHECK(transcript.line_map == std::vector<int>{3});
    CHECK(transcript.expectations.size() == 1);
}

TEST_CASE("A table after a CREATE TABLE documents columns unless it is labelled as output") {
    const Document document = test::document_from_bytes("doc.md",
        "```sql\nCREATE TABLE users (id INTEGER, name TEXT);\n```\n\n| Column | Meaning |\n|---|---|\n| id | key |\n\n"
        "```sql\nINSERT INTO users VALUES (1, 'a');\n```\n\nResult:\n\n| id |\n|---|\n| 1 |\n");
    const ExtractedDocument extracted = extract(document);
    REQUIRE(extracted.snippets.size() == 2);
    CHECK(extracted.snippets[0].expectations.empty());
    CHECK(extracted.snippets[1].expectations.size() == 1);
    CHECK(last_statement_returns_rows("CREATE TABLE t (a);\n-- now\nSELECT a FROM t;"));
    CHECK_FALSE(last_statement_returns_rows("SELECT 1;\nDROP TABLE t;"));
}

TEST_CASE("psql prompts: a database name, the state mark, # or > and a space") {
    CHECK(is_sql_transcript({"shop=# SELECT 1;"}));
    CHECK(is_sql_transcript({"_db2=> SELECT 1;"}));
    CHECK_FALSE(is_sql_transcript({"shop=#SELECT 1;"}));
    CHECK_FALSE(is_sql_transcript({"2shop=# SELECT 1;"}));
    CHECK_FALSE(is_sql_transcript({"shop-# SELECT 1;"}));  // a continuation prompt cannot start a statement
    CHECK_FALSE(is_sql_transcript({"my shop=# SELECT 1;"}));
    CHECK_FALSE(is_sql_transcript({"shop=#"}));
    const std::vector<std::string_view> lines = {"shop=# SELECT 1", "shop-# + 1", "shop(# , 2", "shop'> ;", "x"};
    const SqlTranscript transcript = parse_sql_transcript(lines, 1);
    CHECK(test::strings_of(transcript.code) == std::vector<std::string>{"SELECT 1", "+ 1", ", 2", ";"});
    CHECK(parse_sql_transcript({"shop=# SELECT 1", "shop=# SELECT 2;"}, 1).code.size() == 2);
}

TEST_CASE("split_sql_and_results: the footers a client prints under a table belong to it") {
    for (std::string_view footer : {"3 rows in set (0.01 sec)", "1 row in set", "(12 rows)", "(1 row)",
                                    "Empty set (0.00 sec)", "Query OK, 0 rows affected"}) {
        const std::vector<std::string_view> lines = {"SELECT 1;", "+---+", "| 1 |", "+---+", footer, "SELECT 2;"};
        const SqlTranscript split = split_sql_and_results(lines, 1);
        REQUIRE(split.expectations.size() == 1);
        CHECK(split.expectations[0].expected.ends_with(footer));
    }
    for (std::string_view not_footer : {"rows in set", "3 rowsin set", "(3 rows", "( 3 rows)", "3 columns in set"}) {
        const std::vector<std::string_view> lines = {"SELECT 1;", "+---+", "| 1 |", "+---+", not_footer, "SELECT 2;"};
        const SqlTranscript split = split_sql_and_results(lines, 1);
        REQUIRE(split.expectations.size() == 1);
        CHECK(split.expectations[0].expected == "+---+\n| 1 |\n+---+");
    }
}
