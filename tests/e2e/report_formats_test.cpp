// End to end: `snipcheck run --format` with several formats in one run,
// SARIF and JUnit from a real run (JUnit read by a real XML parser), and the
// GitHub Actions defaults.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/e2e/run_binary.hpp"
#include "tests/e2e/shell_command.hpp"
#include "tests/src/sarif_structure.hpp"
#include "tests/temp_folder.hpp"

namespace {

using snipcheck::test::content_of;
using snipcheck::test::TempFolder;

using nlohmann::json;
using snipcheck::test::run_shell;
using snipcheck::test::run_snipcheck;
namespace fs = std::filesystem;

// Python's xml.etree parses the JUnit file and checks its structure: a
// <testsuites> root whose counts are the sums of its suites', each suite's
// counts those of its <testcase> children. Prints the totals as JSON.
constexpr const char* k_junit_check = R"py(
import json, sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites", root.tag
totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
for suite in root:
    assert suite.tag == "testsuite", suite.tag
    assert suite.get("name"), "a suite without a name"
    cases = [case for case in suite if case.tag == "testcase"]
    assert len(cases) == len(list(suite)), "only testcase elements in a suite"
    seen = {"tests": len(cases), "failures": 0, "errors": 0, "skipped": 0}
    for case in cases:
        assert case.get("classname") and case.get("name"), "testcase without classname or name"
        float(case.get("time"))
        outcomes = [child.tag for child in case if child.tag in ("failure", "error", "skipped")]
        assert len(outcomes) <= 1, outcomes
        for tag, key in (("failure", "failures"), ("error", "errors"), ("skipped", "skipped")):
            seen[key] += outcomes.count(tag)
    for key, value in seen.items():
        assert int(suite.get(key)) == value, (suite.get("name"), key, suite.get(key), value)
        totals[key] += value
for key, value in totals.items():
    assert int(root.get(key)) == value, (key, root.get(key), value)
print(json.dumps(totals))
)py";

}  // namespace

TEST_CASE("several formats in one run: term on stdout, each other report in its file", "[e2e][formats]") {
    TempFolder folder;
    const auto run = run_snipcheck("run tests/data/e2e/run_mixed.md --timeout 1 --format term,json=" +
                                   folder.file("r.json") + ",sarif=" + folder.file("r.sarif") + ",junit=" +
                                   folder.file("r.xml") + ",html=" + folder.file("r.html"));
    CHECK(run.status == 1);
    CHECK(run.out.find("5 snippets: 1 pass, 1 fail, 1 error, 1 timeout, 1 skip in") != std::string::npos);
    const json report = json::parse(content_of(folder.file("r.json")));
    const json& summary = report["summary"];
    CHECK(summary["total"] == 5);

    // SARIF: the required structure, and one result per fail, error and timeout at its line.
    const json sarif = json::parse(content_of(folder.file("r.sarif")));
    snipcheck::test::check_sarif_structure(sarif);
    int verdicts = 0;
    for (const json& result : sarif["runs"][0]["results"]) {
        const std::string rule = result["ruleId"];
        if (rule.rfind("snipcheck/", 0) == 0) {
            ++verdicts;
            CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
                  "tests/data/e2e/run_mixed.md");
        }
        if (rule == "snipcheck/fail") {
            CHECK(result["locations"][0]["physicalLocation"]["region"]["startLine"] == 15);
        }
        if (rule == "snipcheck/error") {
            CHECK(result["locations"][0]["physicalLocation"]["region"]["startLine"] == 21);
        }
    }
    CHECK(verdicts == summary["fail"].get<int>() + summary["error"].get<int>() + summary["timeout"].get<int>());

    // JUnit: parsed by a real XML parser, its counts those of the JSON report.
    std::ofstream(folder.file("check_junit.py")) << k_junit_check;
    const auto parsed = run_shell("/usr/bin/python3 '" + folder.file("check_junit.py") + "' '" + folder.file("r.xml") + "' 2>&1");
    INFO(parsed.out);
    REQUIRE(parsed.status == 0);
    const json junit = json::parse(parsed.out);
    CHECK(junit["tests"] == summary["total"]);
    CHECK(junit["failures"] == summary["fail"]);
    CHECK(junit["errors"] == summary["error"].get<int>() + summary["timeout"].get<int>());
    CHECK(junit["skipped"] == summary["skip"]);

    const std::string html = content_of(folder.file("r.html"));
    CHECK(html.find("id=\"total-all\">5<") != std::string::npos);
}

TEST_CASE("term,json: the second report goes to snipcheck-report.json, announced", "[e2e][formats]") {
    TempFolder folder;
    const auto run = run_shell("cd '" + folder.path.string() + "' && env -u GITHUB_ACTIONS -u GITHUB_STEP_SUMMARY '" + SNIPCHECK_BINARY + "' run '" +
                               SNIPCHECK_SOURCE_DIR + "/tests/data/e2e/other_languages.md' --format term,json 2>&1");
    CHECK(run.status == 1);
    CHECK(run.out.find("snipcheck: wrote the json report to snipcheck-report.json\n") != std::string::npos);
    CHECK(run.out.find("5 snippets: 1 pass, 1 fail, 3 error") != std::string::npos);
    const json report = json::parse(content_of(folder.file("snipcheck-report.json")));
    CHECK(report["summary"]["total"] == 5);
}

TEST_CASE("two reports on standard output are a usage error naming both", "[e2e][formats]") {
    const auto both = run_snipcheck("run examples --format term=-,json=-", true);
    CHECK(both.status == 2);
    CHECK(both.out.find("snipcheck: error: --format: term and json both go to standard output") != std::string::npos);
    const auto github = run_snipcheck("run examples --format json,github", true);
    CHECK(github.status == 2);
    CHECK(github.out.find("github annotations go to standard output, where the json report would go too") !=
          std::string::npos);
    CHECK(run_snipcheck("run examples --format xml").status == 2);
    CHECK(run_snipcheck("run examples --format json=").status == 2);
}

TEST_CASE("under GitHub Actions: annotations, the term report, and the step summary", "[e2e][formats]") {
    TempFolder folder;
    const std::string summary_path = folder.file("summary.md");
    const std::string environment = "GITHUB_ACTIONS=true GITHUB_STEP_SUMMARY='" + summary_path +
                                    "' GITHUB_SERVER_URL=https://github.com GITHUB_REPOSITORY=owner/repo "
                                    "GITHUB_SHA=0123abc";
    const auto run = run_snipcheck("run tests/data/e2e/run_mixed.md --timeout 1", false, environment);
    CHECK(run.status == 1);
    CHECK(run.out.rfind("::error file=tests/data/e2e/run_mixed.md,line=15,endLine=15,title=snipcheck fail%3A", 0) == 0);
    CHECK(run.out.find("::error file=tests/data/e2e/run_mixed.md,line=21,endLine=21,") != std::string::npos);
    CHECK(run.out.find("::error file=tests/data/e2e/run_mixed.md,line=27,endLine=28,") != std::string::npos);
    // The term report follows, with the runner's command reading stopped around it.
    const std::size_t stop = run.out.find("::stop-commands::snipcheck-");
    const std::size_t term = run.out.find("tests/data/e2e/run_mixed.md:15: fail:");
    REQUIRE(stop != std::string::npos);
    REQUIRE(term != std::string::npos);
    CHECK(stop < term);
    const std::string token = run.out.substr(stop + 17, run.out.find('\n', stop) - stop - 17);
    CHECK(run.out.find("\n::" + token + "::\n") != std::string::npos);
    const std::string summary = content_of(summary_path);
    CHECK(summary.rfind("## snipcheck: 3 of 5 snippets need attention", 0) == 0);
    CHECK(summary.find("| 5 | 1 | 1 | 1 | 1 | 1 |") != std::string::npos);
    CHECK(summary.find("(https://github.com/owner/repo/blob/0123abc/tests/data/e2e/run_mixed.md#L15)") !=
          std::string::npos);
    // An explicit --format is taken as written: no annotations.
    const auto json_run = run_snipcheck("run tests/data/e2e/run_mixed.md --timeout 1 --format json", false, environment);
    CHECK(json::parse(json_run.out)["summary"]["total"] == 5);
}

TEST_CASE("SARIF to --output from a document with findings keeps the structure", "[e2e][formats]") {
    TempFolder folder;
    const auto run = run_snipcheck("run tests/data/e2e/other_languages.md --format sarif --output " + folder.file("o.sarif"));
    CHECK(run.status == 1);
    CHECK(run.out.empty());
    const json sarif = json::parse(content_of(folder.file("o.sarif")));
    snipcheck::test::check_sarif_structure(sarif);
    bool shellcheck = false;
    for (const json& result : sarif["runs"][0]["results"]) {
        shellcheck = shellcheck || (result["ruleId"] == "SC2086" && result["level"] == "note" &&
                                    result["locations"][0]["physicalLocation"]["region"]["startLine"] == 48);
    }
    CHECK(shellcheck);
}
