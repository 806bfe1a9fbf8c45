#pragma once
// Reads the names a database server's error message says are missing, so
// the SQL runner can make stand-ins for tables a document never creates.
// Pure text work: no server needed.

#include <string>

#include "runners/sql/sql_connection.hpp"

namespace snipcheck::runners::sql {

// From MariaDB's "Table 'db.x' doesn't exist" (the prefix dropped when it is
// `database`) and "Unknown column 'x' in '...'"; leaves `result` as it is for
// any other message.
void note_mariadb_missing(const std::string& database, StatementResult& result);

// From PostgreSQL's `relation "x" does not exist`, `column "x" does not
// exist`, `column t.x does not exist` and `column "x" of relation "t" does
// not exist`; leaves `result` as it is for any other message.
void note_postgres_missing(StatementResult& result);

}  // namespace snipcheck::runners::sql
