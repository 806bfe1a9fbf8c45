#include "src/checker.hpp"

#include <algorithm>
#include <csignal>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "extractor/document.hpp"
#include "extractor/line_classifier.hpp"
#include "extractor/value_syntax.hpp"
#include "src/exception_names.hpp"
#include "src/join.hpp"
#include "src/output_compare.hpp"
#include "src/table_check.hpp"

namespace snipcheck {
namespace {

using extractor::Expectation;
using extractor::ExpectationKind;
using extractor::Snippet;

constexpr std::size_t k_max_message_chars = 200;
constexpr std::size_t k_max_quoted_chars = 60;

// One line for a person: newlines become spaces, long text is cut.
std::string one_line(std::string_view text, std::size_t limit) {
    std::string out;
    for (char c : extractor::trim(text)) {
        out += (c == '\n' || c == '\r') ? ' ' : c;
        if (out.size() >= limit) {
            out += "…";
            break;
        }
    }
    return out;
}

std::string signal_name(int signal) {
    struct Named {
        int number;
        const char* name;
    };
    static const Named k_signals[] = {
        {SIGHUP, "SIGHUP"},   {SIGINT, "SIGINT"},   {SIGQUIT, "SIGQUIT"}, {SIGILL, "SIGILL"},   {SIGTRAP, "SIGTRAP"},
        {SIGABRT, "SIGABRT"}, {SIGBUS, "SIGBUS"},   {SIGFPE, "SIGFPE"},   {SIGKILL, "SIGKILL"}, {SIGSEGV, "SIGSEGV"},
        {SIGPIPE, "SIGPIPE"}, {SIGALRM, "SIGALRM"}, {SIGTERM, "SIGTERM"}, {SIGXCPU, "SIGXCPU"}, {SIGXFSZ, "SIGXFSZ"},
        {SIGSYS, "SIGSYS"},
    };
    for (const Named& named : k_signals) {
        if (named.number == signal) {
            return named.name;
        }
    }
    return "unknown signal";
}

// Top-level statements that hold document line `line`: the one starting
// there, else the one whose lines span it (a print inside a loop).
std::vector<const StatementOutput*> statements_at(const RunOutput& run, int line) {
    std::vector<const StatementOutput*> found;
    for (const StatementOutput& statement : run.statements) {
        if (statement.line == line) {
            found.push_back(&statement);
        }
    }
    if (found.empty()) {
        for (const StatementOutput& statement : run.statements) {
            if (statement.line <= line && line <= statement.end_line) {
                found.push_back(&statement);
            }
        }
    }
    return found;
}

// The exception that ended the run, if one did; sys.exit raises SystemExit.
std::string uncaught_type(const RunOutput& run) {
    // A run that exited may carry an exception an earlier statement raised
    // and the document expected: the one that ended it is SystemExit.
    if (run.end == RunEnd::exited) {
        return "SystemExit";
    }
    return run.exception_type;
}

// The last statement that raised (and was let go on), nullptr if none did.
const StatementOutput* last_raising_statement(const RunOutput& run) {
    for (auto it = run.statements.rbegin(); it != run.statements.rend(); ++it) {
        if (it->raised) {
            return &*it;
        }
    }
    return nullptr;
}

// The exception that ended the run, else the last one a statement raised.
std::string any_raised_type(const RunOutput& run) {
    std::string raised = uncaught_type(run);
    const StatementOutput* statement = last_raising_statement(run);
    if (raised.empty() && statement != nullptr) {
        raised = statement->exception_type;
    }
    return raised;
}

ExpectationResult not_run(const Expectation& expectation) {
    ExpectationResult result;
    result.line = expectation.line;
    result.expected = expectation.expected;
    result.how = "not-run";
    result.diff = "- " + one_line(expectation.expected, k_max_message_chars) + "\n+ (the statement did not run)";
    return result;
}

// A doctest expectation without what the author wrote about the output:
// comment lines after it, `  # ...` after a value (`3  # one more`). Empty
// when there is nothing to take away.
std::string without_remarks(std::string_view expected) {
    std::vector<std::string_view> lines = extractor::split_lines(expected);
    bool changed = false;
    while (lines.size() > 1 && extractor::trim(lines.back()).starts_with("#")) {
        lines.pop_back();
        changed = true;
    }
    for (std::string_view& line : lines) {
        const std::size_t hash = line.find("  #");
        if (hash != std::string_view::npos && extractor::reads_as_value(extractor::trim(line.substr(0, hash)))) {
            line = line.substr(0, hash);
            changed = true;
        }
    }
    if (!changed) {
        return {};
    }
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        out.append(i > 0 ? "\n" : "").append(lines[i]);
    }
    return out;
}

ExpectationResult compared(const Expectation& expectation, std::string actual) {
    if (actual.ends_with('\n')) {
        actual.pop_back();
    }
    CompareResult comparison = compare_output(expectation.expected, actual);
    if (!comparison.ok && expectation.kind == ExpectationKind::doctest) {
        // What was printed matches once the author's remarks are set aside.
        if (const std::string plain = without_remarks(expectation.expected); !plain.empty()) {
            if (CompareResult again = compare_output(plain, actual); again.ok) {
                comparison = again;
                comparison.how = "remark";
            }
        }
    }
    ExpectationResult result;
    result.line = expectation.line;
    result.expected = expectation.expected;
    result.actual = std::move(actual);
    result.ok = comparison.ok;
    result.how = comparison.how;
    result.diff = comparison.diff;
    return result;
}

// The REPL's last line adds a suggestion to some (`... Did you mean: 'e2'?`,
// from 3.12 also `... Did you forget to import 'sys'?`); which name it
// suggests depends on the session's names, so any is taken.
bool is_suggestion(std::string_view text) {
    return text.empty() ||
           ((text.starts_with(". Did you mean") || text.starts_with(". Did you forget")) && text.ends_with('?'));
}

// A session example whose output is its exception's last line alone
// (`NameError: name 'e' is not defined` under `>>> print(e)`), as the
// prompt shows it without the traceback header. The extractor cannot tell
// that line from text a print shows; what the statement did can.
bool shows_lone_exception(const Expectation& expectation, const StatementOutput& statement) {
    if (expectation.kind != ExpectationKind::doctest || !statement.raised || !statement.output.empty()) {
        return false;
    }
    const std::string_view expected = extractor::trim(expectation.expected);
    const std::string_view type = statement.exception_type;
    const std::string_view message = extractor::trim(statement.exception_message);
    const std::size_t dot = type.rfind('.');
    for (const std::string_view name : {type, dot == std::string_view::npos ? type : type.substr(dot + 1)}) {
        if (name.empty() || !expected.starts_with(name)) {
            continue;
        }
        const std::string_view rest = expected.substr(name.size());
        if (message.empty()) {
            if (rest.empty()) {
                return true;
            }
            continue;
        }
        const std::string_view shown = extractor::trim(rest.substr(rest.starts_with(':') ? 1 : rest.size()));
        if (shown.starts_with(message) && is_suggestion(shown.substr(message.size()))) {
            return true;
        }
    }
    return false;
}

ExpectationResult raised_result(int line, const std::string& expected, const std::string& raised) {
    ExpectationResult result;
    result.line = line;
    result.expected = expected;
    result.actual = raised.empty() ? "no exception" : raised;
    result.ok = exception_matches(expected, raised);
    if (result.ok) {
        result.how = "raised";
    } else {
        result.diff = "- " + one_line(expected, k_max_message_chars) + "\n+ " + result.actual;
    }
    return result;
}

class Judge {
public:
    Judge(const Snippet& snippet, const RunOutput& run) : m_snippet(snippet), m_run(run) {}

    ExpectationResult judge(const Expectation& expectation) const {
        if (expectation.kind == ExpectationKind::output_block || expectation.kind == ExpectationKind::doctest) {
            if (std::optional<ExpectationResult> table = judge_table(expectation, m_run)) {
                return std::move(*table);
            }
        }
        switch (expectation.kind) {
        case ExpectationKind::output_comment:
        case ExpectationKind::value_comment:
        case ExpectationKind::arrow:
        case ExpectationKind::doctest: return judge_statement(expectation);
        case ExpectationKind::output_lines: return judge_lines(expectation);
        case ExpectationKind::output_block: return compared(expectation, m_run.stdout_text);
        case ExpectationKind::raises: return judge_raises(expectation);
        }
        return compared(expectation, m_run.stdout_text);
    }

private:
    ExpectationResult judge_statement(const Expectation& expectation) const {
        if (expectation.statement_line == 0) {
            return compared(expectation, m_run.stdout_text);
        }
        const std::vector<const StatementOutput*> statements = statements_at(m_run, expectation.statement_line);
        if (statements.empty()) {
            return not_run(expectation);
        }
        std::string actual;
        for (const StatementOutput* statement : statements) {
            if (shows_lone_exception(expectation, *statement)) {
                ExpectationResult result;
                result.line = expectation.line;
                result.expected = expectation.expected;
                result.actual = statement->exception_type + ": " + statement->exception_message;
                result.ok = true;
                result.how = "raised";
                return result;
            }
            actual += statement->output;
        }
        return compared(expectation, std::move(actual));
    }

    // `# Output:` lines: what ran after the previous expectation and before them.
    ExpectationResult judge_lines(const Expectation& expectation) const {
        int previous = m_snippet.start_line - 1;
        for (const Expectation& other : m_snippet.expectations) {
            if (other.line < expectation.line && other.line > previous) {
                previous = other.line;
            }
        }
        std::string actual;
        bool any = false;
        for (const StatementOutput& statement : m_run.statements) {
            if (statement.line > previous && statement.line < expectation.line) {
                actual += statement.output;
                any = true;
            }
        }
        if (!any && !completed()) {
            return not_run(expectation);
        }
        return compared(expectation, std::move(actual));
    }

    ExpectationResult judge_raises(const Expectation& expectation) const {
        if (expectation.statement_line == 0) {
            return raised_result(expectation.line, expectation.expected, any_raised_type(m_run));
        }
        const std::vector<const StatementOutput*> statements = statements_at(m_run, expectation.statement_line);
        for (const StatementOutput* statement : statements) {
            if (statement->raised) {
                return raised_result(expectation.line, expectation.expected, statement->exception_type);
            }
        }
        if (m_run.exception_line == expectation.statement_line && !m_run.exception_type.empty()) {
            return raised_result(expectation.line, expectation.expected, m_run.exception_type);
        }
        // Raised where it is written and caught further out (a try block).
        for (const RaisedAt& seen : m_run.raised_at) {
            if (seen.line == expectation.line && exception_matches(expectation.expected, seen.exception_type)) {
                ExpectationResult result = raised_result(expectation.line, expectation.expected, seen.exception_type);
                result.how = "raised and caught";
                return result;
            }
        }
        if (statements.empty()) {
            return not_run(expectation);
        }
        return raised_result(expectation.line, expectation.expected, {});
    }

    bool completed() const {
        return m_run.end == RunEnd::completed || (m_run.end == RunEnd::exited && m_run.exit_code == 0);
    }

    const Snippet& m_snippet;
    const RunOutput& m_run;
};

// How the document shows what `statement` raised: by its exception's line
// alone, by a traceback (a raises expectation), or not at all.
enum class Shown { not_at_all, by_traceback, alone };

Shown how_shown(const Snippet& snippet, const StatementOutput& statement) {
    Shown shown = Shown::not_at_all;
    for (const Expectation& expectation : snippet.expectations) {
        if (expectation.statement_line != statement.line) {
            continue;
        }
        if (shows_lone_exception(expectation, statement)) {
            return Shown::alone;
        }
        if (expectation.kind == ExpectationKind::raises && exception_matches(expectation.expected, statement.exception_type)) {
            shown = Shown::by_traceback;
        }
    }
    return shown;
}

// What a session's document shows of the exceptions its examples raised.
struct SessionRaises {
    const StatementOutput* first_unshown = nullptr;  // none: every example that raised shows it
    bool any_alone = false;                          // at least one by its line alone
    bool run_exception_alone = false;                // the run's own (first unexpected) exception among those
};

SessionRaises session_raises(const Snippet& snippet, const RunOutput& run) {
    SessionRaises raises;
    for (const StatementOutput& statement : run.statements) {
        if (!statement.raised) {
            continue;
        }
        const Shown shown = how_shown(snippet, statement);
        if (shown == Shown::not_at_all) {
            if (raises.first_unshown == nullptr) {
                raises.first_unshown = &statement;
            }
        } else if (shown == Shown::alone) {
            raises.any_alone = true;
            raises.run_exception_alone = raises.run_exception_alone || statement.line == run.exception_line;
        }
    }
    return raises;
}

// The first example of a session that raised what the document does not
// show, when the run's own exception (its first unexpected one) is shown
// alone: the one an error message must name. nullptr otherwise.
const StatementOutput* unshown_after_shown(const Snippet& snippet, const RunOutput& run) {
    if (snippet.form != extractor::SnippetForm::session) {
        return nullptr;
    }
    const SessionRaises raises = session_raises(snippet, run);
    return raises.run_exception_alone ? raises.first_unshown : nullptr;
}

// Did the document expect the exception that ended the run?
bool exception_expected(const Snippet& snippet, const RunOutput& run) {
    const std::string raised = uncaught_type(run);
    if (!snippet.directives.expect_error.empty() && exception_matches(snippet.directives.expect_error, raised)) {
        return true;
    }
    const StatementOutput* raising = last_raising_statement(run);
    const int raising_line = raising == nullptr ? 0 : raising->line;
    for (const Expectation& expectation : snippet.expectations) {
        if (expectation.kind != ExpectationKind::raises || !exception_matches(expectation.expected, raised)) {
            continue;
        }
        const int line = expectation.statement_line;
        if (line == 0 || line == run.exception_line || (raising_line != 0 && line == raising_line)) {
            return true;
        }
    }
    if (run.end != RunEnd::raised || snippet.form != extractor::SnippetForm::session) {
        return false;
    }
    // Sessions of tracebacks only are settled by their raises expectations
    // above, as before lone lines were read.
    const SessionRaises raises = session_raises(snippet, run);
    return raises.first_unshown == nullptr && raises.any_alone;
}

// The error message when the run itself went wrong, nullopt when it did not.
std::optional<std::string> run_error(const Snippet& snippet, const RunOutput& run) {
    switch (run.end) {
    case RunEnd::completed:
    case RunEnd::timeout:
    case RunEnd::not_run: return std::nullopt;
    case RunEnd::raised:
        if (exception_expected(snippet, run)) {
            return std::nullopt;
        }
        if (const StatementOutput* unshown = unshown_after_shown(snippet, run); unshown != nullptr) {
            return one_line(unshown->exception_type == "SystemExit"
                                ? "called sys.exit(" + unshown->exception_message + ")"
                                : unshown->exception_type + ": " + unshown->exception_message,
                            k_max_message_chars);
        }
        if (run.exception_message.empty()) {
            return one_line(run.exception_type.empty() ? "an exception was raised" : run.exception_type,
                            k_max_message_chars);
        }
        return one_line(run.exception_type + ": " + run.exception_message, k_max_message_chars);
    case RunEnd::exited:
        // `sys.exit(main())` ending well is how many scripts finish.
        if (run.exit_code == 0 || exception_expected(snippet, run)) {
            return std::nullopt;
        }
        return run.reason.empty() ? fmt::format("called sys.exit({})", run.exit_code) : one_line(run.reason, k_max_message_chars);
    case RunEnd::crashed: {
        std::string message = run.signal == 0 ? std::string("the interpreter crashed")
                                              : fmt::format("the interpreter crashed (signal {}: {})", run.signal,
                                                            signal_name(run.signal));
        if (!run.reason.empty()) {
            message += "; " + run.reason;
        }
        return one_line(message, k_max_message_chars);
    }
    case RunEnd::stdin_read:
        return run.reason.empty() ? std::string("read from standard input, which snippets do not have")
                                  : one_line(run.reason, k_max_message_chars);
    }
    return std::nullopt;
}

std::string timeout_message(const Snippet& snippet, const RunOutput& run) {
    if (!run.reason.empty()) {
        return one_line(run.reason, k_max_message_chars);
    }
    const double seconds = snippet.directives.timeout_seconds.value_or(run.duration_ms / 1000.0);
    return fmt::format("timed out after {:g} s", seconds);
}

std::string quoted(std::string_view text) {
    if (extractor::trim(text).empty()) {
        return "nothing";
    }
    return one_line(text, k_max_quoted_chars);
}

std::string fail_message(const std::vector<ExpectationResult>& results) {
    std::size_t failed = 0;
    const ExpectationResult* first = nullptr;
    for (const ExpectationResult& result : results) {
        if (!result.ok) {
            ++failed;
            first = first == nullptr ? &result : first;
        }
    }
    if (first == nullptr) {
        return "every expectation held";
    }
    const std::string_view written = extractor::trim(first->expected);
    if (written.find('\n') != std::string_view::npos && (written.front() == '|' || written.front() == '+')) {
        // A table does not read on one line; the diff shows the rows.
        return fmt::format("{} of {} expectation{} did not hold; first at line {}: the result table differs from the rows returned",
                           failed, results.size(), results.size() == 1 ? "" : "s", first->line);
    }
    std::string got = first->how == "not-run" ? std::string("nothing (the statement did not run)") : quoted(first->actual);
    return fmt::format("{} of {} expectation{} did not hold; first at line {}: expected {}, got {}", failed,
                       results.size(), results.size() == 1 ? "" : "s", first->line, quoted(first->expected), got);
}

// Every expectation that failed differs only on lines a stand-in printed.
bool only_stand_ins_differ(const std::vector<ExpectationResult>& results) {
    bool any = false;
    for (const ExpectationResult& result : results) {
        if (result.ok) {
            continue;
        }
        const std::vector<std::string_view> expected = extractor::split_lines(result.expected);
        const std::vector<std::string_view> actual = extractor::split_lines(result.actual);
        if (expected.size() != actual.size()) {
            return false;
        }
        for (std::size_t i = 0; i < actual.size(); ++i) {
            if (!compare_output(expected[i], actual[i]).ok && actual[i].find("<stand-in ") == std::string_view::npos) {
                return false;
            }
        }
        any = true;
    }
    return any;
}

// `return`, `yield` or `await` at the top level of a script that reads as
// an excerpt of a function body (`return redirect("/")` from a view; the
// harness decides, from the tree): a reader reads it inside its def. It
// cannot run alone, and nothing in it is wrong, unless the document expects
// that SyntaxError.
std::optional<std::string> function_body_excerpt(const Snippet& snippet, const RunOutput& run) {
    if (run.excerpt_of.empty() || run.end != RunEnd::raised || exception_expected(snippet, run)) {
        return std::nullopt;
    }
    const bool async = run.excerpt_of == "await" || run.excerpt_of.starts_with("async");
    return fmt::format("an excerpt of {} function body ('{}' outside a function): it cannot run alone",
                       async ? "an async" : "a", run.excerpt_of);
}

// No expectation that was compared failed: those that failed did not run
// (their statement stopped early), and an output block is only cut short
// (what was printed begins what it shows: the script stopped before the rest).
bool only_unrun_failed(const Snippet& snippet, const std::vector<ExpectationResult>& results) {
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (results[i].ok || results[i].how == "not-run") {
            continue;
        }
        const bool block = i < snippet.expectations.size() && snippet.expectations[i].kind == ExpectationKind::output_block;
        const std::string_view printed = extractor::trim(results[i].actual);
        if (!block || !extractor::trim(results[i].expected).starts_with(printed)) {
            return false;
        }
    }
    return true;
}

Verdict judge_run(const Snippet& snippet, const RunOutput& run) {
    Verdict verdict;
    if (run.end == RunEnd::timeout) {
        verdict.status = Status::timeout;
        verdict.message = timeout_message(snippet, run);
        return verdict;
    }
    // Needs what this run does not have: a server of another dialect, a
    // table the document never creates. Not the snippet's fault.
    const bool needs = !run.missing_environment.empty() && run.end != RunEnd::raised &&
                       (run.end == RunEnd::not_run || !snippet.expectations.empty());
    if (needs) {
        verdict.status = Status::skip;
        verdict.message = "needs " + run.missing_environment;
        if (run.end != RunEnd::not_run) {
            verdict.message += "; the rest of it checked out";
        }
        return verdict;
    }
    if (run.end == RunEnd::not_run) {
        verdict.status = Status::error;
        verdict.message = run.reason.empty() ? std::string("the snippet could not be run") : one_line(run.reason, k_max_message_chars);
        return verdict;
    }
    const Judge judge(snippet, run);
    for (const Expectation& expectation : snippet.expectations) {
        verdict.expectations.push_back(judge.judge(expectation));
    }
    if (!snippet.directives.expect_error.empty()) {
        verdict.expectations.push_back(
            raised_result(snippet.start_line, snippet.directives.expect_error, any_raised_type(run)));
    }
    // Each test method of a TestCase the snippet defined is an expectation
    // the document wrote as code: it passes.
    for (const TestOutcome& test : run.tests) {
        ExpectationResult result;
        result.line = test.line > 0 ? test.line : snippet.start_line;
        result.expected = test.name + " passes";
        result.ok = test.outcome == "pass" || test.outcome == "skip";
        result.actual = test.outcome + (test.message.empty() ? "" : ": " + test.message);
        result.how = "test";
        verdict.expectations.push_back(std::move(result));
    }
    bool all_ok = true;
    for (const ExpectationResult& result : verdict.expectations) {
        all_ok = all_ok && result.ok;
    }
    if (run.end == RunEnd::raised && !run.missing_module.empty()) {
        verdict.status = Status::skip;
        verdict.evidence = Evidence::none;
        verdict.message = run.missing_module.front() == '.'
                              ? fmt::format("imports from the reader's own package ({}); it cannot run alone",
                                            run.missing_module)
                          : run.missing_package.empty()
                              ? fmt::format("needs module '{}', which is not installed here", run.missing_module)
                              : fmt::format("needs module '{}', which is not installed here (Debian package {})",
                                            run.missing_module, run.missing_package);
    } else if (std::optional<std::string> excerpt = function_body_excerpt(snippet, run);
               excerpt && only_unrun_failed(snippet, verdict.expectations)) {
        verdict.status = Status::skip;
        verdict.evidence = Evidence::none;
        verdict.message = std::move(*excerpt);
    } else if (std::optional<std::string> error = run_error(snippet, run)) {
        verdict.status = Status::error;
        verdict.evidence = run.static_check ? Evidence::static_check : Evidence::run;
        verdict.message = std::move(*error);
    } else if (!all_ok && only_stand_ins_differ(verdict.expectations)) {
        // `<stand-in blog.models.Post.objects.all>` never equals the rows the
        // document shows: the reader's project is not in the document.
        verdict.status = Status::skip;
        verdict.evidence = Evidence::none;
        verdict.message = "cannot be checked: what it printed came from stand-ins for the reader's project";
        verdict.message += run.stubs.empty() ? std::string() : " (" + join_first(run.stubs, 3) + ")";
        verdict.message += ", not from code in the document";
    } else if (!all_ok) {
        verdict.status = Status::fail;
        verdict.evidence = Evidence::output;
        verdict.message = fail_message(verdict.expectations);
    } else if (!verdict.expectations.empty()) {
        verdict.status = Status::pass;
        verdict.evidence = Evidence::output;
        const std::size_t count = verdict.expectations.size();
        verdict.message = fmt::format("{} expectation{} held", count, count == 1 ? "" : "s");
    } else if (run.static_check) {
        verdict.status = Status::pass;
        verdict.evidence = Evidence::static_check;
        verdict.message = run.reason.empty() ? std::string("checked without running; nothing wrong found") : run.reason;
    } else {
        verdict.status = Status::pass;
        verdict.evidence = Evidence::run;
        verdict.message = "ran without error; nothing to compare";
    }
    return verdict;
}

}  // namespace

Verdict check(const Snippet& snippet, const RunOutput& run) {
    try {
        Verdict verdict = judge_run(snippet, run);
        // Stand-ins are never silent: the message says what the run leaned on.
        if (!run.stubs.empty() && verdict.status != Status::skip && !run.static_check) {
            verdict.message += " (ran against stand-ins: " + join_first(run.stubs, 3) + ")";
        }
        // So are real servers the run started for it.
        if (!run.services.empty() && verdict.status != Status::skip) {
            verdict.message += " (ran against " + join_first(run.services, 3) + ")";
        }
        return verdict;
    } catch (...) {
        // Only allocation can fail here; a verdict still beats an escape.
        Verdict verdict;
        verdict.status = Status::error;
        verdict.message = "the checker ran out of memory";
        return verdict;
    }
}

}  // namespace snipcheck
