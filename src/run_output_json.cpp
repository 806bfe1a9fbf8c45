#include "src/run_output_json.hpp"

#include <array>
#include <string>
#include <utility>

namespace snipcheck {
namespace {

using nlohmann::json;

constexpr std::array<std::pair<RunEnd, const char*>, 7> k_ends = {{
    {RunEnd::completed, "completed"},
    {RunEnd::raised, "raised"},
    {RunEnd::exited, "exited"},
    {RunEnd::crashed, "crashed"},
    {RunEnd::timeout, "timeout"},
    {RunEnd::stdin_read, "stdin-read"},
    {RunEnd::not_run, "not-run"},
}};

constexpr std::array<std::pair<Severity, const char*>, 3> k_severities = {{
    {Severity::error, "error"},
    {Severity::warning, "warning"},
    {Severity::note, "note"},
}};

template <typename Enum, std::size_t N>
const char* name_of(const std::array<std::pair<Enum, const char*>, N>& names, Enum value) {
    for (const auto& [known, name] : names) {
        if (known == value) {
            return name;
        }
    }
    return names.front().second;
}

// Thrown by value_of for a name this version does not know; caught, with
// json's own exceptions, in run_output_from_json.
struct UnknownName {};

// The enum value named `name`.
template <typename Enum, std::size_t N>
Enum value_of(const std::array<std::pair<Enum, const char*>, N>& names, const std::string& name) {
    for (const auto& [known, known_name] : names) {
        if (name == known_name) {
            return known;
        }
    }
    throw UnknownName{};
}

json table_to_json(const ResultTable& table) {
    json rows = json::array();
    for (const auto& row : table.rows) {
        json cells = json::array();
        for (const std::optional<std::string>& cell : row) {
            cells.push_back(cell ? json(*cell) : json(nullptr));
        }
        rows.push_back(std::move(cells));
    }
    return {{"columns", table.columns}, {"rows", std::move(rows)}};
}

ResultTable table_from_json(const json& value) {
    ResultTable table;
    table.columns = value.at("columns").get<std::vector<std::string>>();
    for (const json& row : value.at("rows")) {
        auto& cells = table.rows.emplace_back();
        for (const json& cell : row) {
            cells.push_back(cell.is_null() ? std::nullopt : std::optional<std::string>(cell.get<std::string>()));
        }
    }
    return table;
}

json statement_to_json(const StatementOutput& statement) {
    json out = {{"line", statement.line},
                {"end_line", statement.end_line},
                {"output", statement.output},
                {"raised", statement.raised},
                {"exception_type", statement.exception_type},
                {"exception_message", statement.exception_message},
                {"ordered", statement.ordered}};
    if (statement.table) {
        out["table"] = table_to_json(*statement.table);
    }
    return out;
}

StatementOutput statement_from_json(const json& value) {
    StatementOutput statement;
    statement.line = value.at("line").get<int>();
    statement.end_line = value.at("end_line").get<int>();
    statement.output = value.at("output").get<std::string>();
    statement.raised = value.at("raised").get<bool>();
    statement.exception_type = value.at("exception_type").get<std::string>();
    statement.exception_message = value.at("exception_message").get<std::string>();
    statement.ordered = value.at("ordered").get<bool>();
    if (const auto it = value.find("table"); it != value.end()) {
        statement.table = table_from_json(*it);
    }
    return statement;
}

json test_to_json(const TestOutcome& test) {
    return {{"name", test.name}, {"line", test.line}, {"outcome", test.outcome}, {"message", test.message}};
}

TestOutcome test_from_json(const json& value) {
    return {value.at("name").get<std::string>(), value.at("line").get<int>(), value.at("outcome").get<std::string>(),
            value.at("message").get<std::string>()};
}

Finding finding_from_json(const json& value) {
    return {value.at("line").get<int>(), value.at("rule").get<std::string>(),
            value_of(k_severities, value.at("severity").get<std::string>()), value.at("message").get<std::string>()};
}

}  // namespace

json findings_to_json(const std::vector<Finding>& findings) {
    json out = json::array();
    for (const Finding& finding : findings) {
        out.push_back({{"line", finding.line},
                       {"rule", finding.rule},
                       {"severity", name_of(k_severities, finding.severity)},
                       {"message", finding.message}});
    }
    return out;
}

std::optional<std::vector<Finding>> findings_from_json(const json& value) {
    if (!value.is_array()) {
        return std::nullopt;
    }
    try {
        std::vector<Finding> findings;
        for (const json& finding : value) {
            findings.push_back(finding_from_json(finding));
        }
        return findings;
    } catch (const json::exception&) {
        return std::nullopt;
    } catch (const UnknownName&) {
        return std::nullopt;
    }
}

json run_output_to_json(const RunOutput& run) {
    json statements = json::array();
    for (const StatementOutput& statement : run.statements) {
        statements.push_back(statement_to_json(statement));
    }
    json raised_at = json::array();
    for (const RaisedAt& raised : run.raised_at) {
        raised_at.push_back({{"line", raised.line}, {"exception_type", raised.exception_type}});
    }
    json tests = json::array();
    for (const TestOutcome& test : run.tests) {
        tests.push_back(test_to_json(test));
    }
    return {{"end", name_of(k_ends, run.end)},
            {"statements", std::move(statements)},
            {"stdout", run.stdout_text},
            {"stderr", run.stderr_text},
            {"stdout_cut_bytes", run.stdout_cut_bytes},
            {"stderr_cut_bytes", run.stderr_cut_bytes},
            {"exception_type", run.exception_type},
            {"exception_message", run.exception_message},
            {"traceback", run.traceback},
            {"exception_line", run.exception_line},
            {"exit_code", run.exit_code},
            {"signal", run.signal},
            {"reason", run.reason},
            {"missing_module", run.missing_module},
            {"missing_package", run.missing_package},
            {"excerpt_of", run.excerpt_of},
            {"raised_at", std::move(raised_at)},
            {"replayed", run.replayed},
            {"missing_environment", run.missing_environment},
            {"stubs", run.stubs},
            {"services", run.services},
            {"static_check", run.static_check},
            {"findings", findings_to_json(run.findings)},
            {"tests", std::move(tests)},
            {"duration_ms", run.duration_ms}};
}

std::optional<RunOutput> run_output_from_json(const json& value) {
    // json's accessors throw on a missing field or a wrong type; here that
    // only means the entry is not one of ours, so it ends as nullopt.
    try {
        RunOutput run;
        run.end = value_of(k_ends, value.at("end").get<std::string>());
        for (const json& statement : value.at("statements")) {
            run.statements.push_back(statement_from_json(statement));
        }
        run.stdout_text = value.at("stdout").get<std::string>();
        run.stderr_text = value.at("stderr").get<std::string>();
        run.stdout_cut_bytes = value.at("stdout_cut_bytes").get<std::size_t>();
        run.stderr_cut_bytes = value.at("stderr_cut_bytes").get<std::size_t>();
        run.exception_type = value.at("exception_type").get<std::string>();
        run.exception_message = value.at("exception_message").get<std::string>();
        run.traceback = value.at("traceback").get<std::string>();
        run.exception_line = value.at("exception_line").get<int>();
        run.exit_code = value.at("exit_code").get<int>();
        run.signal = value.at("signal").get<int>();
        run.reason = value.at("reason").get<std::string>();
        run.missing_module = value.at("missing_module").get<std::string>();
        // Required: an entry written without them (before they were stored)
        // would pass a snippet whose TestCase failed. It is run again instead.
        run.missing_package = value.at("missing_package").get<std::string>();
        // Required too: an entry without it gave an excerpt of a function body an error.
        run.excerpt_of = value.at("excerpt_of").get<std::string>();
        for (const json& test : value.at("tests")) {
            run.tests.push_back(test_from_json(test));
        }
        for (const json& raised : value.at("raised_at")) {
            run.raised_at.push_back({raised.at("line").get<int>(), raised.at("exception_type").get<std::string>()});
        }
        run.replayed = value.at("replayed").get<std::vector<std::string>>();
        run.missing_environment = value.at("missing_environment").get<std::string>();
        run.stubs = value.at("stubs").get<std::vector<std::string>>();
        if (value.contains("services")) {  // entries written before services were
            run.services = value.at("services").get<std::vector<std::string>>();
        }
        run.static_check = value.at("static_check").get<bool>();
        for (const json& finding : value.at("findings")) {
            run.findings.push_back(finding_from_json(finding));
        }
        run.duration_ms = value.at("duration_ms").get<double>();
        return run;
    } catch (const json::exception&) {
        return std::nullopt;
    } catch (const UnknownName&) {
        return std::nullopt;
    }
}

}  // namespace snipcheck
