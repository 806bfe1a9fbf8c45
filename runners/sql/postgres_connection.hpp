#pragma once
// A connection to one database of a PostgreSQL server over its Unix socket,
// through libpq. Each statement gets a server-side statement_timeout and a
// client-side deadline a little later (then a cancel request); rows are
// streamed one at a time so a huge result cannot fill snipcheck's memory.
// COPY FROM STDIN gets no input and COPY TO STDOUT is read and dropped.

#include <memory>
#include <string>

#include "runners/sql/sql_connection.hpp"

struct pg_conn;

namespace snipcheck::runners::sql {

class PostgresConnection : public SqlConnection {
public:
    // Connects to `database` as `user` (no password: the server trusts its
    // private socket) through the socket folder `socket_folder`; nullptr and
    // `error` when the server refuses or does not answer within `connect_seconds`.
    static std::unique_ptr<PostgresConnection> connect(const std::string& socket_folder, const std::string& user,
                                                       const std::string& database, std::string& error,
                                                       unsigned connect_seconds = 10);
    ~PostgresConnection() override;
    PostgresConnection(const PostgresConnection&) = delete;
    PostgresConnection& operator=(const PostgresConnection&) = delete;

    // Runs one statement; rows past k_max_result_rows are dropped. When the
    // server has not answered `seconds` + 2 s later, the statement is
    // cancelled; if that fails too the connection is closed and every later
    // statement fails with a message saying so.
    StatementResult run(const std::string& statement, double seconds) override;

    // CREATE TABLE "name" (snipcheck_stand_in INT) / ADD COLUMN "column" TEXT / DROP TABLE.
    bool stand_in_table(const std::string& name) override;
    bool stand_in_column(const std::string& table, const std::string& column) override;
    bool drop_table(const std::string& name) override;

private:
    explicit PostgresConnection(pg_conn* connection) : m_connection(connection) {}
    // Runs `statement` and gathers its results until `deadline`-based waiting gives up.
    void execute(const std::string& statement, double seconds, StatementResult& result);
    void close();

    pg_conn* m_connection = nullptr;  // null once closed after a deadline
};

}  // namespace snipcheck::runners::sql
