#include "runners/sql/sqlite_session.hpp"

#include <sqlite3.h>

#include <chrono>

#include <fmt/format.h>

#include "runners/sql/sql_statements.hpp"

namespace snipcheck::runners::sql {
namespace {

constexpr sqlite3_int64 k_heap_limit = 256LL << 20;

double now_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Nothing outside the in-memory database: no other database files.
int authorize(void*, int action, const char*, const char*, const char*, const char*) {
    return action == SQLITE_ATTACH || action == SQLITE_DETACH ? SQLITE_DENY : SQLITE_OK;
}

std::string after_prefix(const std::string& message, const std::string& prefix) {
    return message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : std::string();
}

}  // namespace

int progress_handler(void* session) {
    return now_seconds() > static_cast<SqliteSession*>(session)->m_deadline ? 1 : 0;
}

std::unique_ptr<SqliteSession> SqliteSession::open(std::string& error) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY, nullptr) !=
        SQLITE_OK) {
        error = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        return nullptr;
    }
    sqlite3_hard_heap_limit64(k_heap_limit);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_set_authorizer(db, authorize, nullptr);
    auto session = std::unique_ptr<SqliteSession>(new SqliteSession(db));
    sqlite3_progress_handler(db, 1000, progress_handler, session.get());
    return session;
}

SqliteSession::~SqliteSession() { sqlite3_close(m_db); }

StatementResult SqliteSession::run(const std::string& statement, Mode mode, double seconds, std::size_t max_rows) {
    // SQLite prepares one statement at a time; text after it (when the
    // splitter saw no boundary) runs too, so nothing is dropped unseen.
    m_deadline = now_seconds() + seconds;
    std::size_t offset = 0;
    StatementResult result;
    while (offset < statement.size()) {
        std::size_t used = 0;
        StatementResult next = run_one(std::string_view(statement).substr(offset), mode, max_rows, used);
        const bool more = next.ok && used > 0 && offset + used < statement.size();
        if (!next.ok || next.table || !result.table) {
            result = std::move(next);
        }
        if (!more || !result.ok) {
            break;
        }
        offset += used;
    }
    if (statement.empty()) {
        result.ok = true;
    }
    return result;
}

StatementResult SqliteSession::run_one(std::string_view statement, Mode mode, std::size_t max_rows, std::size_t& used) {
    StatementResult result;
    sqlite3_stmt* prepared = nullptr;
    const char* tail = nullptr;
    const int prepared_code = sqlite3_prepare_v2(m_db, statement.data(), static_cast<int>(statement.size()), &prepared, &tail);
    used = tail != nullptr ? static_cast<std::size_t>(tail - statement.data()) : statement.size();
    if (prepared_code != SQLITE_OK) {
        result.error = sqlite3_errmsg(m_db);
        result.timed_out = sqlite3_errcode(m_db) == SQLITE_INTERRUPT;
        result.missing_table = after_prefix(result.error, "no such table: ");
        result.missing_column = after_prefix(result.error, "no such column: ");
        sqlite3_finalize(prepared);
        return result;
    }
    if (prepared == nullptr) {
        result.ok = true;  // only comments
        return result;
    }
    const int columns = sqlite3_column_count(prepared);
    if (columns > 0) {
        result.table.emplace();
        for (int i = 0; i < columns; ++i) {
            const char* name = sqlite3_column_name(prepared, i);
            result.table->columns.emplace_back(name != nullptr ? name : "");
        }
    }
    if (mode == Mode::prepare_only) {
        sqlite3_finalize(prepared);
        result.ok = true;
        return result;
    }
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(prepared)) == SQLITE_ROW) {
        if (!result.table || result.table->rows.size() >= max_rows) {
            continue;
        }
        std::vector<std::optional<std::string>> row;
        for (int i = 0; i < columns; ++i) {
            if (sqlite3_column_type(prepared, i) == SQLITE_NULL) {
                row.emplace_back(std::nullopt);
            } else if (sqlite3_column_type(prepared, i) == SQLITE_FLOAT) {
                // Shortest text that reads back as the same double, as Python prints it.
                row.emplace_back(fmt::format("{}", sqlite3_column_double(prepared, i)));
            } else {
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(prepared, i));
                row.emplace_back(std::string(text != nullptr ? text : "", static_cast<std::size_t>(sqlite3_column_bytes(prepared, i))));
            }
        }
        result.table->rows.push_back(std::move(row));
    }
    if (step != SQLITE_DONE) {
        result.error = sqlite3_errmsg(m_db);
        result.timed_out = step == SQLITE_INTERRUPT || sqlite3_errcode(m_db) == SQLITE_INTERRUPT;
    } else {
        result.ok = true;
    }
    sqlite3_finalize(prepared);
    return result;
}

StatementResult SqliteSession::run(const std::string& statement, double seconds) {
    return run(statement, Mode::execute, seconds);
}

bool SqliteSession::stand_in_table(const std::string& name) {
    const std::string create = fmt::format("CREATE TABLE {} (snipcheck_stand_in)", quote_identifier(name));
    return sqlite3_exec(m_db, create.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
}

bool SqliteSession::stand_in_column(const std::string& table, const std::string& column) {
    const std::string alter =
        fmt::format("ALTER TABLE {} ADD COLUMN {}", quote_identifier(table), quote_identifier(column));
    return sqlite3_exec(m_db, alter.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
}

bool SqliteSession::drop_table(const std::string& name) {
    const std::string drop = "DROP TABLE " + quote_identifier(name);
    return sqlite3_exec(m_db, drop.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
}

bool SqliteSession::has_table(const std::string& name) {
    sqlite3_stmt* query = nullptr;
    const char* sql = "SELECT 1 FROM sqlite_schema WHERE type IN ('table','view') AND name = ? COLLATE NOCASE";
    if (sqlite3_prepare_v2(m_db, sql, -1, &query, nullptr) != SQLITE_OK) {
        return false;
    }
    sqlite3_bind_text(query, 1, name.c_str(), static_cast<int>(name.size()), SQLITE_TRANSIENT);
    const bool found = sqlite3_step(query) == SQLITE_ROW;
    sqlite3_finalize(query);
    return found;
}

}  // namespace snipcheck::runners::sql
