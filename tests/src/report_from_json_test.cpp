#include "src/report_from_json.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "src/report_json.hpp"
#include "src/report_term.hpp"

using nlohmann::json;
using namespace snipcheck;

namespace {

// Every kind of content a reporter shows: judged and unjudged expectations,
// findings, an exception, output cut, directives, a change.
RunReport full_report() {
    RunReport report;
    SnippetReport fail;
    fail.snippet.id = "f1";
    fail.snippet.file = "docs/a.md";
    fail.snippet.start_line = 12;
    fail.snippet.end_line = 15;
    fail.snippet.language = "python";
    fail.snippet.info = "py";
    fail.snippet.code = "print(12)\n";
    fail.snippet.line_map = {12, 13, 14, 15};
    fail.snippet.heading = {"Question", "Answer"};
    fail.snippet.defects = {"unterminated-fence"};
    fail.snippet.expectations.push_back({15, 15, extractor::ExpectationKind::value_comment, "11", "(the minimum)"});
    fail.snippet.findings.push_back({14, "undefined-name", Severity::error, "name 'x' is not defined"});
    fail.snippet.directives.timeout_seconds = 30;
    fail.verdict = {Status::fail, Evidence::output, "1 of 1 expectation did not hold",
                    {{15, "11", "12", false, "-11\n+12\n", "value"}}};
    fail.run.replayed = {"p0"};
    fail.run.stdout_text = "12\n";
    fail.run.stdout_cut_bytes = 10;
    fail.run.duration_ms = 2.5;
    fail.change = SnippetChange{Change::regressed, Status::pass, 10};
    report.snippets.push_back(fail);

    SnippetReport error;
    error.snippet.id = "e1";
    error.snippet.file = "docs/a.md";
    error.snippet.start_line = 30;
    error.snippet.end_line = 31;
    error.snippet.language = "sql";
    error.snippet.dialect = "mysql";
    error.snippet.form = extractor::SnippetForm::embedded;
    error.snippet.parent = "f1";
    error.verdict = {Status::error, Evidence::run, "ValueError: bad", {}};
    error.run.end = RunEnd::exited;
    error.run.exit_code = 3;
    error.run.reason = "exited with status 3";
    error.run.exception_type = "ValueError";
    error.run.exception_message = "bad";
    error.run.exception_line = 31;
    error.run.traceback = "Traceback\nValueError: bad\n";
    error.run.stderr_text = "oops\n";
    error.run.stubs = {"table t(a)"};
    error.change = SnippetChange{Change::added, std::nullopt, 0};
    report.snippets.push_back(error);

    SnippetReport skip;
    skip.snippet.id = "s1";
    skip.snippet.file = "docs/b.md";
    skip.snippet.start_line = 4;
    skip.snippet.end_line = 4;
    skip.snippet.language = "python";
    skip.snippet.form = extractor::SnippetForm::session;
    skip.snippet.expectations.push_back({5, 4, extractor::ExpectationKind::doctest, "[1, 2]", ""});
    skip.snippet.directives.skip = true;
    skip.snippet.directives.skip_reason = "needs a database";
    skip.snippet.directives.session = "document";
    skip.verdict = {Status::skip, Evidence::none, "skipped: needs a database", {}};
    skip.change = SnippetChange{Change::same, Status::skip, 4};
    report.snippets.push_back(skip);

    report.document_errors = {"docs/c.md: error: cannot read"};
    report.sandbox = {{"network namespace"}, {"landlock: missing"}};
    report.python_version = "3.11.2";
    report.seconds = 3.5;
    report.baseline = BaselineReport{"old.json", {{"docs/a.md", "gone", 40, Status::pass, "ok"}}, {}};
    return report;
}

}  // namespace

TEST_CASE("a saved report rebuilt as a RunReport writes the same JSON again", "[report_from_json]") {
    const RunReport original = full_report();
    const std::string text = dump_run_report_json(original);
    auto saved = parse_report(text, "r.json");
    REQUIRE(saved);
    const RunReport rebuilt = to_run_report(*saved);
    CHECK(json::parse(dump_run_report_json(rebuilt)) == json::parse(text));
}

TEST_CASE("the terminal report of a rebuilt report matches the original's", "[report_from_json]") {
    const RunReport original = full_report();
    auto saved = parse_report(dump_run_report_json(original), "r.json");
    REQUIRE(saved);
    std::ostringstream before;
    std::ostringstream after;
    TermStyle style;
    style.verbose = true;
    write_term_report(original, before, style);
    write_term_report(to_run_report(*saved), after, style);
    CHECK(after.str() == before.str());
    CHECK(after.str().find("REGRESSED: was pass in the baseline") != std::string::npos);
}

TEST_CASE("fields of the wrong type read as absent", "[report_from_json]") {
    auto saved = parse_report(R"({"schema": 1, "snippets": [{"id": "a", "file": "a.md", "start_line": 1,
        "status": "error", "end_line": "x", "heading": 3, "expectations": [{"line": "7", "ok": "yes"}],
        "findings": [{"line": null}], "exception": [], "duration_ms": "slow", "directives": {"skip": 1}}]})",
                              "r.json");
    REQUIRE(saved);
    const RunReport report = to_run_report(*saved);
    REQUIRE(report.snippets.size() == 1);
    const SnippetReport& item = report.snippets[0];
    CHECK(item.snippet.end_line == 1);
    CHECK(item.snippet.heading.empty());
    CHECK(item.verdict.status == Status::error);
    CHECK(item.verdict.expectations.empty());
    CHECK(item.run.findings.size() == 1);
    CHECK(item.run.exception_type.empty());
    CHECK(item.run.duration_ms == 0);
    CHECK(item.snippet.directives.skip);
}
