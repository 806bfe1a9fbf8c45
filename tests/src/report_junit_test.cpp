#include "src/report_junit.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace snipcheck;

namespace {

SnippetReport make_item(const std::string& file, int start_line, Status status, const std::string& message) {
    SnippetReport item;
    item.snippet.id = "id" + std::to_string(start_line);
    item.snippet.file = file;
    item.snippet.start_line = start_line;
    item.snippet.end_line = start_line + 2;
    item.verdict.status = status;
    item.verdict.message = message;
    item.run.duration_ms = 250;
    return item;
}

RunReport mixed_report() {
    RunReport report;
    report.snippets.push_back(make_item("docs/a.md", 3, Status::pass, "ok"));
    SnippetReport fail = make_item("docs/a.md", 12, Status::fail, "1 of 1 expectations did not hold");
    fail.verdict.expectations.push_back({19, "11", "12", false, "-11\n+12\n", "value"});
    fail.run.stdout_text = "12\n";
    report.snippets.push_back(fail);
    SnippetReport error = make_item("docs/b.md", 5, Status::error, "ValueError: bad value");
    error.run.exception_type = "ValueError";
    error.run.exception_message = "bad value";
    error.run.exception_line = 6;
    error.run.traceback = "Traceback (most recent call last):\nValueError: bad value\n";
    report.snippets.push_back(error);
    report.snippets.push_back(make_item("docs/b.md", 40, Status::timeout, "killed after 10 s"));
    SnippetReport skip = make_item("docs/b.md", 50, Status::skip, "needs a database");
    report.snippets.push_back(skip);
    report.seconds = 1.5;
    return report;
}

// Well-formed UTF-8 and only characters XML 1.0 allows (no C0 controls but tab, LF, CR).
bool is_xml_safe_utf8(const std::string& text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') {
                return false;
            }
            ++i;
            continue;
        }
        std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 ? 2 : 0;
        if (length == 0 || byte > 0xF4 || i + length > text.size()) {
            return false;
        }
        for (std::size_t k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
                return false;
            }
        }
        i += length;
    }
    return true;
}

std::size_t count_of(const std::string& text, const std::string& part) {
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        ++count;
    }
    return count;
}

}  // namespace

TEST_CASE("one testsuite per document with exact counts", "[report_junit]") {
    const std::string xml = run_report_to_junit(mixed_report());
    INFO(xml);
    CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"snipcheck\" tests=\"5\" "
                    "failures=\"1\" errors=\"2\" skipped=\"1\" time=\"1.500\">\n",
                    0) == 0);
    CHECK(xml.find("<testsuite name=\"docs/a.md\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\" "
                   "time=\"0.500\">") != std::string::npos);
    CHECK(xml.find("<testsuite name=\"docs/b.md\" tests=\"3\" failures=\"0\" errors=\"2\" skipped=\"1\" "
                   "time=\"0.750\">") != std::string::npos);
    CHECK(count_of(xml, "<testsuite ") == 2);
    CHECK(count_of(xml, "<testcase ") == 5);
    CHECK(count_of(xml, "</testsuite>") == 2);
    CHECK(xml.substr(xml.size() - 14) == "</testsuites>\n");
}

TEST_CASE("a pass is an empty testcase named path:line id", "[report_junit]") {
    const std::string xml = run_report_to_junit(mixed_report());
    CHECK(xml.find("<testcase classname=\"docs/a.md\" name=\"docs/a.md:3 id3\" time=\"0.250\"/>") !=
          std::string::npos);
}

TEST_CASE("a fail is a failure with expected, actual and diff, and its stdout", "[report_junit]") {
    const std::string xml = run_report_to_junit(mixed_report());
    INFO(xml);
    CHECK(xml.find("<testcase classname=\"docs/a.md\" name=\"docs/a.md:12 id12\" time=\"0.250\">\n"
                   "      <failure message=\"1 of 1 expectations did not hold\" type=\"fail\">"
                   "docs/a.md:19: expected: 11\ndocs/a.md:19: actual:   12\n-11\n+12\n</failure>\n"
                   "      <system-out>12\n</system-out>\n    </testcase>") != std::string::npos);
}

TEST_CASE("errors and timeouts are errors, skips are skipped with their reason", "[report_junit]") {
    const std::string xml = run_report_to_junit(mixed_report());
    INFO(xml);
    CHECK(xml.find("<error message=\"ValueError: bad value\" type=\"ValueError\">docs/b.md:6: ValueError: bad "
                   "value\nTraceback (most recent call last):\nValueError: bad value\n</error>") != std::string::npos);
    CHECK(xml.find("<error message=\"killed after 10 s\" type=\"timeout\">") != std::string::npos);
    CHECK(xml.find("<skipped message=\"needs a database\"/>") != std::string::npos);
}

TEST_CASE("markup characters are escaped in attributes and text", "[report_junit]") {
    RunReport report;
    SnippetReport fail = make_item("a&b.md", 1, Status::fail, "<&>\"' differ");
    fail.verdict.expectations.push_back({2, "<b>", "a & 'b' \"c\"", false, "", ""});
    report.snippets.push_back(fail);
    const std::string xml = run_report_to_junit(report);
    INFO(xml);
    CHECK(xml.find("<testsuite name=\"a&amp;b.md\"") != std::string::npos);
    CHECK(xml.find("message=\"&lt;&amp;&gt;&quot;&apos; differ\"") != std::string::npos);
    CHECK(xml.find("a&amp;b.md:2: expected: &lt;b&gt;\n") != std::string::npos);
    // Quotes are escaped in attributes only; in text they are plain characters.
    CHECK(xml.find("actual:   a &amp; 'b' \"c\"\n") != std::string::npos);
    CHECK(xml.find("<b>") == std::string::npos);
}

TEST_CASE("control bytes and invalid UTF-8 never reach the XML", "[report_junit]") {
    RunReport report;
    SnippetReport fail = make_item("bad.md", 1, Status::fail, "bell\x01 and \x1b[31mred");
    fail.verdict.expectations.push_back({2, "caf\xe9", "caf\xc3\xa9 \xf0\x9f\x90\x8d", false, "", ""});
    fail.run.stdout_text = "\xff\xfe\x00 nul\n\xed\xa0\x80 surrogate \xef\xbf\xbf\n";
    fail.run.stdout_text += std::string("tab\tand\rreturn\n");
    report.snippets.push_back(fail);
    const std::string xml = run_report_to_junit(report);
    INFO(xml);
    CHECK(is_xml_safe_utf8(xml));
    CHECK(xml.find('\x01') == std::string::npos);
    CHECK(xml.find('\x1b') == std::string::npos);
    CHECK(xml.find("message=\"bell\xef\xbf\xbd and \xef\xbf\xbd[31mred\"") != std::string::npos);
    // Invalid bytes become U+FFFD; valid multi-byte characters pass through.
    CHECK(xml.find("expected: caf\xef\xbf\xbd\n") != std::string::npos);
    CHECK(xml.find("actual:   caf\xc3\xa9 \xf0\x9f\x90\x8d\n") != std::string::npos);
    CHECK(xml.find("tab\tand&#13;return") != std::string::npos);
}

TEST_CASE("newlines in attributes are kept as character references", "[report_junit]") {
    RunReport report;
    report.snippets.push_back(make_item("n.md", 1, Status::skip, "line one\nline two\ttab"));
    const std::string xml = run_report_to_junit(report);
    CHECK(xml.find("<skipped message=\"line one&#10;line two&#9;tab\"/>") != std::string::npos);
}

TEST_CASE("document errors form their own suite", "[report_junit]") {
    RunReport report;
    report.document_errors = {"gone.md: error: cannot read <file>"};
    const std::string xml = run_report_to_junit(report);
    INFO(xml);
    CHECK(xml.find("<testsuites name=\"snipcheck\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\"") !=
          std::string::npos);
    CHECK(xml.find("<testsuite name=\"snipcheck\" tests=\"1\" failures=\"0\" errors=\"1\"") != std::string::npos);
    CHECK(xml.find("<error message=\"gone.md: error: cannot read &lt;file&gt;\" type=\"document\"/>") !=
          std::string::npos);
}

TEST_CASE("an empty run is an empty testsuites element", "[report_junit]") {
    CHECK(run_report_to_junit(RunReport{}) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"snipcheck\" tests=\"0\" failures=\"0\" "
          "errors=\"0\" skipped=\"0\" time=\"0.000\">\n</testsuites>\n");
}

TEST_CASE("a failure the configuration allows is a skipped of its own type, its text kept", "[report_junit]") {
    RunReport report = mixed_report();
    report.snippets[1].allowed_to_fail = true;  // the fail in docs/a.md
    report.snippets[2].allowed_to_fail = true;  // the error in docs/b.md
    report.snippets[0].allowed_to_fail = true;  // a pass stays a pass
    const std::string xml = run_report_to_junit(report);
    INFO(xml);
    CHECK(xml.find("<skipped message=\"allowed to fail (allow-fail in the configuration): 1 of 1 expectations did "
                   "not hold\" type=\"allowed-fail\">docs/a.md:19: expected: 11\ndocs/a.md:19: actual:   12\n-11\n"
                   "+12\n</skipped>") != std::string::npos);
    CHECK(xml.find("type=\"allowed-error\">docs/b.md:6: ValueError: bad value\n") != std::string::npos);
    CHECK(xml.find("<testcase classname=\"docs/a.md\" name=\"docs/a.md:3 id3\" time=\"0.250\"/>") != std::string::npos);
    CHECK(count_of(xml, "<failure") == 0);
    CHECK(xml.find("<testsuite name=\"docs/a.md\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"1\"") !=
          std::string::npos);
    CHECK(xml.find("<testsuite name=\"docs/b.md\" tests=\"3\" failures=\"0\" errors=\"1\" skipped=\"2\"") !=
          std::string::npos);
}
