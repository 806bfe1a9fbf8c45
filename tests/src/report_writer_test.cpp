#include "src/report_writer.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/src/report_fixtures.hpp"
#include "tests/temp_folder.hpp"

using namespace snipcheck;
namespace fs = std::filesystem;

namespace {

using snipcheck::test::content_of;
using snipcheck::test::TempFolder;

}  // namespace

TEST_CASE("each report goes to its place, a chosen file name is announced", "[report_writer]") {
    TempFolder folder;
    const std::string json_path = (folder.path / "r.json").string();
    const std::string html_path = (folder.path / "snipcheck-report.html").string();
    const std::vector<ReportTarget> targets = {
        {ReportFormat::term, {}, false}, {ReportFormat::json, json_path, false}, {ReportFormat::html, html_path, true}};
    std::ostringstream out;
    std::ostringstream err;
    CHECK(write_reports(test::mixed_report(), targets, {}, out, err).empty());
    CHECK(out.str().find("6 snippets: 2 pass, 1 fail, 1 error, 1 timeout, 1 skip") != std::string::npos);
    CHECK(nlohmann::json::parse(content_of(json_path))["summary"]["fail"] == 1);
    CHECK(content_of(html_path).rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(err.str() == "snipcheck: wrote the html report to " + html_path + "\n");
}

TEST_CASE("annotations come first, the term report bracketed by stop-commands", "[report_writer]") {
    TempFolder folder;
    const std::string summary_path = (folder.path / "summary.md").string();
    ReportSettings settings;
    settings.stop_token = "t0k3n";
    settings.step_summary_path = summary_path;
    std::ostringstream out;
    std::ostringstream err;
    const std::vector<ReportTarget> targets = {{ReportFormat::term, {}, false}, {ReportFormat::github, {}, false}};
    CHECK(write_reports(test::mixed_report(), targets, settings, out, err).empty());
    const std::string text = out.str();
    CHECK(text.rfind("::notice file=docs/a.md,line=4,", 0) == 0);
    const std::size_t stop = text.find("\n::stop-commands::t0k3n\n");
    const std::size_t term = text.find("docs/a.md  (2 snippets");
    const std::size_t resume = text.find("\n::t0k3n::\n");
    REQUIRE(stop != std::string::npos);
    REQUIRE(term != std::string::npos);
    REQUIRE(resume != std::string::npos);
    CHECK(stop < term);
    CHECK(term < resume);
    CHECK(text.size() == resume + std::string("\n::t0k3n::\n").size());
    CHECK(content_of(summary_path).rfind("## snipcheck: 3 of 6 snippets need attention", 0) == 0);
}

TEST_CASE("a random stop token differs from run to run", "[report_writer]") {
    const std::vector<ReportTarget> targets = {{ReportFormat::term, {}, false}, {ReportFormat::github, {}, false}};
    std::ostringstream first;
    std::ostringstream second;
    std::ostringstream err;
    write_reports(RunReport{}, targets, {}, first, err);
    write_reports(RunReport{}, targets, {}, second, err);
    const std::string a = first.str().substr(0, first.str().find('\n'));
    const std::string b = second.str().substr(0, second.str().find('\n'));
    CHECK(a.rfind("::stop-commands::snipcheck-", 0) == 0);
    CHECK(a.size() >= std::string("::stop-commands::snipcheck-").size() + 32);
    CHECK(a != b);
}

TEST_CASE("without a github report no summary is written", "[report_writer]") {
    TempFolder folder;
    ReportSettings settings;
    settings.step_summary_path = (folder.path / "summary.md").string();
    std::ostringstream out;
    std::ostringstream err;
    CHECK(write_reports(test::mixed_report(), {{ReportFormat::json, {}, false}}, settings, out, err).empty());
    CHECK_FALSE(fs::exists(settings.step_summary_path));
    CHECK(out.str().find("::") == std::string::npos);
}

TEST_CASE("a report that cannot be written is a failure, the others are still written", "[report_writer]") {
    TempFolder folder;
    const std::string json_path = (folder.path / "r.json").string();
    std::ostringstream out;
    std::ostringstream err;
    const std::string failure = write_reports(
        test::mixed_report(),
        {{ReportFormat::html, "/no/such/folder/r.html", false}, {ReportFormat::json, json_path, false}}, {}, out, err);
    CHECK(failure.find("/no/such/folder/r.html") != std::string::npos);
    CHECK(failure.find('\n') == std::string::npos);
    CHECK(fs::exists(json_path));
}
