#include "runners/sql/sql_runner.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "runners/sql/database_server.hpp"
#include "runners/sql/sql_statements.hpp"
#include "runners/sql/sqlite_session.hpp"
#include "runners/sql/stand_in_tables.hpp"
#include "src/ascii_case.hpp"
#include "src/sql_order_by.hpp"

namespace snipcheck::runners::sql {
namespace {

constexpr int k_max_stand_ins = 24;  // per statement: tables plus columns

enum class Engine { sqlite, mariadb, postgres };

std::string dialect_name(const std::string& dialect) {
    return dialect == "mysql" ? "MySQL" : dialect == "postgresql" ? "PostgreSQL" : dialect == "tsql" ? "T-SQL" : dialect;
}

// "mysql", "postgresql", "tsql" or "" (portable, or SQLite's own).
std::string dialect_of(const extractor::Snippet& snippet) {
    if (snippet.dialect == "sqlite") {
        return {};
    }
    return snippet.dialect.empty() ? dialect_marks(snippet.code) : snippet.dialect;
}

// The throwaway servers of one run, started on first use.
class ServerPool {
public:
    DatabaseServer* server(ServerKind kind, std::string& error) {
        Slot& slot = m_slots[kind];
        if (!slot.server && slot.error.empty()) {
            slot.server = DatabaseServer::start(kind, slot.error);
        }
        error = slot.error;
        return slot.server.get();
    }

private:
    struct Slot {
        std::unique_ptr<DatabaseServer> server;
        std::string error;  // why it could not start; it is not tried again
    };
    std::map<ServerKind, Slot> m_slots;
};

// Does `text` name `table` as a whole word (not inside another name)?
bool names_table(const std::string& text, const std::string& table) {
    const std::string haystack = lower(text);
    const std::string needle = lower(table);
    const auto is_name_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; };
    for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) {
        const bool starts = at == 0 || !is_name_char(haystack[at - 1]);
        const std::size_t end = at + needle.size();
        const bool ends = end >= haystack.size() || !is_name_char(haystack[end]);
        if (starts && ends) {
            return true;
        }
    }
    return false;
}

// Does the document expect the statement at `line` to fail (`ERROR ...` in a transcript)?
bool error_expected(const extractor::Snippet& snippet, int line) {
    return std::any_of(snippet.expectations.begin(), snippet.expectations.end(), [&](const extractor::Expectation& e) {
        return e.kind == extractor::ExpectationKind::raises && e.statement_line == line;
    });
}

class DocumentSession {
public:
    DocumentSession(const SqlRunOptions& options, ServerPool& servers, const std::vector<const extractor::Snippet*>& snippets)
        : m_options(options), m_servers(servers), m_dialects(dialects_of(snippets)), m_document_engine(document_engine(snippets)) {}

    RunOutput run(const extractor::Snippet& snippet) {
        const auto began = std::chrono::steady_clock::now();
        RunOutput output = run_snippet(snippet);
        output.duration_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began).count();
        return output;
    }

private:
    struct Context {
        std::unique_ptr<SqlConnection> connection;
        StandInTables stand_ins;
    };

    // Each snippet's dialect, read once: the engine choice asks twice.
    static std::map<const extractor::Snippet*, std::string> dialects_of(const std::vector<const extractor::Snippet*>& snippets) {
        std::map<const extractor::Snippet*, std::string> dialects;
        for (const extractor::Snippet* snippet : snippets) {
            dialects[snippet] = snippet->form == extractor::SnippetForm::embedded ? "" : dialect_of(*snippet);
        }
        return dialects;
    }

    const std::string& dialect(const extractor::Snippet& snippet) const { return m_dialects.at(&snippet); }

    // Under `auto`, the server a document's first dialect snippet needs runs
    // its portable snippets too, so they share its tables.
    Engine document_engine(const std::vector<const extractor::Snippet*>& snippets) const {
        switch (m_options.engine) {
        case SqlEngine::sqlite: return Engine::sqlite;
        case SqlEngine::mariadb: return Engine::mariadb;
        case SqlEngine::postgres: return Engine::postgres;
        case SqlEngine::auto_select: break;
        }
        for (const extractor::Snippet* snippet : snippets) {
            if (dialect(*snippet) == "mysql") {
                return Engine::mariadb;
            }
            if (dialect(*snippet) == "postgresql") {
                return Engine::postgres;
            }
        }
        return Engine::sqlite;
    }

    // The engine for one snippet, or empty with `skip_reason` set.
    std::optional<Engine> engine_for(const extractor::Snippet& snippet, std::string& skip_reason) const {
        if (snippet.form == extractor::SnippetForm::embedded) {
            return Engine::sqlite;
        }
        const std::string& dialect = this->dialect(snippet);
        const bool any = m_options.engine == SqlEngine::auto_select;
        if (dialect.empty()) {
            return m_document_engine;
        }
        if (dialect == "mysql" && (any || m_options.engine == SqlEngine::mariadb)) {
            return Engine::mariadb;
        }
        if (dialect == "postgresql" && (any || m_options.engine == SqlEngine::postgres)) {
            return Engine::postgres;
        }
        const std::string server = dialect == "mysql" ? "mariadb" : dialect == "postgresql" ? "postgres" : "";
        skip_reason = fmt::format("a {} server: this is {} SQL, which {} does not run", dialect_name(dialect),
                                  dialect_name(dialect), m_document_engine == Engine::sqlite ? "SQLite" : "this run's server");
        if (!server.empty()) {
            skip_reason += fmt::format(" (--sql-engine {} or auto starts one)", server);
        }
        return std::nullopt;
    }

    // The context (connection and stand-ins) a snippet runs in; nullptr and
    // `error` when its database cannot be had.
    Context* context_for(const extractor::Snippet& snippet, Engine engine, std::string& error) {
        const bool embedded = snippet.form == extractor::SnippetForm::embedded;
        const std::string key = embedded ? "embedded:" + snippet.parent : std::to_string(static_cast<int>(engine));
        Context& context = m_contexts[key];
        if (context.connection) {
            return &context;
        }
        if (engine == Engine::sqlite) {
            std::unique_ptr<SqliteSession> session = SqliteSession::open(error);
            context.connection = std::move(session);
        } else {
            const ServerKind kind = engine == Engine::mariadb ? ServerKind::mariadb : ServerKind::postgres;
            DatabaseServer* server = m_servers.server(kind, error);
            if (server != nullptr) {
                context.connection = server->open_database(error);
            }
            if (!context.connection) {
                error = fmt::format("a {} server: it could not start here: {}", server_name(kind), error);
            }
        }
        return context.connection ? &context : nullptr;
    }

    RunOutput run_snippet(const extractor::Snippet& snippet) {
        RunOutput output;
        std::string reason;
        const std::optional<Engine> engine = engine_for(snippet, reason);
        Context* context = engine ? context_for(snippet, *engine, reason) : nullptr;
        if (context == nullptr) {
            output.end = RunEnd::not_run;
            output.missing_environment = reason;
            output.reason = reason;
            return output;
        }
        const bool embedded = snippet.form == extractor::SnippetForm::embedded;
        output.static_check = embedded;
        SqlConnection& connection = *context->connection;
        StandInTables& stand_ins = context->stand_ins;
        const double seconds = snippet.directives.timeout_seconds.value_or(m_options.default_timeout_seconds);
        std::set<std::string> used_stand_ins;
        std::set<int> stood_in_lines;  // document lines of statements that read a stand-in
        const SqlSyntax syntax = *engine == Engine::mariadb ? SqlSyntax::mysql : SqlSyntax::standard;
        for (const SqlStatement& statement : split_sql_statements(snippet.code, syntax)) {
            const std::string text = *engine == Engine::sqlite ? sqlite_placeholders(statement.text) : statement.text;
            StatementResult result = connection.run(text, seconds);
            for (int tries = 0; !result.ok && !result.timed_out && tries < k_max_stand_ins; ++tries) {
                if (!stand_ins.add(connection, result) && !stand_ins.make_way(connection, result)) {
                    break;
                }
                result = connection.run(text, seconds);
            }
            bool stood_in = false;
            for (const std::string& table : stand_ins.tables()) {
                if (!names_table(text, table)) {
                    continue;
                }
                stood_in = true;
                // Once per name whatever its case: MariaDB on Linux tells Balance from balance.
                const bool named = std::any_of(used_stand_ins.begin(), used_stand_ins.end(),
                                               [&](const std::string& used) { return lower(used) == lower(table); });
                if (!named) {
                    used_stand_ins.insert(table);
                }
            }
            StatementOutput out;
            out.line = extractor::document_line(snippet, statement.line);
            if (stood_in) {
                stood_in_lines.insert(out.line);
            }
            out.end_line = extractor::document_line(snippet, statement.end_line);
            if (result.timed_out) {
                output.end = RunEnd::timeout;
                output.reason = fmt::format("the statement at line {} ran past the limit of {:g} s", out.line, seconds);
                output.statements.push_back(std::move(out));
                break;
            }
            if (!result.ok) {
                out.raised = true;
                out.exception_type = "SQLError";
                out.exception_message = result.error;
                // A transcript that shows this error goes on after it.
                if (error_expected(snippet, out.line)) {
                    output.statements.push_back(std::move(out));
                    continue;
                }
                output.end = RunEnd::raised;
                output.exception_type = out.exception_type;
                output.exception_message = result.error;
                output.exception_line = out.line;
                output.statements.push_back(std::move(out));
                break;
            }
            // Rows from an empty stand-in prove nothing: only the check
            // that the SQL is valid is kept for such a statement.
            if (result.table && !stood_in) {
                out.ordered = query_orders_rows(statement.text);
                out.table = std::move(result.table);
            }
            output.statements.push_back(std::move(out));
        }
        const char* where = *engine == Engine::mariadb ? "MariaDB" : *engine == Engine::postgres ? "PostgreSQL" : "SQLite";
        if (output.end == RunEnd::completed && output.static_check) {
            output.reason = fmt::format("valid SQL: {} ran it (the Python around it is checked apart)", where);
        }
        if (!used_stand_ins.empty()) {
            std::string names;
            for (const std::string& table : used_stand_ins) {
                output.stubs.push_back(stand_ins.describe(table));
                names += (names.empty() ? "" : ", ") + table;
            }
            // Only a written result that a stand-in's empty rows would be
            // compared with makes the snippet need the real table.
            const bool needs_rows = std::any_of(snippet.expectations.begin(), snippet.expectations.end(),
                                                [&](const extractor::Expectation& e) {
                                                    return e.kind != extractor::ExpectationKind::raises &&
                                                           (e.statement_line == 0 || stood_in_lines.count(e.statement_line) > 0);
                                                });
            if (needs_rows) {
                output.missing_environment = fmt::format("table{} {} that the document never creates",
                                                         used_stand_ins.size() > 1 ? "s" : "", names);
            }
            output.static_check = true;
            if (output.end == RunEnd::completed) {
                output.reason = fmt::format("valid SQL ({}), checked against stand-ins for {}", where, names);
            }
        }
        return output;
    }

    const SqlRunOptions& m_options;
    ServerPool& m_servers;
    std::map<const extractor::Snippet*, std::string> m_dialects;
    Engine m_document_engine;
    std::map<std::string, Context> m_contexts;  // by engine, and "embedded:<id>" per Python block
};

}  // namespace

std::vector<std::vector<RunOutput>> run_sql(const std::vector<SqlDocumentJob>& jobs, const SqlRunOptions& options) {
    ServerPool servers;
    std::vector<std::vector<RunOutput>> outputs;
    outputs.reserve(jobs.size());
    for (const SqlDocumentJob& job : jobs) {
        DocumentSession session(options, servers, job.snippets);
        std::vector<RunOutput>& document = outputs.emplace_back();
        for (const extractor::Snippet* snippet : job.snippets) {
            document.push_back(session.run(*snippet));
        }
    }
    return outputs;
}

}  // namespace snipcheck::runners::sql
