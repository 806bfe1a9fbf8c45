#include "extractor/embedded_sql.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "extractor/python_tokens.hpp"
#include "tests/extractor/test_documents.hpp"

using namespace snipcheck::extractor;
using snipcheck::test::line_range;

namespace {

// The SQL embedded in Python code whose first line is document line `first_line`.
std::vector<EmbeddedSql> sql_in(const std::vector<std::string_view>& lines, int first_line = 1) {
    return find_embedded_sql(lines, line_range(first_line, static_cast<int>(lines.size())), tokenize_python(lines));
}

}  // namespace

TEST_CASE("execute with a string literal gives its SQL at the call's line", "[embedded_sql]") {
    const auto found = sql_in({"cursor = connection.cursor()",
                               "cursor.execute(\"SELECT * FROM users WHERE id = %s\", [1])"},
                              12);
    REQUIRE(found.size() == 1);
    CHECK(found[0].sql == "SELECT * FROM users WHERE id = %s");
    CHECK(found[0].line_map == std::vector<int>{13});
    CHECK_FALSE(found[0].interpolated);
}

TEST_CASE("executemany with a string literal is embedded SQL", "[embedded_sql]") {
    const auto found = sql_in({"cursor.executemany('INSERT INTO t (a) VALUES (?)', rows)"}, 4);
    REQUIRE(found.size() == 1);
    CHECK(found[0].sql == "INSERT INTO t (a) VALUES (?)");
    CHECK(found[0].line_map == std::vector<int>{4});
}

TEST_CASE("Model.objects.raw( with the SQL on the next line maps to that line", "[embedded_sql]") {
    const auto found = sql_in({"people = Person.objects.raw(",
                               "    \"SELECT * FROM myapp_person WHERE last_name = %s\", [\"Lennon\"]",
                               ")"},
                              30);
    REQUIRE(found.size() == 1);
    CHECK(found[0].sql == "SELECT * FROM myapp_person WHERE last_name = %s");
    CHECK(found[0].line_map == std::vector<int>{31});
}

TEST_CASE("a triple-quoted multi-line SQL string is dedented and each line maps to its document line",
          "[embedded_sql]") {
    const auto found = sql_in({"cursor.execute(\"\"\"",     // 40
                               "    SELECT id, name",      // 41
                               "    FROM users",           // 42
                               "    WHERE active = 1",     // 43
                               "\"\"\")"},                 // 44
                              40);
    REQUIRE(found.size() == 1);
    CHECK(found[0].sql == "SELECT id, name\nFROM users\nWHERE active = 1");
    CHECK(found[0].line_map == std::vector<int>{41, 42, 43});
    CHECK_FALSE(found[0].interpolated);
}

TEST_CASE("an f-string SQL is marked interpolated", "[embedded_sql]") {
    const auto found = sql_in({"cursor.execute(f\"SELECT * FROM {table} WHERE id = 1\")"}, 2);
    REQUIRE(found.size() == 1);
    CHECK(found[0].sql == "SELECT * FROM {table} WHERE id = 1");
    CHECK(found[0].interpolated);
}

TEST_CASE("a name bound to an SQL literal and passed to execute gives the literal at its own line",
          "[embedded_sql]") {
    const auto found = sql_in({"sql = \"SELECT name FROM users\"", "with connection.cursor() as cursor:",
                               "    cursor.execute(sql)"},
                              7);
    REQUIRE(found.size() == 1);
    CHECK(found[0].sql == "SELECT name FROM users");
    CHECK(found[0].line_map == std::vector<int>{7});
}

TEST_CASE("adjacent literals are joined, one SQL line per document line", "[embedded_sql]") {
    const auto found = sql_in({"cursor.execute(", "    \"SELECT a \"", "    \"FROM t\"", ")"}, 60);
    REQUIRE(found.size() == 1);
    CHECK(found[0].sql == "SELECT a \nFROM t");
    CHECK(found[0].line_map == std::vector<int>{61, 62});
}

TEST_CASE("a string that is not SQL passed to execute is ignored", "[embedded_sql]") {
    CHECK(sql_in({"runner.execute(\"ls\")"}).empty());
    CHECK(sql_in({"shell.execute('echo select everything')"}).empty());
    CHECK(sql_in({"cursor.fetch(\"SELECT 1\")"}).empty());
    CHECK(sql_in({"query = \"ls -la\"", "runner.execute(query)"}).empty());
}
