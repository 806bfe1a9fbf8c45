#pragma once
// A connection to one database of a MariaDB server over its Unix socket,
// through the C client library (libmariadb). Each statement gets a
// server-side limit (max_statement_time) and a client-side deadline a
// little later; LOAD DATA LOCAL is off, so the server cannot read the
// client's files.

#include <memory>
#include <string>

#include "runners/sql/sql_connection.hpp"

struct st_mysql;

namespace snipcheck::runners::sql {

class MariadbConnection : public SqlConnection {
public:
    // Connects to `database` (empty: none) as `user` without a password
    // through the socket file `socket`; nullptr and `error` when the server
    // refuses or does not answer within `connect_seconds`.
    static std::unique_ptr<MariadbConnection> connect(const std::string& socket, const std::string& user,
                                                      const std::string& database, std::string& error,
                                                      unsigned connect_seconds = 10);
    ~MariadbConnection() override;
    MariadbConnection(const MariadbConnection&) = delete;
    MariadbConnection& operator=(const MariadbConnection&) = delete;

    // Runs one statement; rows past k_max_result_rows are dropped. When the
    // server has not answered `seconds` + 2 s later, the connection is
    // closed and every later statement fails with a message saying so.
    StatementResult run(const std::string& statement, double seconds) override;

    // CREATE TABLE `name` (snipcheck_stand_in INT) / ADD COLUMN `column` TEXT / DROP TABLE.
    bool stand_in_table(const std::string& name) override;
    bool stand_in_column(const std::string& table, const std::string& column) override;
    bool drop_table(const std::string& name) override;

private:
    MariadbConnection(st_mysql* mysql, std::string database) : m_mysql(mysql), m_database(std::move(database)) {}
    void read_results(StatementResult& result);
    void fail(StatementResult& result);

    st_mysql* m_mysql = nullptr;  // null once closed after a deadline
    std::string m_database;
};

}  // namespace snipcheck::runners::sql
