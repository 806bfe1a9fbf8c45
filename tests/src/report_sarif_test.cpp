#include "src/report_sarif.hpp"

#include <catch2/catch.hpp>

#include <string>

#include "tests/src/report_fixtures.hpp"
#include "tests/src/sarif_structure.hpp"

using namespace snipcheck;
using nlohmann::json;

namespace {

const json* result_of(const json& log, const std::string& rule, int line) {
    for (const json& result : log["runs"][0]["results"]) {
        if (result["ruleId"] == rule &&
            result["locations"][0]["physicalLocation"]["region"]["startLine"] == line) {
            return &result;
        }
    }
    return nullptr;
}

}  // namespace

TEST_CASE("a SARIF log has every property SARIF 2.1.0 requires", "[report_sarif]") {
    const json log = run_report_to_sarif(test::mixed_report());
    test::check_sarif_structure(log);
    // fail, error, timeout, the note and two shellcheck warnings; no result for passes and skips.
    CHECK(log["runs"][0]["results"].size() == 6);
}

TEST_CASE("each verdict is a result at the line that shows it", "[report_sarif]") {
    const json log = run_report_to_sarif(test::mixed_report());
    const json* fail = result_of(log, "snipcheck/fail", 14);
    REQUIRE(fail != nullptr);
    CHECK((*fail)["level"] == "error");
    CHECK((*fail)["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/a.md");
    const std::string text = (*fail)["message"]["text"];
    CHECK(text.rfind("fail: 1 of 1 expectation did not hold", 0) == 0);
    CHECK(text.find("expected:\n11") != std::string::npos);
    CHECK(text.find("actual:\n12") != std::string::npos);
    const json* error = result_of(log, "snipcheck/error", 6);
    REQUIRE(error != nullptr);
    CHECK((*error)["message"]["text"].get<std::string>().find("Traceback") != std::string::npos);
    // No line is known for a timeout: the snippet's range.
    const json* timeout = result_of(log, "snipcheck/timeout", 40);
    REQUIRE(timeout != nullptr);
    CHECK((*timeout)["locations"][0]["physicalLocation"]["region"]["endLine"] == 42);
    CHECK((*timeout)["properties"]["snippetId"] == "id40");
}

TEST_CASE("findings are results with their own rules and levels", "[report_sarif]") {
    const json log = run_report_to_sarif(test::mixed_report());
    const json* note = result_of(log, "unused-import", 4);
    REQUIRE(note != nullptr);
    CHECK((*note)["level"] == "note");
    const json* warning = result_of(log, "SC2086", 61);
    REQUIRE(warning != nullptr);
    CHECK((*warning)["level"] == "warning");
    const json& rule = log["runs"][0]["tool"]["driver"]["rules"][(*warning)["ruleIndex"].get<std::size_t>()];
    CHECK(rule["helpUri"] == "https://www.shellcheck.net/wiki/SC2086");
    // Three verdict rules, then one per finding rule: SC2086 appears once though reported twice.
    CHECK(log["runs"][0]["tool"]["driver"]["rules"].size() == 5);
}

TEST_CASE("fingerprints follow the snippet id, not its place in the document", "[report_sarif]") {
    RunReport before = test::mixed_report();
    RunReport after = test::mixed_report();
    // Lines added above every snippet: ids stay, lines move.
    for (SnippetReport& item : after.snippets) {
        item.snippet.start_line += 10;
        item.snippet.end_line += 10;
        for (ExpectationResult& expectation : item.verdict.expectations) {
            expectation.line += 10;
        }
        for (Finding& finding : item.run.findings) {
            finding.line += 10;
        }
        item.run.exception_line += item.run.exception_line > 0 ? 10 : 0;
    }
    const json a = run_report_to_sarif(before)["runs"][0]["results"];
    const json b = run_report_to_sarif(after)["runs"][0]["results"];
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i]["partialFingerprints"] == b[i]["partialFingerprints"]);
        CHECK(a[i]["locations"] != b[i]["locations"]);
    }
}

TEST_CASE("document errors and sandbox gaps are notifications, an empty run a valid log", "[report_sarif]") {
    RunReport report;
    report.document_errors.push_back("docs/missing.md: error: no such file or folder");
    report.sandbox.missing.push_back("landlock: not supported by this kernel");
    const json log = run_report_to_sarif(report);
    test::check_sarif_structure(log);
    CHECK(log["runs"][0]["results"].empty());
    const json& notifications = log["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    REQUIRE(notifications.size() == 2);
    CHECK(notifications[0]["level"] == "error");
    CHECK(notifications[1]["level"] == "warning");
}

TEST_CASE("hostile text and invalid UTF-8 still make a well-formed log", "[report_sarif]") {
    RunReport report = test::hostile_report();
    report.snippets[0].verdict.message += "\xFF\xFE broken";
    report.snippets[0].snippet.file = "./docs/a b\xC3\xA9.md";
    const std::string text = dump_run_report_sarif(report);
    const json log = json::parse(text);
    test::check_sarif_structure(log);
    const json& uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    CHECK(uri == "docs/a%20b%C3%A9.md");
}

TEST_CASE("absolute paths are file URIs without a base", "[report_sarif]") {
    RunReport report = test::mixed_report();
    report.snippets[1].snippet.file = "/work/docs/a.md";
    const json log = run_report_to_sarif(report);
    const json* fail = result_of(log, "snipcheck/fail", 14);
    REQUIRE(fail != nullptr);
    const json& artifact = (*fail)["locations"][0]["physicalLocation"]["artifactLocation"];
    CHECK(artifact["uri"] == "file:///work/docs/a.md");
    CHECK_FALSE(artifact.contains("uriBaseId"));
}
