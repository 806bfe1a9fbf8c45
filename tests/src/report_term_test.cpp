#include "src/report_term.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace snipcheck;

namespace {

SnippetReport make_item(const std::string& file, int start_line, Status status, const std::string& message) {
    SnippetReport item;
    item.snippet.id = "id" + std::to_string(start_line);
    item.snippet.file = file;
    item.snippet.start_line = start_line;
    item.snippet.end_line = start_line + 2;
    item.snippet.language = "python";
    item.verdict.status = status;
    item.verdict.message = message;
    return item;
}

RunReport mixed_report() {
    RunReport report;
    report.snippets.push_back(make_item("docs/a.md", 3, Status::pass, "all 1 expectations hold"));
    SnippetReport fail = make_item("docs/a.md", 12, Status::fail, "1 of 2 expectations did not hold");
    fail.snippet.heading = {"How do I count?", "Answer"};
    fail.verdict.expectations.push_back({14, "10", "10", true, "", "exact"});
    fail.verdict.expectations.push_back({19, "11", "12", false, "-11\n+12\n", "value"});
    report.snippets.push_back(fail);
    SnippetReport skip = make_item("docs/a.md", 30, Status::skip, "");
    skip.snippet.directives.skip = true;
    skip.snippet.directives.skip_reason = "needs a database";
    report.snippets.push_back(skip);
    SnippetReport error = make_item("docs/b.md", 5, Status::error, "ValueError: bad value");
    error.run.end = RunEnd::raised;
    error.run.exception_type = "ValueError";
    error.run.exception_message = "bad value";
    error.run.exception_line = 6;
    error.run.traceback = "Traceback (most recent call last):\n  File \"docs/b.md\", line 6, in <module>\nValueError: bad value\n";
    error.run.stdout_cut_bytes = 2048;
    report.snippets.push_back(error);
    SnippetReport timeout = make_item("docs/b.md", 40, Status::timeout, "killed after 10 s");
    report.snippets.push_back(timeout);
    report.snippets.push_back(make_item("docs/b.md", 50, Status::skip, "duplicate of id3"));
    report.sandbox.missing = {"pid namespace: unshare failed: Operation not permitted", "landlock: kernel too old"};
    report.seconds = 0.84;
    return report;
}

std::string render(const RunReport& report, TermStyle style = {}) {
    std::ostringstream out;
    write_term_report(report, out, style);
    return out.str();
}

bool has_line(const std::string& text, const std::string& line) {
    return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

}  // namespace

TEST_CASE("the closing line counts every status and the time", "[report_term]") {
    const std::string text = render(mixed_report());
    INFO(text);
    const std::string closing = "6 snippets: 1 pass, 1 fail, 1 error, 1 timeout, 2 skip in 0.84 s\n";
    REQUIRE(text.size() >= closing.size());
    CHECK(text.substr(text.size() - closing.size()) == closing);
}

TEST_CASE("the closing line says how many runs came from the cache, when any did", "[report_term][cache]") {
    RunReport report = mixed_report();
    report.snippets[0].cached = true;
    report.snippets[3].cached = true;
    CHECK(has_line(render(report), "6 snippets: 1 pass, 1 fail, 1 error, 1 timeout, 2 skip in 0.84 s (2 from cache)"));
}

TEST_CASE("each document has a header line with its own counts", "[report_term]") {
    const std::string text = render(mixed_report());
    INFO(text);
    CHECK(has_line(text, "docs/a.md  (3 snippets: 1 pass, 1 fail, 1 skip)"));
    CHECK(has_line(text, "docs/b.md  (3 snippets: 1 error, 1 timeout, 1 skip)"));
    CHECK(text.find("docs/a.md  (") < text.find("docs/b.md  ("));
}

TEST_CASE("a fail shows file:line, its heading, expected and actual, and the diff", "[report_term]") {
    const std::string text = render(mixed_report());
    INFO(text);
    CHECK(has_line(text, "docs/a.md:12: fail: 1 of 2 expectations did not hold"));
    CHECK(has_line(text, "    in: How do I count? \u203a Answer"));
    CHECK(has_line(text, "docs/a.md:19: expected: 11"));
    CHECK(has_line(text, "docs/a.md:19: actual:   12"));
    CHECK(has_line(text, "    -11"));
    CHECK(has_line(text, "    +12"));
    // The expectation that held is not repeated.
    CHECK(text.find("docs/a.md:14:") == std::string::npos);
    CHECK(text.find("\x1b[") == std::string::npos);
}

TEST_CASE("errors show the exception and traceback, timeouts their message, cut output a note", "[report_term]") {
    const std::string text = render(mixed_report());
    INFO(text);
    CHECK(has_line(text, "docs/b.md:5: error: ValueError: bad value"));
    CHECK(has_line(text, "docs/b.md:6: raised ValueError: bad value"));
    CHECK(has_line(text, "    Traceback (most recent call last):"));
    CHECK(has_line(text, "docs/b.md:5: note: stdout cut: 2048 bytes beyond the cap dropped"));
    CHECK(has_line(text, "docs/b.md:40: timeout: killed after 10 s"));
}

TEST_CASE("passes and skips are shown only when verbose, skips with their reason", "[report_term]") {
    const std::string quiet = render(mixed_report());
    CHECK(quiet.find("docs/a.md:3:") == std::string::npos);
    CHECK(quiet.find("docs/a.md:30:") == std::string::npos);
    const std::string verbose = render(mixed_report(), {false, true});
    INFO(verbose);
    CHECK(has_line(verbose, "docs/a.md:3: pass: all 1 expectations hold"));
    CHECK(has_line(verbose, "docs/a.md:30: skip: needs a database"));
    CHECK(has_line(verbose, "docs/b.md:50: skip: duplicate of id3"));
}

TEST_CASE("missing sandbox protections are warnings before the closing line", "[report_term]") {
    const std::string text = render(mixed_report());
    INFO(text);
    CHECK(has_line(text, "snipcheck: warning: sandbox: pid namespace: unshare failed: Operation not permitted"));
    CHECK(has_line(text, "snipcheck: warning: sandbox: landlock: kernel too old"));
    CHECK(text.find("snipcheck: warning: sandbox:") < text.find("6 snippets:"));
}

TEST_CASE("a long traceback keeps its last 15 lines and says how many were cut", "[report_term]") {
    RunReport report;
    SnippetReport error = make_item("t.md", 1, Status::error, "RecursionError");
    error.run.exception_type = "RecursionError";
    std::string traceback;
    for (int i = 1; i <= 40; ++i) {
        traceback += "frame " + std::to_string(i) + "\n";
    }
    error.run.traceback = traceback;
    report.snippets.push_back(error);
    const std::string text = render(report);
    INFO(text);
    CHECK(has_line(text, "    ... 25 earlier lines cut"));
    CHECK(text.find("frame 25\n") == std::string::npos);
    CHECK(has_line(text, "    frame 26"));
    CHECK(has_line(text, "    frame 40"));
}

TEST_CASE("multi-line values go under their label", "[report_term]") {
    RunReport report;
    SnippetReport fail = make_item("m.md", 2, Status::fail, "output differs");
    fail.verdict.expectations.push_back({8, "a\nb\n", "a\nc\n", false, "", ""});
    report.snippets.push_back(fail);
    const std::string text = render(report);
    INFO(text);
    CHECK(text.find("m.md:8: expected:\n    a\n    b\nm.md:8: actual:  \n    a\n    c\n") != std::string::npos);
}

TEST_CASE("color only when asked: green pass, red fail and error, yellow timeout and skip", "[report_term]") {
    const std::string text = render(mixed_report(), {true, true});
    INFO(text);
    CHECK(text.find("docs/a.md:3: \x1b[32mpass\x1b[0m:") != std::string::npos);
    CHECK(text.find("docs/a.md:12: \x1b[31mfail\x1b[0m:") != std::string::npos);
    CHECK(text.find("docs/b.md:5: \x1b[31merror\x1b[0m:") != std::string::npos);
    CHECK(text.find("docs/b.md:40: \x1b[33mtimeout\x1b[0m:") != std::string::npos);
    CHECK(text.find("docs/a.md:30: \x1b[33mskip\x1b[0m:") != std::string::npos);
    CHECK(render(mixed_report(), {false, true}).find('\x1b') == std::string::npos);
}

TEST_CASE("document errors are printed as given", "[report_term]") {
    RunReport report;
    report.document_errors = {"missing.md: error: cannot read: No such file or directory"};
    const std::string text = render(report);
    CHECK(has_line(text, "missing.md: error: cannot read: No such file or directory"));
    CHECK(has_line(text, "0 snippets: 0 pass, 0 fail, 0 error, 0 timeout, 0 skip in 0.00 s"));
}
