#include "src/table_check.hpp"

#include <algorithm>

#include "src/result_table.hpp"
#include "src/result_table_compare.hpp"

namespace snipcheck {
namespace {

bool has_tables(const RunOutput& run) {
    return std::any_of(run.statements.begin(), run.statements.end(),
                       [](const StatementOutput& statement) { return statement.table.has_value(); });
}

const StatementOutput* table_statement(const extractor::Expectation& expectation, const RunOutput& run) {
    if (expectation.statement_line > 0) {
        for (const StatementOutput& statement : run.statements) {
            if (statement.line == expectation.statement_line) {
                return &statement;
            }
        }
        // The extractor and the runner may start a statement on different
        // lines (a comment above it): take the last one that began before.
        const StatementOutput* before = nullptr;
        for (const StatementOutput& statement : run.statements) {
            if (statement.line <= expectation.line && statement.end_line >= expectation.statement_line) {
                before = &statement;
            }
        }
        return before;
    }
    for (auto it = run.statements.rbegin(); it != run.statements.rend(); ++it) {
        if (it->table) {
            return &*it;
        }
    }
    return nullptr;
}

}  // namespace

std::optional<ExpectationResult> judge_table(const extractor::Expectation& expectation, const RunOutput& run) {
    if (!has_tables(run)) {
        return std::nullopt;
    }
    ExpectationResult result;
    result.line = expectation.line;
    result.expected = expectation.expected;
    const StatementOutput* statement = table_statement(expectation, run);
    if (statement == nullptr) {
        result.how = "not-run";
        result.diff = "+ (the statement did not run)";
        return result;
    }
    if (!statement->table) {
        result.actual = statement->raised ? statement->exception_message : std::string("(no rows: the statement returns no table)");
        result.diff = "- a result table\n+ " + result.actual;
        return result;
    }
    result.actual = format_result_table(*statement->table);
    const std::optional<ResultTable> written = parse_result_table(expectation.expected);
    if (!written) {
        result.how = "unreadable-table";
        result.diff = "- (the document's table could not be read as a result table)\n+ " + result.actual;
        return result;
    }
    const TableComparison comparison =
        compare_tables(*written, *statement->table, statement->ordered ? RowOrder::as_written : RowOrder::any);
    result.ok = comparison.ok;
    result.how = comparison.how;
    result.diff = comparison.diff;
    return result;
}

}  // namespace snipcheck
