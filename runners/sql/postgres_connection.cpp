#include "runners/sql/postgres_connection.hpp"

#include <libpq-fe.h>

#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "runners/sql/client_deadline.hpp"
#include "runners/sql/server_messages.hpp"
#include "runners/sql/sql_statements.hpp"

namespace snipcheck::runners::sql {
namespace {

constexpr double k_client_grace_seconds = 2;
constexpr std::string_view k_query_canceled = "57014";

std::string trimmed(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) {
        text.pop_back();
    }
    return text;
}

enum class Wait { ready, late, broken };

// Waits until libpq holds a whole result, the deadline passes or the connection breaks.
Wait wait_result(PGconn* connection, Deadline deadline) {
    while (PQisBusy(connection) != 0) {
        if (!wait_readable(PQsocket(connection), deadline)) {
            return Wait::late;
        }
        if (PQconsumeInput(connection) == 0) {
            return Wait::broken;
        }
    }
    return Wait::ready;
}

void note_error(const PGresult* answer, StatementResult& result) {
    const char* primary = PQresultErrorField(answer, PG_DIAG_MESSAGE_PRIMARY);
    const char* state = PQresultErrorField(answer, PG_DIAG_SQLSTATE);
    result.ok = false;
    result.error = primary != nullptr ? primary : trimmed(PQresultErrorMessage(answer));
    result.timed_out = state != nullptr && state == k_query_canceled;
    note_postgres_missing(result);
}

}  // namespace

std::unique_ptr<PostgresConnection> PostgresConnection::connect(const std::string& socket_folder,
                                                                const std::string& user, const std::string& database,
                                                                std::string& error, unsigned connect_seconds) {
    const std::string timeout = std::to_string(connect_seconds);
    const char* keys[] = {"host", "user", "dbname", "client_encoding", "connect_timeout", "application_name", nullptr};
    const char* values[] = {socket_folder.c_str(), user.c_str(), database.c_str(), "UTF8", timeout.c_str(),
                            "snipcheck", nullptr};
    PGconn* connection = PQconnectdbParams(keys, values, 0);
    if (connection == nullptr || PQstatus(connection) != CONNECTION_OK) {
        error = connection != nullptr ? trimmed(PQerrorMessage(connection)) : "libpq: out of memory";
        PQfinish(connection);
        return nullptr;
    }
    return std::unique_ptr<PostgresConnection>(new PostgresConnection(connection));
}

PostgresConnection::~PostgresConnection() { close(); }

void PostgresConnection::close() {
    if (m_connection != nullptr) {
        PQfinish(m_connection);
        m_connection = nullptr;
    }
}

StatementResult PostgresConnection::run(const std::string& statement, double seconds) {
    StatementResult result;
    if (m_connection == nullptr) {
        result.error = "the connection to PostgreSQL was closed after a statement that did not answer in time";
        return result;
    }
    const long long milliseconds = std::max(1LL, std::llround(seconds * 1000));
    StatementResult limit;
    execute(fmt::format("SET statement_timeout = {}", milliseconds), seconds, limit);
    // In a failed transaction even SET fails; the statement will say why itself.
    execute(statement, seconds, result);
    return result;
}

void PostgresConnection::execute(const std::string& statement, double seconds, StatementResult& result) {
    if (PQsendQuery(m_connection, statement.c_str()) == 0) {
        result.error = trimmed(PQerrorMessage(m_connection));
        return;
    }
    PQsetSingleRowMode(m_connection);
    Deadline deadline = deadline_in(seconds + k_client_grace_seconds);
    bool cancelled = false;
    bool failed = false;
    bool new_table = true;
    while (true) {
        if (m_connection == nullptr) {
            return;
        }
        const Wait wait = wait_result(m_connection, deadline);
        if (wait == Wait::broken) {
            result.ok = false;
            result.error = trimmed(PQerrorMessage(m_connection));
            close();
            return;
        }
        if (wait == Wait::late) {
            if (cancelled) {
                close();
                result.ok = false;
                result.error = fmt::format("PostgreSQL did not answer within {:g} s, nor to a cancel request",
                                           seconds + 2 * k_client_grace_seconds);
                return;
            }
            // The server ignored its own limit: ask it to cancel, and give it a little longer.
            char message[256];
            PGcancel* cancel = PQgetCancel(m_connection);
            if (cancel != nullptr) {
                PQcancel(cancel, message, sizeof message);
                PQfreeCancel(cancel);
            }
            cancelled = true;
            result.timed_out = true;
            deadline = deadline_in(k_client_grace_seconds);
            continue;
        }
        PGresult* answer = PQgetResult(m_connection);
        if (answer == nullptr) {
            break;
        }
        switch (PQresultStatus(answer)) {
            case PGRES_SINGLE_TUPLE:
            case PGRES_TUPLES_OK: {
                if (new_table) {
                    result.table.emplace();
                    for (int i = 0; i < PQnfields(answer); ++i) {
                        result.table->columns.emplace_back(PQfname(answer, i));
                    }
                    new_table = false;
                }
                for (int row = 0; row < PQntuples(answer) && result.table->rows.size() < k_max_result_rows; ++row) {
                    std::vector<std::optional<std::string>> values;
                    for (int i = 0; i < PQnfields(answer); ++i) {
                        if (PQgetisnull(answer, row, i) != 0) {
                            values.emplace_back(std::nullopt);
                        } else {
                            values.emplace_back(std::string(PQgetvalue(answer, row, i),
                                                            static_cast<std::size_t>(PQgetlength(answer, row, i))));
                        }
                    }
                    result.table->rows.push_back(std::move(values));
                }
                // The end of one result set; a later statement in the string starts another.
                new_table = PQresultStatus(answer) == PGRES_TUPLES_OK;
                break;
            }
            case PGRES_COPY_IN:
                PQputCopyEnd(m_connection, "snipcheck gives COPY FROM STDIN no input");
                break;
            case PGRES_COPY_OUT: {
                char* buffer = nullptr;
                while (PQgetCopyData(m_connection, &buffer, 0) > 0) {
                    PQfreemem(buffer);
                }
                break;
            }
            case PGRES_FATAL_ERROR:
            case PGRES_BAD_RESPONSE:
            case PGRES_NONFATAL_ERROR:
                if (!failed) {
                    note_error(answer, result);
                    failed = true;
                }
                break;
            default:
                break;
        }
        PQclear(answer);
    }
    result.ok = !failed && !result.timed_out;
}

bool PostgresConnection::stand_in_table(const std::string& name) {
    return run(fmt::format("CREATE TABLE {} (snipcheck_stand_in INT)", quote_identifier(name)), 10).ok;
}

bool PostgresConnection::stand_in_column(const std::string& table, const std::string& column) {
    return run(fmt::format("ALTER TABLE {} ADD COLUMN {} TEXT", quote_identifier(table), quote_identifier(column)), 10)
        .ok;
}

bool PostgresConnection::drop_table(const std::string& name) {
    return run("DROP TABLE " + quote_identifier(name), 10).ok;
}

}  // namespace snipcheck::runners::sql
