#include "src/report_github.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "tests/src/report_fixtures.hpp"

using namespace snipcheck;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

// The runner's own unescaping of a property value or a message.
std::string unescape(std::string text) {
    const std::pair<const char*, const char*> codes[] = {{"%0D", "\r"}, {"%0A", "\n"}, {"%3A", ":"}, {"%2C", ","}, {"%25", "%"}};
    for (const auto& [code, plain] : codes) {
        for (std::size_t at = text.find(code); at != std::string::npos; at = text.find(code, at + 1)) {
            text.replace(at, 3, plain);
        }
    }
    return text;
}

}  // namespace

TEST_CASE("workflow command data and properties are escaped as GitHub documents", "[report_github]") {
    CHECK(github_escape_data("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b");
    CHECK(github_escape_property("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext%3A a%2Cb");
    CHECK(github_escape_data("%0A") == "%250A");  // already-escaped text stays text
    CHECK(unescape(github_escape_property("a:b,c%0A\nd")) == "a:b,c%0A\nd");
}

TEST_CASE("annotations: errors for verdicts, warnings and notices for findings", "[report_github]") {
    const std::vector<std::string> lines = lines_of(run_report_to_github_annotations(test::mixed_report()));
    REQUIRE(lines.size() == 6);
    CHECK(lines[0] == "::notice file=docs/a.md,line=4,endLine=4,title=snipcheck unused-import::'os' imported but unused");
    CHECK(lines[1].rfind("::error file=docs/a.md,line=14,endLine=14,title=snipcheck fail%3A python snippet%2C lines 12-14::"
                         "fail: 1 of 1 expectation did not hold%0Aline 14: expected:%0A11%0Aactual:%0A12%0Adiff:",
                         0) == 0);
    CHECK(lines[2].rfind("::error file=docs/b.md,line=6,endLine=6,", 0) == 0);
    CHECK(lines[3].rfind("::error file=docs/b.md,line=40,endLine=42,", 0) == 0);
    CHECK(lines[4].rfind("::warning file=docs/b.md,line=61,endLine=61,title=snipcheck SC2086::", 0) == 0);
    for (const std::string& line : lines) {
        CHECK(line.rfind("::", 0) == 0);
    }
}

TEST_CASE("a hostile message stays on its one command line", "[report_github]") {
    RunReport report = test::hostile_report();
    report.snippets[0].verdict.message = "x\n::add-mask::secret\r\n::error file=evil,line=1::forged";
    report.snippets[0].snippet.file = "docs/a,line=1:b.md";
    const std::vector<std::string> lines = lines_of(run_report_to_github_annotations(report));
    // The verdict, the finding, the document error: nothing more.
    REQUIRE(lines.size() == 3);
    for (const std::string& line : lines) {
        CHECK(line.find('\r') == std::string::npos);
    }
    CHECK(lines[0].rfind("::error file=docs/a%2Cline=1%3Ab.md,line=3,endLine=3,", 0) == 0);
    CHECK(lines[0].find("x%0A::add-mask::secret%0D%0A::error") != std::string::npos);
}

TEST_CASE("the step summary has a totals table and links to the failing lines", "[report_github]") {
    const GithubContext context{"https://github.com", "owner/repo", "abc123"};
    const std::string summary = run_report_to_github_summary(test::mixed_report(), context);
    CHECK(summary.rfind("## snipcheck: 3 of 6 snippets need attention\n", 0) == 0);
    CHECK(summary.find("| total | pass | fail | error | timeout | skip | seconds |") != std::string::npos);
    CHECK(summary.find("| 6 | 2 | 1 | 1 | 1 | 1 | 1.25 |") != std::string::npos);
    CHECK(summary.find("- **fail** [docs/a.md:14](https://github.com/owner/repo/blob/abc123/docs/a.md#L14): "
                       "1 of 1 expectation did not hold") != std::string::npos);
    CHECK(summary.find("(https://github.com/owner/repo/blob/abc123/docs/b.md#L40-L42)") != std::string::npos);
    // Without a context: plain file:line.
    const std::string plain = run_report_to_github_summary(test::mixed_report(), {});
    CHECK(plain.find("- **error** docs/b.md:6: ValueError: bad value") != std::string::npos);
    CHECK(plain.find("](") == std::string::npos);
}

TEST_CASE("the step summary escapes Markdown and HTML from documents", "[report_github]") {
    const std::string summary = run_report_to_github_summary(test::hostile_report(), {"https://github.com", "o/r", "s"});
    // Every character that could open a tag or an entity is escaped.
    for (std::size_t at = summary.find_first_of("<>&"); at != std::string::npos; at = summary.find_first_of("<>&", at + 1)) {
        INFO(summary.substr(at > 20 ? at - 20 : 0, 40));
        CHECK(summary[at - 1] == '\\');
    }
    CHECK(summary.find("\\<script\\>") != std::string::npos);
    CHECK(run_report_to_github_summary(RunReport{}, {}).rfind("## snipcheck: all 0 snippets hold", 0) == 0);
    RunReport report = test::mixed_report();
    report.snippets[1].verdict.message = "a | b $x$ @user [l](u) *e* `c`\nnext";
    CHECK(run_report_to_github_summary(report, {}).find("a \\| b \\$x\\$ \\@user \\[l\\]\\(u\\) \\*e\\* \\`c\\` next\n") !=
          std::string::npos);
}

TEST_CASE("the step summary is appended to, never replaced", "[report_github]") {
    char name[] = "/tmp/snipcheck-summary-XXXXXX";
    const int fd = ::mkstemp(name);
    REQUIRE(fd >= 0);
    ::close(fd);
    std::ofstream(name) << "earlier step\n";
    CHECK(append_github_summary(name, "## one\n").empty());
    CHECK(append_github_summary(name, "## two\n").empty());
    std::ifstream in(name);
    std::stringstream text;
    text << in.rdbuf();
    std::remove(name);
    CHECK(text.str() == "earlier step\n## one\n## two\n");
    CHECK_FALSE(append_github_summary("/no/such/folder/summary.md", "x").empty());
}

TEST_CASE("stop-commands brackets carry the token", "[report_github]") {
    CHECK(github_stop_commands("tok") == "::stop-commands::tok\n");
    CHECK(github_resume_commands("tok") == "::tok::\n");
}
