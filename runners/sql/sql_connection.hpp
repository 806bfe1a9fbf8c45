#pragma once
// One document's database, whatever engine holds it: SQLite in memory, or a
// database of its own on a throwaway MariaDB or PostgreSQL server. The SQL
// runner holds one of these per session and runs statements one at a time.

#include <cstddef>
#include <optional>
#include <string>

#include "src/result_table.hpp"

namespace snipcheck::runners::sql {

// Rows kept from one statement's result; the rest are read and dropped.
inline constexpr std::size_t k_max_result_rows = 10000;

struct StatementResult {
    bool ok = false;
    std::string error;                 // the engine's message when !ok
    bool timed_out = false;            // interrupted at the deadline
    std::optional<ResultTable> table;  // for statements that return columns; values as the engine's text, NULL as nullopt
    std::string missing_table;         // the table an error says does not exist, as the statement names it
    std::string missing_column;        // the column an error says does not exist
};

class SqlConnection {
public:
    virtual ~SqlConnection() = default;

    // Runs one statement with `seconds` to finish; an error, a timeout or a
    // lost connection is reported in the result, never thrown.
    virtual StatementResult run(const std::string& statement, double seconds) = 0;

    // Creates table `name` with one column, or adds `column` (untyped or
    // text) to such a table; false when the engine refuses.
    virtual bool stand_in_table(const std::string& name) = 0;
    virtual bool stand_in_column(const std::string& table, const std::string& column) = 0;

    // Drops a table; false when the engine refuses.
    virtual bool drop_table(const std::string& name) = 0;
};

}  // namespace snipcheck::runners::sql
