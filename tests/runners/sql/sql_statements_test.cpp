#include <catch2/catch.hpp>

#include "runners/sql/sql_statements.hpp"

using namespace snipcheck::runners::sql;

TEST_CASE("split_sql_statements splits at top-level semicolons with their lines") {
    const auto statements = split_sql_statements(
        "-- the table\n"
        "CREATE TABLE t (a TEXT);\n"
        "INSERT INTO t VALUES ('x;y'), (\"q;\");\n"
        "\n"
        "SELECT a\n"
        "FROM t /* ; not here */\n"
        "WHERE a <> 'it''s;'");
    REQUIRE(statements.size() == 3);
    CHECK(statements[0].text == "CREATE TABLE t (a TEXT)");
    CHECK(statements[0].line == 2);
    CHECK(statements[1].text == "INSERT INTO t VALUES ('x;y'), (\"q;\")");
    CHECK(statements[1].line == 3);
    CHECK(statements[2].line == 5);
    CHECK(statements[2].end_line == 7);
}

TEST_CASE("split_sql_statements keeps a trigger body whole and drops comment-only pieces") {
    const auto statements = split_sql_statements(
        "CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN\n"
        "  UPDATE n SET c = c + 1;\n"
        "  UPDATE m SET c = c + 1;\n"
        "END;\n"
        "-- done ;\n");
    REQUIRE(statements.size() == 1);
    CHECK(statements[0].end_line == 4);
}

TEST_CASE("sqlite_placeholders rewrites DB-API placeholders outside quotes") {
    CHECK(sqlite_placeholders("SELECT * FROM b WHERE p > %s AND a = %(author)s") ==
          "SELECT * FROM b WHERE p > ? AND a = :author");
    CHECK(sqlite_placeholders("SELECT '%s' || 'x%%' FROM t WHERE n LIKE %s") == "SELECT '%s' || 'x%%' FROM t WHERE n LIKE ?");
    CHECK(sqlite_placeholders("SELECT 100 %% 7") == "SELECT 100 % 7");
}

TEST_CASE("dialect_marks names MySQL and PostgreSQL syntax and nothing in portable SQL") {
    CHECK(dialect_marks("CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB;") == "mysql");
    CHECK(dialect_marks("# a MySQL comment\nSELECT 1;") == "mysql");
    CHECK(dialect_marks("CREATE TABLE t (id SERIAL PRIMARY KEY);") == "postgresql");
    CHECK(dialect_marks("SELECT name::text FROM t WHERE name ILIKE 'a%';") == "postgresql");
    CHECK(dialect_marks("SELECT name, COUNT(*) FROM t GROUP BY name ORDER BY name;").empty());
    CHECK(dialect_marks("SELECT 'AUTO_INCREMENT' FROM t;").empty());
}


TEST_CASE("split_sql_statements keeps PostgreSQL dollar-quoted bodies and END IF inside a body whole") {
    const auto functions = split_sql_statements(
        "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;\nSELECT f();");
    REQUIRE(functions.size() == 2);
    CHECK(functions[1].text == "SELECT f()");
    const auto procedure = split_sql_statements(
        "CREATE PROCEDURE p() BEGIN\n  IF 1 THEN SELECT 1; END IF;\n  SELECT 2;\nEND;\nSELECT 3;");
    REQUIRE(procedure.size() == 2);
    CHECK(procedure[1].text == "SELECT 3");
}

TEST_CASE("split_sql_statements reads backslash escapes only as MySQL") {
    CHECK(split_sql_statements("INSERT INTO p VALUES ('C:\\');\nSELECT 1;").size() == 2);
    CHECK(split_sql_statements("INSERT INTO p VALUES ('it\\'s;');\nSELECT 1;", SqlSyntax::mysql).size() == 2);
}

TEST_CASE("split_sql_statements reads MySQL's DELIMITER and # comments") {
    const auto statements = split_sql_statements(
        "# a procedure\nDELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND //\nDELIMITER ;\nCALL p();",
        SqlSyntax::mysql);
    REQUIRE(statements.size() == 2);
    CHECK(statements[0].line == 3);
    CHECK(statements[0].text.rfind("CREATE PROCEDURE p()", 0) == 0);
    CHECK(statements[0].text.find("SELECT 2;") != std::string::npos);
    CHECK(statements[1].text == "CALL p()");
    CHECK(statements[1].line == 9);
    CHECK(split_sql_statements("SELECT 1; # it's; fine\nSELECT 2;", SqlSyntax::mysql).size() == 2);
    const auto dollars = split_sql_statements("DELIMITER $$\nCREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET @a = 1; END$$\nDELIMITER ;", SqlSyntax::mysql);
    REQUIRE(dollars.size() == 1);
    CHECK(dollars[0].text.find("END") != std::string::npos);
}

TEST_CASE("quote_identifier doubles the quote it uses") {
    CHECK(quote_identifier("books") == "\"books\"");
    CHECK(quote_identifier("we\"ird") == "\"we\"\"ird\"");
    CHECK(quote_identifier("o`k", '`') == "`o``k`");
}
