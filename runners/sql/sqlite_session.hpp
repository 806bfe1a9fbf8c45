#pragma once
// One document's SQLite database: in memory, nothing on disk reachable
// (ATTACH and VACUUM INTO refused), a heap limit, and a deadline that
// interrupts a runaway statement. Statements run in it one at a time.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runners/sql/sql_connection.hpp"

struct sqlite3;

namespace snipcheck::runners::sql {

class SqliteSession : public SqlConnection {
public:
    // Opens a fresh in-memory database; nullptr and `error` when SQLite cannot.
    static std::unique_ptr<SqliteSession> open(std::string& error);
    ~SqliteSession() override;
    SqliteSession(const SqliteSession&) = delete;
    SqliteSession& operator=(const SqliteSession&) = delete;

    // Runs one statement (placeholders bound to NULL) with `seconds` to
    // finish; rows beyond `max_rows` are dropped. Prepare-only checks that
    // the statement is valid against the schema without running it.
    enum class Mode { execute, prepare_only };
    StatementResult run(const std::string& statement, Mode mode, double seconds, std::size_t max_rows = k_max_result_rows);

    // Executes one statement: run(statement, Mode::execute, seconds).
    StatementResult run(const std::string& statement, double seconds) override;

    // Creates table `name` with one column, or adds `column` to a table made
    // this way; false when SQLite refuses (a name that is not a plain name).
    bool stand_in_table(const std::string& name) override;
    bool stand_in_column(const std::string& table, const std::string& column) override;

    // Drops a table; false when SQLite refuses.
    bool drop_table(const std::string& name) override;

    // Does a table (or view) of this name exist now?
    bool has_table(const std::string& name);

private:
    // Prepares and runs the first statement of `statement`; `used` is how
    // many bytes it took.
    StatementResult run_one(std::string_view statement, Mode mode, std::size_t max_rows, std::size_t& used);

    explicit SqliteSession(sqlite3* db) : m_db(db) {}
    sqlite3* m_db = nullptr;
    double m_deadline = 0;  // steady-clock seconds; read by the progress handler
    friend int progress_handler(void* session);
};

}  // namespace snipcheck::runners::sql
