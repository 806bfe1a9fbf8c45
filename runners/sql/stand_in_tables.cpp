#include "runners/sql/stand_in_tables.hpp"

#include <algorithm>
#include <regex>

#include "src/ascii_case.hpp"

namespace snipcheck::runners::sql {

bool StandInTables::add(SqlConnection& connection, const StatementResult& result) {
    if (!result.missing_table.empty()) {
        const std::string& table = result.missing_table;
        if (table.find('.') != std::string::npos || !connection.stand_in_table(table)) {
            return false;
        }
        m_tables.push_back(table);
        m_columns[lower(table)];
        m_last = table;
        return true;
    }
    // SQLite's wording when an INSERT names columns or values a stand-in lacks.
    static const std::regex no_column_named(R"(^table (\S+) has no column named (\S+)$)");
    static const std::regex too_few(R"(^table (\S+) has (\d+) columns but (\d+) values were supplied$)");
    std::smatch match;
    if (std::regex_match(result.error, match, no_column_named) && stands_in_for(match[1])) {
        return add_column(connection, match[1], match[2]);
    }
    if (std::regex_match(result.error, match, too_few) && stands_in_for(match[1])) {
        const int have = std::stoi(match[2]);
        const int want = std::stoi(match[3]);
        for (int column = have + 1; column <= want; ++column) {
            if (!add_column(connection, match[1], "column" + std::to_string(column))) {
                return false;
            }
        }
        return want > have;
    }
    if (!result.missing_column.empty() && !m_last.empty()) {
        std::string column = result.missing_column;
        if (const std::size_t dot = column.rfind('.'); dot != std::string::npos) {
            column = column.substr(dot + 1);  // an alias we cannot resolve: try the latest stand-in
        }
        return add_column(connection, m_last, column);
    }
    return false;
}

bool StandInTables::make_way(SqlConnection& connection, const StatementResult& result) {
    static const std::regex exists(
        R"re(^(?:table|Table) ['"`]?([^'"`\s]+)['"`]? already exists$|^relation "([^"]+)" already exists$)re");
    std::smatch match;
    if (!std::regex_match(result.error, match, exists)) {
        return false;
    }
    const std::string table = match[1].matched ? match[1].str() : match[2].str();
    if (m_columns.erase(lower(table)) == 0) {
        return false;
    }
    std::erase_if(m_tables, [&](const std::string& name) { return lower(name) == lower(table); });
    m_last.clear();
    return connection.drop_table(table);
}

std::string StandInTables::describe(const std::string& table) const {
    const auto found = m_columns.find(lower(table));
    std::string text = "table " + table + "(";
    if (found != m_columns.end()) {
        for (std::size_t i = 0; i < found->second.size(); ++i) {
            text += (i > 0 ? ", " : "") + found->second[i];
        }
    }
    return text + ")";
}

bool StandInTables::add_column(SqlConnection& connection, const std::string& table, const std::string& column) {
    if (!connection.stand_in_column(table, column)) {
        return false;
    }
    m_columns[lower(table)].push_back(column);
    return true;
}

bool StandInTables::stands_in_for(const std::string& table) const { return m_columns.count(lower(table)) > 0; }

}  // namespace snipcheck::runners::sql
