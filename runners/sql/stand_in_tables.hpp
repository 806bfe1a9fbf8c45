#pragma once
// Tables a document queries but never creates, stood in for in its
// database: made from the engine's "no such table" / "no such column"
// errors, with the columns the statements name, so the SQL is still checked.

#include <map>
#include <string>
#include <vector>

#include "runners/sql/sql_connection.hpp"

namespace snipcheck::runners::sql {

class StandInTables {
public:
    // Adds what `result` says is missing; false when it cannot (an unknown
    // column of a table the document created, a qualified name).
    bool add(SqlConnection& connection, const StatementResult& result);

    // A statement that creates a table the document used before creating
    // it: the stand-in makes way for the real one. False when that is not
    // what `result` says.
    bool make_way(SqlConnection& connection, const StatementResult& result);

    const std::vector<std::string>& tables() const { return m_tables; }

    // "table books(title, price)"
    std::string describe(const std::string& table) const;

private:
    bool add_column(SqlConnection& connection, const std::string& table, const std::string& column);
    bool stands_in_for(const std::string& table) const;

    std::vector<std::string> m_tables;
    std::map<std::string, std::vector<std::string>> m_columns;  // by lower-case table name
    std::string m_last;  // the latest stand-in: where an unqualified missing column goes
};

}  // namespace snipcheck::runners::sql
