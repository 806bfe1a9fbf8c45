// The SQL runner on small documents: one SQLite session per document, stand-in
// tables for what the document never creates, dialects it cannot run.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extractor/extractor.hpp"
#include "runners/sql/sql_runner.hpp"
#include "src/checker.hpp"
#include "tests/extractor/test_documents.hpp"

using namespace snipcheck;

namespace {

struct Ran {
    extractor::ExtractedDocument extracted;
    std::vector<const extractor::Snippet*> sql;
    std::vector<RunOutput> outputs;
    std::vector<Verdict> verdicts;
};

Ran run_document(const std::string& markdown, double timeout = 10,
                 runners::sql::SqlEngine engine = runners::sql::SqlEngine::sqlite) {
    Ran ran;
    const extractor::Document document = test::document_from_bytes("doc.md", markdown);
    ran.extracted = extractor::extract(document);
    runners::sql::SqlDocumentJob job{"doc.md", {}};
    for (const extractor::Snippet& snippet : ran.extracted.snippets) {
        if (snippet.language == "sql") {
            job.snippets.push_back(&snippet);
        }
    }
    ran.sql = job.snippets;
    runners::sql::SqlRunOptions options;
    options.default_timeout_seconds = timeout;
    options.engine = engine;
    ran.outputs = runners::sql::run_sql({job}, options).front();
    for (std::size_t i = 0; i < ran.sql.size(); ++i) {
        ran.verdicts.push_back(check(*ran.sql[i], ran.outputs[i]));
    }
    return ran;
}

}  // namespace

TEST_CASE("SQL runner: tables an earlier block creates exist for later blocks") {
    const Ran ran = run_document(
        "```sql\nCREATE TABLE pets (name TEXT, age INTEGER);\nINSERT INTO pets VALUES ('Rex', 3), ('Tom', NULL);\n```\n\n"
        "Then:\n\n```sql\nSELECT name, age FROM pets ORDER BY name;\n```\n");
    REQUIRE(ran.outputs.size() == 2);
    CHECK(ran.outputs[0].end == RunEnd::completed);
    CHECK(ran.verdicts[0].status == Status::pass);
    REQUIRE(ran.outputs[1].statements.size() == 1);
    const StatementOutput& select = ran.outputs[1].statements[0];
    CHECK(select.line == 9);
    CHECK(select.ordered);
    REQUIRE(select.table);
    CHECK(select.table->columns == std::vector<std::string>{"name", "age"});
    REQUIRE(select.table->rows.size() == 2);
    CHECK(select.table->rows[0][0] == "Rex");
    CHECK(select.table->rows[0][1] == "3");
    CHECK_FALSE(select.table->rows[1][1].has_value());
}

TEST_CASE("SQL runner: a syntax error is an error at its document line and stops the block") {
    const Ran ran = run_document("```sql\nCREATE TABLE t (a);\nSELECT a FROM t;\nSELEC a FROM t;\nSELECT 1;\n```\n");
    REQUIRE(ran.outputs.size() == 1);
    CHECK(ran.outputs[0].end == RunEnd::raised);
    CHECK(ran.outputs[0].exception_line == 4);
    CHECK(ran.outputs[0].exception_message.find("syntax error") != std::string::npos);
    CHECK(ran.outputs[0].statements.size() == 3);
    CHECK(ran.verdicts[0].status == Status::error);
}

TEST_CASE("SQL runner: a table the document never creates is stood in for, and said so") {
    const Ran ran = run_document("```sql\nSELECT title, price FROM books WHERE price > 10;\n```\n");
    REQUIRE(ran.outputs.size() == 1);
    CHECK(ran.outputs[0].end == RunEnd::completed);
    CHECK(ran.outputs[0].stubs == std::vector<std::string>{"table books(title, price)"});
    CHECK(ran.verdicts[0].status == Status::pass);
    CHECK(ran.verdicts[0].evidence == Evidence::static_check);
}

TEST_CASE("SQL runner: with a stand-in table, a written result cannot be compared and the snippet is skipped") {
    const Ran ran = run_document("```sql\nSELECT count(*) FROM visits;\n```\n\n| count(*) |\n|---|\n| 8 |\n");
    REQUIRE(ran.outputs.size() == 1);
    CHECK(ran.verdicts[0].status == Status::skip);
    CHECK(ran.verdicts[0].message.find("visits") != std::string::npos);
}

TEST_CASE("SQL runner: a stand-in is still a syntax check") {
    const Ran ran = run_document("```sql\nSELECT title FROM books WHERE;\n```\n");
    CHECK(ran.verdicts[0].status == Status::error);
}

TEST_CASE("SQL runner: SQL embedded in Python is prepared with its placeholders, not run") {
    const Ran ran = run_document(
        "```python\ncursor.execute(\"UPDATE book SET price = price * 1.1 WHERE author_id = %s\", [7])\n"
        "cursor.execute(\"SELECT title FROM book WHERE\")\n```\n");
    REQUIRE(ran.outputs.size() == 2);
    CHECK(ran.sql[0]->form == extractor::SnippetForm::embedded);
    CHECK(ran.outputs[0].static_check);
    CHECK(ran.verdicts[0].status == Status::pass);
    CHECK(ran.verdicts[0].evidence == Evidence::static_check);
    CHECK(ran.outputs[0].stubs == std::vector<std::string>{"table book(price, author_id)"});
    CHECK(ran.verdicts[1].status == Status::error);
    CHECK(ran.outputs[1].exception_line == 3);
}

TEST_CASE("SQL runner: MySQL SQL is skipped with the reason when only SQLite is there") {
    const Ran ran = run_document("```mysql\nSELECT 1;\n```\n\n```sql\nCREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY);\n```\n");
    REQUIRE(ran.verdicts.size() == 2);
    for (const Verdict& verdict : ran.verdicts) {
        CHECK(verdict.status == Status::skip);
        CHECK(verdict.message.find("MySQL server") != std::string::npos);
    }
}

TEST_CASE("SQL runner: a runaway query is interrupted at the timeout") {
    const Ran ran = run_document(
        "```sql\nWITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n;\n```\n", 0.3);
    CHECK(ran.outputs[0].end == RunEnd::timeout);
    CHECK(ran.verdicts[0].status == Status::timeout);
}

TEST_CASE("SQL runner: no file outside the in-memory database can be opened") {
    const Ran ran = run_document("```sql\nATTACH DATABASE '/tmp/snipcheck-attach-test.db' AS other;\n```\n\n"
                                 "```sql\nCREATE TABLE t (a);\nVACUUM INTO '/tmp/snipcheck-vacuum-test.db';\n```\n");
    CHECK(ran.verdicts[0].status == Status::error);
    CHECK(ran.verdicts[1].status == Status::error);
}

TEST_CASE("SQL runner: a written result table that differs from the rows is a fail with a diff") {
    const Ran ran = run_document(
        "```sql\nCREATE TABLE pets (name TEXT, age INTEGER);\nINSERT INTO pets VALUES ('Rex', 3), ('Tom', 5);\n"
        "SELECT name, age FROM pets;\n```\n\n| name | age |\n|------|-----|\n| Tom  | 5   |\n| Rex  | 4   |\n\n"
        "```sql\nSELECT name FROM pets ORDER BY age DESC;\n```\n\n| name |\n|---|\n| Tom |\n| Rex |\n");
    REQUIRE(ran.verdicts.size() == 2);
    CHECK(ran.verdicts[0].status == Status::fail);
    REQUIRE(ran.verdicts[0].expectations.size() == 1);
    const ExpectationResult& mismatch = ran.verdicts[0].expectations[0];
    CHECK(mismatch.line == 7);
    CHECK(mismatch.diff.find("Rex") != std::string::npos);
    CHECK(ran.verdicts[1].status == Status::pass);
}

TEST_CASE("SQL runner: with --sql-engine auto a MySQL block runs on a real MariaDB, and the portable blocks with it") {
    const Ran ran = run_document(
        "```sql\nCREATE TABLE pets (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(10), age INT) ENGINE=InnoDB;\n```\n\n"
        "```sql\nINSERT INTO pets (name, age) VALUES ('Rex', 3), ('Tom', 4);\n```\n\n"
        "```\nmysql> SELECT name, AVG(age) FROM pets GROUP BY name ORDER BY name;\n+------+----------+\n"
        "| name | AVG(age) |\n+------+----------+\n| Rex  |   3.0000 |\n| Tom  |   4.0000 |\n+------+----------+\n"
        "2 rows in set (0.00 sec)\n```\n",
        10, runners::sql::SqlEngine::auto_select);
    REQUIRE(ran.verdicts.size() == 3);
    for (std::size_t i = 0; i < ran.verdicts.size(); ++i) {
        INFO("snippet " << i << ": " << ran.verdicts[i].message);
        CHECK(ran.verdicts[i].status == Status::pass);
    }
    CHECK(ran.verdicts[2].evidence == Evidence::output);
}

TEST_CASE("SQL runner: with --sql-engine postgres a PostgreSQL block runs on a real server") {
    const Ran ran = run_document(
        "```postgresql\nCREATE TABLE t (id SERIAL PRIMARY KEY, name TEXT);\nINSERT INTO t (name) VALUES ('a'), ('b');\n"
        "SELECT id, name::text FROM t ORDER BY id;\n```\n\n| id | name |\n|---|---|\n| 1 | a |\n| 2 | b |\n\n"
        "```sql\nSELEC 1;\n```\n",
        10, runners::sql::SqlEngine::postgres);
    REQUIRE(ran.verdicts.size() == 2);
    INFO(ran.verdicts[0].message);
    CHECK(ran.verdicts[0].status == Status::pass);
    CHECK(ran.verdicts[0].evidence == Evidence::output);
    CHECK(ran.verdicts[1].status == Status::error);
    CHECK(ran.outputs[1].exception_line == 13);
}

TEST_CASE("SQL runner: a stand-in named t does not taint later statements that merely contain the letter") {
    const Ran ran = run_document("```sql\nSELECT * FROM t;\n```\n\n"
                                 "```sql\nCREATE TABLE users (id INTEGER);\nINSERT INTO users VALUES (1);\nSELECT id FROM users;\n```\n\n"
                                 "| id |\n|----|\n| 2  |\n");
    REQUIRE(ran.verdicts.size() == 2);
    CHECK(ran.verdicts[0].status == Status::pass);
    CHECK(ran.verdicts[1].status == Status::fail);
}

TEST_CASE("SQL runner: a backslash is a plain character in SQLite, and no statement is dropped") {
    const Ran ran = run_document("```sql\nCREATE TABLE p (path TEXT);\nINSERT INTO p VALUES ('C:\\');\nSELECT path FROM nowhere_at_all WHERE;\n```\n");
    CHECK(ran.verdicts[0].status == Status::error);
    CHECK(ran.outputs[0].exception_line == 4);
}

TEST_CASE("SQL runner: a transcript that shows an error goes on after it") {
    const Ran ran = run_document("```\nsqlite> SELECT * FROM missing_table WHERE;\nParse error: near \";\": syntax error\n"
                                 "sqlite> SELECT 1 AS one;\none\n---\n1\n```\n");
    REQUIRE(ran.verdicts.size() == 1);
    INFO(ran.verdicts[0].message);
    CHECK(ran.verdicts[0].status == Status::pass);
    CHECK(ran.verdicts[0].expectations.size() == 2);
}

TEST_CASE("SQL runner: a MySQL procedure written with DELIMITER runs on MariaDB") {
    const Ran ran = run_document(
        "```mysql\nCREATE TABLE t (a INT);\nDELIMITER //\nCREATE PROCEDURE fill()\nBEGIN\n  INSERT INTO t VALUES (1);\n"
        "  INSERT INTO t VALUES (2);\nEND //\nDELIMITER ;\nCALL fill();\nSELECT COUNT(*) AS n FROM t;\n```\n\n"
        "| n |\n|---|\n| 2 |\n",
        10, runners::sql::SqlEngine::auto_select);
    REQUIRE(ran.verdicts.size() == 1);
    INFO(ran.verdicts[0].message);
    CHECK(ran.verdicts[0].status == Status::pass);
    CHECK(ran.verdicts[0].evidence == Evidence::output);
}
