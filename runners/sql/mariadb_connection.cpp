#include "runners/sql/mariadb_connection.hpp"

#include <mysql.h>

#include <fmt/format.h>

#include "runners/sql/client_deadline.hpp"
#include "runners/sql/server_messages.hpp"
#include "runners/sql/sql_statements.hpp"

namespace snipcheck::runners::sql {
namespace {

constexpr double k_client_grace_seconds = 2;
constexpr unsigned k_statement_timeout_error = 1969;  // ER_STATEMENT_TIMEOUT
constexpr unsigned k_interrupted_error = 1317;        // ER_QUERY_INTERRUPTED

}  // namespace

std::unique_ptr<MariadbConnection> MariadbConnection::connect(const std::string& socket, const std::string& user,
                                                              const std::string& database, std::string& error,
                                                              unsigned connect_seconds) {
    MYSQL* mysql = mysql_init(nullptr);
    if (mysql == nullptr) {
        error = "libmariadb: out of memory";
        return nullptr;
    }
    // The server must never read a file of the machine snipcheck runs on.
    const unsigned no_local_infile = 0;
    mysql_options(mysql, MYSQL_OPT_LOCAL_INFILE, &no_local_infile);
    mysql_options(mysql, MYSQL_OPT_CONNECT_TIMEOUT, &connect_seconds);
    // A backstop for reading rows; the statement deadline is handled by poll.
    const unsigned read_seconds = 60;
    mysql_options(mysql, MYSQL_OPT_READ_TIMEOUT, &read_seconds);
    mysql_options(mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    if (mysql_real_connect(mysql, "localhost", user.c_str(), "", database.empty() ? nullptr : database.c_str(), 0,
                           socket.c_str(), CLIENT_MULTI_RESULTS) == nullptr) {
        error = mysql_error(mysql);
        mysql_close(mysql);
        return nullptr;
    }
    return std::unique_ptr<MariadbConnection>(new MariadbConnection(mysql, database));
}

MariadbConnection::~MariadbConnection() {
    if (m_mysql != nullptr) {
        mysql_close(m_mysql);
    }
}

void MariadbConnection::fail(StatementResult& result) {
    result.ok = false;
    result.error = mysql_error(m_mysql);
    const unsigned code = mysql_errno(m_mysql);
    result.timed_out = code == k_statement_timeout_error || code == k_interrupted_error;
    note_mariadb_missing(m_database, result);
}

StatementResult MariadbConnection::run(const std::string& statement, double seconds) {
    StatementResult result;
    if (m_mysql == nullptr) {
        result.error = "the connection to MariaDB was closed after a statement that did not answer in time";
        return result;
    }
    const std::string limit = fmt::format("SET SESSION max_statement_time = {:.3f}", seconds);
    if (mysql_query(m_mysql, limit.c_str()) != 0) {
        fail(result);
        return result;
    }
    if (mysql_send_query(m_mysql, statement.data(), static_cast<unsigned long>(statement.size())) != 0) {
        fail(result);
        return result;
    }
    if (!wait_readable(static_cast<int>(mysql_get_socket(m_mysql)), deadline_in(seconds + k_client_grace_seconds))) {
        // The server ignored its own limit: nothing more can be trusted on this connection.
        mysql_close(m_mysql);
        m_mysql = nullptr;
        result.timed_out = true;
        result.error = fmt::format("MariaDB did not answer within {:g} s", seconds + k_client_grace_seconds);
        return result;
    }
    if (mysql_read_query_result(m_mysql) != 0) {
        fail(result);
        return result;
    }
    read_results(result);
    return result;
}

void MariadbConnection::read_results(StatementResult& result) {
    int more = 0;
    do {
        MYSQL_RES* rows = mysql_use_result(m_mysql);
        if (rows != nullptr) {
            // A procedure may return several result sets; the last one is the answer.
            ResultTable table;
            const unsigned columns = mysql_num_fields(rows);
            const MYSQL_FIELD* fields = mysql_fetch_fields(rows);
            for (unsigned i = 0; i < columns; ++i) {
                table.columns.emplace_back(fields[i].name, fields[i].name_length);
            }
            while (MYSQL_ROW row = mysql_fetch_row(rows)) {
                if (table.rows.size() >= k_max_result_rows) {
                    continue;  // read to the end all the same: the protocol needs it
                }
                const unsigned long* lengths = mysql_fetch_lengths(rows);
                std::vector<std::optional<std::string>> values;
                for (unsigned i = 0; i < columns; ++i) {
                    if (row[i] == nullptr) {
                        values.emplace_back(std::nullopt);
                    } else {
                        values.emplace_back(std::string(row[i], lengths[i]));
                    }
                }
                table.rows.push_back(std::move(values));
            }
            const bool broken = mysql_errno(m_mysql) != 0;
            mysql_free_result(rows);
            if (broken) {
                fail(result);
                return;
            }
            result.table = std::move(table);
        } else if (mysql_field_count(m_mysql) != 0) {
            fail(result);
            return;
        }
        more = mysql_next_result(m_mysql);
    } while (more == 0);
    if (more > 0) {
        fail(result);
        return;
    }
    result.ok = true;
}

bool MariadbConnection::stand_in_table(const std::string& name) {
    return run(fmt::format("CREATE TABLE {} (snipcheck_stand_in INT)", quote_identifier(name, '`')), 10).ok;
}

bool MariadbConnection::stand_in_column(const std::string& table, const std::string& column) {
    return run(fmt::format("ALTER TABLE {} ADD COLUMN {} TEXT", quote_identifier(table, '`'), quote_identifier(column, '`')), 10)
        .ok;
}

bool MariadbConnection::drop_table(const std::string& name) {
    return run("DROP TABLE " + quote_identifier(name, '`'), 10).ok;
}

}  // namespace snipcheck::runners::sql
