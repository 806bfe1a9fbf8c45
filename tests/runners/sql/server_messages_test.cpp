// Missing names read from MariaDB's and PostgreSQL's error messages.
#include "runners/sql/server_messages.hpp"

#include <catch2/catch.hpp>

using namespace snipcheck::runners::sql;

namespace {

StatementResult failed_with(const std::string& message) {
    StatementResult result;
    result.error = message;
    return result;
}

}  // namespace

TEST_CASE("note_mariadb_missing reads the table without the document's database") {
    StatementResult result = failed_with("Table 'doc_7.orders' doesn't exist");
    note_mariadb_missing("doc_7", result);
    CHECK(result.missing_table == "orders");
    CHECK(result.missing_column.empty());

    StatementResult elsewhere = failed_with("Table 'other.orders' doesn't exist");
    note_mariadb_missing("doc_7", elsewhere);
    CHECK(elsewhere.missing_table == "other.orders");
}

TEST_CASE("note_mariadb_missing reads an unknown column whatever clause names it") {
    StatementResult field_list = failed_with("Unknown column 'price' in 'field list'");
    note_mariadb_missing("doc_1", field_list);
    CHECK(field_list.missing_column == "price");
    StatementResult where = failed_with("Unknown column 'o.total' in 'where clause'");
    note_mariadb_missing("doc_1", where);
    CHECK(where.missing_column == "o.total");
    CHECK(where.missing_table.empty());
}

TEST_CASE("note_mariadb_missing leaves other errors alone") {
    StatementResult result = failed_with("Unknown table 'orders'");
    note_mariadb_missing("doc_1", result);
    CHECK(result.missing_table.empty());
    CHECK(result.missing_column.empty());
}

TEST_CASE("note_postgres_missing reads relations and the three column forms") {
    StatementResult relation = failed_with("relation \"orders\" does not exist");
    note_postgres_missing(relation);
    CHECK(relation.missing_table == "orders");

    StatementResult column = failed_with("column \"price\" does not exist");
    note_postgres_missing(column);
    CHECK(column.missing_column == "price");

    StatementResult of_relation = failed_with("column \"price\" of relation \"orders\" does not exist");
    note_postgres_missing(of_relation);
    CHECK(of_relation.missing_column == "price");
    CHECK(of_relation.missing_table.empty());

    StatementResult qualified = failed_with("column o.price does not exist");
    note_postgres_missing(qualified);
    CHECK(qualified.missing_column == "o.price");
}

TEST_CASE("note_postgres_missing leaves other errors alone") {
    StatementResult result = failed_with("syntax error at or near \"SELEC\"");
    note_postgres_missing(result);
    CHECK(result.missing_table.empty());
    CHECK(result.missing_column.empty());
}
