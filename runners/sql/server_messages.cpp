#include "runners/sql/server_messages.hpp"

#include <regex>

namespace snipcheck::runners::sql {

void note_mariadb_missing(const std::string& database, StatementResult& result) {
    static const std::regex no_table(R"re(^Table '(.+)' doesn't exist$)re");
    static const std::regex no_column(R"re(^Unknown column '(.+)' in '[^']*'$)re");
    std::smatch match;
    if (std::regex_match(result.error, match, no_table)) {
        std::string table = match[1];
        // MariaDB names the table with its database; the statement did not.
        if (!database.empty() && table.rfind(database + ".", 0) == 0) {
            table.erase(0, database.size() + 1);
        }
        result.missing_table = table;
    } else if (std::regex_match(result.error, match, no_column)) {
        result.missing_column = match[1];
    }
}

void note_postgres_missing(StatementResult& result) {
    static const std::regex no_relation(R"re(^relation "(.+)" does not exist$)re");
    static const std::regex no_column(R"re(^column "([^"]+)" (of relation "[^"]+" )?does not exist$)re");
    static const std::regex no_qualified_column(R"re(^column (\S+\.\S+) does not exist$)re");
    std::smatch match;
    if (std::regex_match(result.error, match, no_relation)) {
        result.missing_table = match[1];
    } else if (std::regex_match(result.error, match, no_column) ||
               std::regex_match(result.error, match, no_qualified_column)) {
        result.missing_column = match[1];
    }
}

}  // namespace snipcheck::runners::sql
