#include "runners/sql/sql_runner.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <regex>
#include <set>

#include <fmt/format.h>

#include "runners/sql/sql_statements.hpp"
#include "runners/sql/sqlite_session.hpp"
#include "src/sql_order_by.hpp"

namespace snipcheck::runners::sql {
namespace {

constexpr int k_max_stand_ins = 24;  // per statement: tables plus columns

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

int document_line(const extractor::Snippet& snippet, int code_line) {
    const auto index = static_cast<std::size_t>(std::max(1, code_line) - 1);
    return index < snippet.line_map.size() ? snippet.line_map[index] : snippet.start_line;
}

std::string dialect_name(const std::string& dialect) {
    return dialect == "mysql" ? "MySQL" : dialect == "postgresql" ? "PostgreSQL" : dialect == "tsql" ? "T-SQL" : dialect;
}

// Stand-in tables and columns made for one document's statements.
class StandIns {
public:
    // Adds what `result` says is missing; false when it cannot (an unknown
    // column of a table the document created, a qualified name).
    bool add(SqliteSession& session, const StatementResult& result) {
        if (!result.missing_table.empty()) {
            const std::string& table = result.missing_table;
            if (table.find('.') != std::string::npos || !session.stand_in_table(table)) {
                return false;
            }
            m_tables.push_back(table);
            m_columns[lower(table)];
            m_last = table;
            return true;
        }
        static const std::regex no_column_named(R"(^table (\S+) has no column named (\S+)$)");
        static const std::regex too_few(R"(^table (\S+) has (\d+) columns but (\d+) values were supplied$)");
        std::smatch match;
        if (std::regex_match(result.error, match, no_column_named) && stands_in_for(match[1])) {
            return add_column(session, match[1], match[2]);
        }
        if (std::regex_match(result.error, match, too_few) && stands_in_for(match[1])) {
            const int have = std::stoi(match[2]);
            const int want = std::stoi(match[3]);
            for (int column = have + 1; column <= want; ++column) {
                if (!add_column(session, match[1], "column" + std::to_string(column))) {
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
            return add_column(session, m_last, column);
        }
        return false;
    }

    bool add_column(SqliteSession& session, const std::string& table, const std::string& column) {
        if (!session.stand_in_column(table, column)) {
            return false;
        }
        m_columns[lower(table)].push_back(column);
        return true;
    }

    bool stands_in_for(const std::string& table) const { return m_columns.count(lower(table)) > 0; }

    // A statement that creates a table the document uses before it creates
    // it: the stand-in makes way for the real one.
    bool make_way(SqliteSession& session, const StatementResult& result) {
        const std::string prefix = "table ";
        const std::string suffix = " already exists";
        const std::string& error = result.error;
        if (error.rfind(prefix, 0) != 0 || !error.ends_with(suffix)) {
            return false;
        }
        const std::string table = error.substr(prefix.size(), error.size() - prefix.size() - suffix.size());
        if (m_columns.erase(lower(table)) == 0) {
            return false;
        }
        std::erase_if(m_tables, [&](const std::string& name) { return lower(name) == lower(table); });
        m_last.clear();
        return session.drop_table(table);
    }
    const std::vector<std::string>& tables() const { return m_tables; }

    std::string describe(const std::string& table) const {
        const auto found = m_columns.find(lower(table));
        const std::vector<std::string> none;
        const std::vector<std::string>& columns = found == m_columns.end() ? none : found->second;
        std::string text = "table " + table + "(";
        for (std::size_t i = 0; i < columns.size(); ++i) {
            text += (i > 0 ? ", " : "") + columns[i];
        }
        return text + ")";
    }

private:
    std::vector<std::string> m_tables;
    std::map<std::string, std::vector<std::string>> m_columns;
    std::string m_last;
};

class DocumentSession {
public:
    explicit DocumentSession(const SqlRunOptions& options) : m_options(options) {}

    RunOutput run(const extractor::Snippet& snippet) {
        const auto began = std::chrono::steady_clock::now();
        RunOutput output = run_snippet(snippet);
        output.duration_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began).count();
        return output;
    }

private:
    RunOutput run_snippet(const extractor::Snippet& snippet) {
        RunOutput output;
        std::string dialect = snippet.dialect == "sqlite" ? std::string() : snippet.dialect;
        if (dialect.empty()) {
            dialect = dialect_marks(snippet.code);
        }
        if (!dialect.empty()) {
            output.end = RunEnd::not_run;
            output.missing_environment = fmt::format("a {} server: this is {} SQL, which SQLite does not run",
                                                     dialect_name(dialect), dialect_name(dialect));
            output.reason = output.missing_environment;
            return output;
        }
        // SQL embedded in one Python block shares a database of its own, in
        // the order the block runs it: its CREATE TABLE serves its INSERT.
        const bool embedded = snippet.form == extractor::SnippetForm::embedded;
        Context& context = embedded ? m_embedded[snippet.parent] : m_document;
        if (!context.session) {
            std::string error;
            context.session = SqliteSession::open(error);
            if (!context.session) {
                output.end = RunEnd::not_run;
                output.reason = "SQLite could not open a database: " + error;
                return output;
            }
        }
        SqliteSession* session = context.session.get();
        output.static_check = embedded;
        StandIns& stand_ins = context.stand_ins;
        const double seconds = snippet.directives.timeout_seconds.value_or(m_options.default_timeout_seconds);
        const auto mode = SqliteSession::Mode::execute;
        std::set<std::string> used_stand_ins;
        for (const SqlStatement& statement : split_sql_statements(snippet.code)) {
            const std::string text = sqlite_placeholders(statement.text);
            StatementResult result = session->run(text, mode, seconds);
            for (int tries = 0; !result.ok && !result.timed_out && tries < k_max_stand_ins; ++tries) {
                if (!stand_ins.add(*session, result) && !stand_ins.make_way(*session, result)) {
                    break;
                }
                result = session->run(text, mode, seconds);
            }
            for (const std::string& table : stand_ins.tables()) {
                if (text.find(table) != std::string::npos || lower(text).find(lower(table)) != std::string::npos) {
                    used_stand_ins.insert(table);
                }
            }
            StatementOutput out;
            out.line = document_line(snippet, statement.line);
            out.end_line = document_line(snippet, statement.end_line);
            if (result.timed_out) {
                output.end = RunEnd::timeout;
                output.reason = fmt::format("the statement at line {} ran past the limit of {:g} s", out.line, seconds);
                output.statements.push_back(std::move(out));
                break;
            }
            if (!result.ok) {
                out.raised = true;
                out.exception_type = "SQL error";
                out.exception_message = result.error;
                output.end = RunEnd::raised;
                output.exception_type = out.exception_type;
                output.exception_message = result.error;
                output.exception_line = out.line;
                output.statements.push_back(std::move(out));
                break;
            }
            if (result.table && mode == SqliteSession::Mode::execute) {
                out.ordered = query_orders_rows(statement.text);
                out.table = std::move(result.table);
            }
            output.statements.push_back(std::move(out));
        }
        for (const std::string& table : used_stand_ins) {
            output.stubs.push_back(stand_ins.describe(table));
        }
        if (output.end == RunEnd::completed && output.static_check) {
            output.reason = embedded ? "valid SQL: SQLite ran it (the Python around it is checked apart)"
                                     : "valid SQL";
        }
        if (!used_stand_ins.empty()) {
            std::string names;
            for (const std::string& table : used_stand_ins) {
                names += (names.empty() ? "" : ", ") + table;
            }
            output.missing_environment =
                fmt::format("table{} {} that the document never creates", used_stand_ins.size() > 1 ? "s" : "", names);
            // Rows from an empty stand-in prove nothing: keep only the check
            // that the SQL is valid.
            output.static_check = true;
            for (StatementOutput& statement : output.statements) {
                statement.table.reset();
            }
            if (output.end == RunEnd::completed) {
                output.reason = "valid SQL, checked against stand-ins for " + names;
            }
        }
        return output;
    }

    struct Context {
        std::unique_ptr<SqliteSession> session;
        StandIns stand_ins;
    };

    const SqlRunOptions& m_options;
    Context m_document;
    std::map<std::string, Context> m_embedded;  // by the id of the Python snippet holding the SQL
};

}  // namespace

std::vector<std::vector<RunOutput>> run_sql(const std::vector<SqlDocumentJob>& jobs, const SqlRunOptions& options) {
    std::vector<std::vector<RunOutput>> outputs;
    outputs.reserve(jobs.size());
    for (const SqlDocumentJob& job : jobs) {
        DocumentSession session(options);
        std::vector<RunOutput>& document = outputs.emplace_back();
        for (const extractor::Snippet* snippet : job.snippets) {
            document.push_back(session.run(*snippet));
        }
    }
    return outputs;
}

}  // namespace snipcheck::runners::sql
