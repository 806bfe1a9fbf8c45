#pragma once
// SQL text as a database sees it: split into statements (quotes, comments,
// trigger bodies respected), each with its line in the snippet, the
// placeholders of Python's DB-API rewritten for SQLite, and the marks of a
// dialect SQLite does not speak.

#include <string>
#include <string_view>
#include <vector>

namespace snipcheck::runners::sql {

struct SqlStatement {
    std::string text;  // without the terminating ';'
    int line = 0;      // 1-based line of `code` where the statement starts
    int end_line = 0;
};

// How the text is read: standard (SQLite, PostgreSQL: $$ bodies) or as
// MySQL reads it (backslash escapes in '...', `#` comments, the client's
// DELIMITER command).
enum class SqlSyntax { standard, mysql };

// Splits `code` at top-level semicolons (or the DELIMITER a MySQL script
// sets). A statement of only comments and blanks is dropped. Never fails:
// an unterminated quote runs to the end.
std::vector<SqlStatement> split_sql_statements(std::string_view code, SqlSyntax syntax = SqlSyntax::standard);

// `name` as a quoted identifier: "name" (standard SQL) or `name` (MySQL),
// with the quote character doubled inside.
std::string quote_identifier(std::string_view name, char quote = '"');

// Rewrites DB-API placeholders that SQLite does not know: `%s` -> `?`,
// `%(name)s` -> `:name`, `%%` -> `%`. Text inside quotes is left alone.
std::string sqlite_placeholders(std::string_view statement);

// "mysql" or "postgresql" when the SQL uses syntax only that engine reads
// (AUTO_INCREMENT, ENGINE=, `#` comments, SERIAL, `::` casts, ILIKE ...);
// empty when it reads as portable SQL.
std::string dialect_marks(std::string_view code);

}  // namespace snipcheck::runners::sql
