// Throwaway MariaDB and PostgreSQL servers. Each server is started once for
// the whole test binary (a few seconds each). A machine without a server's
// programs warns and skips its tests by name; CI installs both.
#include "runners/sql/database_server.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace snipcheck::runners::sql;

namespace {

// The run's server of `kind`, started on first use; nullptr (after a
// warning) only when its programs are not installed.
DatabaseServer* server_for(ServerKind kind) {
    static std::map<ServerKind, std::unique_ptr<DatabaseServer>> servers;
    if (const std::string package = missing_server_package(kind); !package.empty()) {
        WARN("skipped: " << server_name(kind) << " is not installed (Debian package " << package << ")");
        return nullptr;
    }
    std::unique_ptr<DatabaseServer>& server = servers[kind];
    if (!server) {
        std::string error;
        server = DatabaseServer::start(kind, error);
        INFO(error);
        REQUIRE(server);
        WARN(server_name(kind) << " started in " << server->startup_seconds() << " s");
    }
    return server.get();
}

std::unique_ptr<SqlConnection> fresh_database(DatabaseServer& server) {
    std::string error;
    std::unique_ptr<SqlConnection> database = server.open_database(error);
    INFO(error);
    REQUIRE(database);
    return database;
}

const ServerKind k_both[] = {ServerKind::mariadb, ServerKind::postgres};

}  // namespace

TEST_CASE("database servers create, insert and select, NULL as no value") {
    for (const ServerKind kind : k_both) {
        DatabaseServer* server = server_for(kind);
        if (server == nullptr) {
            continue;
        }
        INFO(server_name(kind));
        auto database = fresh_database(*server);
        REQUIRE(database->run("CREATE TABLE pets (id INT PRIMARY KEY, name VARCHAR(20), owner VARCHAR(20))", 5).ok);
        REQUIRE(database->run("INSERT INTO pets VALUES (1, 'Rex', 'Ana'), (2, 'Tom', NULL)", 5).ok);
        const StatementResult result = database->run("SELECT id, name, owner FROM pets ORDER BY id", 5);
        INFO(result.error);
        REQUIRE(result.ok);
        REQUIRE(result.table);
        CHECK(result.table->columns == std::vector<std::string>{"id", "name", "owner"});
        using Row = std::vector<std::optional<std::string>>;
        CHECK(result.table->rows == std::vector<Row>{Row{"1", "Rex", "Ana"}, Row{"2", "Tom", std::nullopt}});
        const StatementResult empty = database->run("SELECT name FROM pets WHERE id > 5", 5);
        REQUIRE(empty.table);
        CHECK(empty.table->columns == std::vector<std::string>{"name"});
        CHECK(empty.table->rows.empty());
    }
}

TEST_CASE("database servers report syntax errors and missing tables and columns") {
    for (const ServerKind kind : k_both) {
        DatabaseServer* server = server_for(kind);
        if (server == nullptr) {
            continue;
        }
        INFO(server_name(kind));
        auto database = fresh_database(*server);
        const StatementResult syntax = database->run("SELEC 1", 5);
        CHECK_FALSE(syntax.ok);
        CHECK_FALSE(syntax.timed_out);
        CHECK(syntax.error.find("syntax") != std::string::npos);
        const StatementResult table = database->run("SELECT * FROM absent_orders", 5);
        CHECK_FALSE(table.ok);
        CHECK(table.missing_table == "absent_orders");
        REQUIRE(database->run("CREATE TABLE orders (id INT)", 5).ok);
        const StatementResult column = database->run("SELECT total FROM orders", 5);
        CHECK_FALSE(column.ok);
        CHECK(column.missing_column == "total");
    }
}

TEST_CASE("database servers make stand-in tables and columns and drop them") {
    for (const ServerKind kind : k_both) {
        DatabaseServer* server = server_for(kind);
        if (server == nullptr) {
            continue;
        }
        INFO(server_name(kind));
        auto database = fresh_database(*server);
        REQUIRE(database->stand_in_table("customers"));
        REQUIRE(database->stand_in_column("customers", "email"));
        const StatementResult result = database->run("SELECT email FROM customers", 5);
        CHECK(result.ok);
        CHECK_FALSE(database->stand_in_table("customers"));
        CHECK(database->drop_table("customers"));
        CHECK(database->run("SELECT email FROM customers", 5).missing_table == "customers");
    }
}

TEST_CASE("database servers stop a statement at its timeout and keep the connection") {
    for (const ServerKind kind : k_both) {
        DatabaseServer* server = server_for(kind);
        if (server == nullptr) {
            continue;
        }
        INFO(server_name(kind));
        auto database = fresh_database(*server);
        const auto began = std::chrono::steady_clock::now();
        const StatementResult result =
            database->run(kind == ServerKind::mariadb ? "SELECT SLEEP(5)" : "SELECT pg_sleep(5)", 0.5);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
        INFO(result.error);
        CHECK(result.timed_out);
        CHECK_FALSE(result.ok);
        CHECK(seconds < 3);
        const StatementResult after = database->run("SELECT 1 AS one", 5);
        CHECK(after.ok);
    }
}

TEST_CASE("database servers give each document a database no other one sees") {
    for (const ServerKind kind : k_both) {
        DatabaseServer* server = server_for(kind);
        if (server == nullptr) {
            continue;
        }
        INFO(server_name(kind));
        auto first = fresh_database(*server);
        auto second = fresh_database(*server);
        REQUIRE(first->run("CREATE TABLE secrets (value INT)", 5).ok);
        CHECK(second->run("SELECT * FROM secrets", 5).missing_table == "secrets");
        const StatementResult name = first->run(kind == ServerKind::mariadb ? "SELECT DATABASE()" : "SELECT current_database()", 5);
        REQUIRE(name.table);
        REQUIRE(name.table->rows.size() == 1);
        const std::string qualified = *name.table->rows[0][0] + (kind == ServerKind::mariadb ? ".secrets" : ".public.secrets");
        const StatementResult across = second->run("SELECT * FROM " + qualified, 5);
        INFO(across.error);
        CHECK_FALSE(across.ok);
        // Usable again once both are dropped: a new database starts empty.
        first.reset();
        auto third = fresh_database(*server);
        CHECK(third->run("SELECT * FROM secrets", 5).missing_table == "secrets");
    }
}

TEST_CASE("database servers refuse to write files or run programs outside their folder") {
    const std::string target = std::filesystem::temp_directory_path() / ("snipcheck-server-escape-" + std::to_string(::getpid()));
    for (const ServerKind kind : k_both) {
        DatabaseServer* server = server_for(kind);
        if (server == nullptr) {
            continue;
        }
        INFO(server_name(kind));
        auto database = fresh_database(*server);
        REQUIRE(database->run("CREATE TABLE notes (body VARCHAR(20))", 5).ok);
        REQUIRE(database->run("INSERT INTO notes VALUES ('x')", 5).ok);
        const std::vector<std::string> attempts =
            kind == ServerKind::mariadb
                ? std::vector<std::string>{"SELECT body FROM notes INTO OUTFILE '" + target + "'",
                                           "SELECT body FROM notes INTO DUMPFILE '" + target + "'"}
                : std::vector<std::string>{"COPY notes TO PROGRAM 'touch " + target + "'",
                                           "COPY notes TO '" + target + "'"};
        for (const std::string& attempt : attempts) {
            const StatementResult result = database->run(attempt, 5);
            INFO(attempt << " -> " << result.error);
            CHECK_FALSE(result.ok);
            CHECK_FALSE(std::filesystem::exists(target));
        }
        const StatementResult read =
            database->run(kind == ServerKind::mariadb ? "SELECT LOAD_FILE('/etc/hostname')" : "SELECT pg_read_file('/etc/hostname')", 5);
        const bool nothing_read = !read.ok || (read.table && read.table->rows.size() == 1 && !read.table->rows[0][0]);
        CHECK(nothing_read);
    }
    std::filesystem::remove(target);
}

TEST_CASE("database servers run sandboxed") {
    for (const ServerKind kind : k_both) {
        DatabaseServer* server = server_for(kind);
        if (server == nullptr) {
            continue;
        }
        INFO(server_name(kind));
        const auto& protections = server->sandbox().protections;
        CHECK_FALSE(protections.empty());
        if (::geteuid() == 0) {
            CHECK(std::find(protections.begin(), protections.end(), "runs as user nobody") != protections.end());
        }
    }
}
