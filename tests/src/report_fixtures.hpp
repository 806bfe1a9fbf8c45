#pragma once
// Run reports for the reporter tests: one of each verdict, with findings,
// and one whose snippet holds hostile markup.

#include <string>

#include "src/snippet_report.hpp"

namespace snipcheck::test {

inline SnippetReport report_item(const std::string& file, int start_line, Status status, const std::string& message) {
    SnippetReport item;
    item.snippet.id = "id" + std::to_string(start_line);
    item.snippet.file = file;
    item.snippet.start_line = start_line;
    item.snippet.end_line = start_line + 2;
    item.snippet.language = "python";
    item.snippet.code = "a = 1\nb = 2\nprint(a + b)\n";
    item.snippet.line_map = {start_line, start_line + 1, start_line + 2};
    item.verdict.status = status;
    item.verdict.message = message;
    item.run.duration_ms = 2.5;
    return item;
}

// docs/a.md: a pass (with a note finding), a fail at line 14; docs/b.md: an
// error raised at line 6, a timeout, a skip, a shellcheck warning on a pass.
inline RunReport mixed_report() {
    RunReport report;
    SnippetReport pass = report_item("docs/a.md", 3, Status::pass, "1 of 1 expectation held");
    pass.verdict.evidence = Evidence::output;
    pass.run.findings.push_back({4, "unused-import", Severity::note, "'os' imported but unused"});
    report.snippets.push_back(pass);
    SnippetReport fail = report_item("docs/a.md", 12, Status::fail, "1 of 1 expectation did not hold");
    fail.verdict.evidence = Evidence::output;
    fail.verdict.expectations.push_back({14, "11", "12", false, "- 11\n+ 12\n", ""});
    fail.run.stdout_text = "12\n";
    fail.run.replayed.push_back("id3");
    report.snippets.push_back(fail);
    SnippetReport error = report_item("docs/b.md", 5, Status::error, "ValueError: bad value");
    error.run.end = RunEnd::raised;
    error.run.exception_type = "ValueError";
    error.run.exception_message = "bad value";
    error.run.exception_line = 6;
    error.run.traceback = "Traceback (most recent call last):\nValueError: bad value\n";
    report.snippets.push_back(error);
    SnippetReport timeout = report_item("docs/b.md", 40, Status::timeout, "timed out after 10 s");
    timeout.run.end = RunEnd::timeout;
    report.snippets.push_back(timeout);
    report.snippets.push_back(report_item("docs/b.md", 50, Status::skip, "needs a database"));
    SnippetReport shell = report_item("docs/b.md", 60, Status::pass, "checked");
    shell.snippet.language = "bash";
    shell.verdict.evidence = Evidence::static_check;
    shell.run.findings.push_back({61, "SC2086", Severity::warning, "Double quote to prevent globbing"});
    shell.run.findings.push_back({62, "SC2086", Severity::warning, "Double quote to prevent globbing"});
    report.snippets.push_back(shell);
    report.seconds = 1.25;
    report.python_version = "3.11.2";
    return report;
}

// Markup, a script end tag and an event handler everywhere a document or a
// run can put text.
inline constexpr const char* k_hostile = "</script><script>alert(1)</script><img src=x onerror=\"alert(2)\">&amp;'";

inline RunReport hostile_report() {
    RunReport report;
    SnippetReport item = report_item(std::string("docs/<b>x</b>.md"), 3, Status::fail, k_hostile);
    item.snippet.id = "id<\"3\">";
    item.snippet.language = "py<thon>";
    item.snippet.code = std::string("print('") + k_hostile + "')\n";
    item.snippet.line_map = {3};
    item.snippet.heading = {k_hostile};
    item.snippet.defects = {k_hostile};
    item.verdict.expectations.push_back({3, k_hostile, k_hostile, false, std::string("- ") + k_hostile, k_hostile});
    item.run.stdout_text = k_hostile;
    item.run.stderr_text = k_hostile;
    item.run.stubs = {k_hostile};
    item.run.replayed = {k_hostile};
    item.run.exception_type = k_hostile;
    item.run.exception_message = k_hostile;
    item.run.traceback = k_hostile;
    item.run.findings.push_back({3, k_hostile, Severity::error, k_hostile});
    report.snippets.push_back(item);
    report.document_errors.push_back(k_hostile);
    report.sandbox.missing.push_back(k_hostile);
    report.python_version = k_hostile;
    return report;
}

}  // namespace snipcheck::test
