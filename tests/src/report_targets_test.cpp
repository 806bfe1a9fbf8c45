#include "src/report_targets.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace snipcheck;

namespace {

// "term>-" for standard output, "json>report.json", "json>snipcheck-report.json!" when announced.
std::vector<std::string> plan(const std::string& spec, const std::string& output = {}, bool github_actions = false) {
    auto targets = plan_reports(spec, output, github_actions);
    REQUIRE(targets.has_value());
    std::vector<std::string> shown;
    for (const ReportTarget& target : *targets) {
        shown.push_back(std::string(report_format_name(target.format)) + ">" +
                        (target.path.empty() ? "-" : target.path) + (target.announce ? "!" : ""));
    }
    return shown;
}

std::string refusal(const std::string& spec, const std::string& output = {}) {
    auto targets = plan_reports(spec, output, false);
    REQUIRE_FALSE(targets.has_value());
    return targets.error();
}

using Plan = std::vector<std::string>;

}  // namespace

TEST_CASE("one format goes to standard output or --output", "[report_targets]") {
    CHECK(plan("json") == Plan{"json>-"});
    CHECK(plan("sarif", "out.sarif") == Plan{"sarif>out.sarif"});
    CHECK(plan("html=report.html") == Plan{"html>report.html"});
}

TEST_CASE("no --format: term, plus github annotations under GitHub Actions", "[report_targets]") {
    CHECK(plan("") == Plan{"term>-"});
    CHECK(plan("", {}, true) == Plan{"term>-", "github>-"});
    CHECK(plan("", "report.txt", true) == Plan{"term>report.txt", "github>-"});
    // An explicit --format is taken as written, also under GitHub Actions.
    CHECK(plan("json", {}, true) == Plan{"json>-"});
}

TEST_CASE("term,json: the first goes to standard output, the next to snipcheck-report.EXT", "[report_targets]") {
    CHECK(plan("term,json") == Plan{"term>-", "json>snipcheck-report.json!"});
    CHECK(plan("term,json,junit,sarif,html") ==
          Plan{"term>-", "json>snipcheck-report.json!", "junit>snipcheck-report.xml!", "sarif>snipcheck-report.sarif!",
               "html>snipcheck-report.html!"});
    CHECK(plan("json,term", "out.json") == Plan{"json>out.json", "term>snipcheck-report.txt!"});
}

TEST_CASE("FMT=PATH puts a report in its own file, - claims standard output", "[report_targets]") {
    CHECK(plan("term,json=report.json,html=report.html") == Plan{"term>-", "json>report.json", "html>report.html"});
    CHECK(plan("json=a.json,term") == Plan{"json>a.json", "term>-"});
    CHECK(plan("term,json=-") == Plan{"term>snipcheck-report.txt!", "json>-"});
    CHECK(plan("term,json=-", "x.json") == Plan{"term>snipcheck-report.txt!", "json>x.json"});
}

TEST_CASE("github annotations share standard output with the term report only", "[report_targets]") {
    CHECK(plan("term,github") == Plan{"term>-", "github>-"});
    CHECK(plan("github,json=r.json") == Plan{"github>-", "json>r.json"});
    CHECK(plan("github,json", "r.json") == Plan{"github>-", "json>r.json"});
    CHECK(plan("github=annotations.txt,json") == Plan{"github>annotations.txt", "json>-"});
    CHECK(refusal("json,github") ==
          "--format: github annotations go to standard output, where the json report would go too; "
          "write it to a file (json=PATH, or --output FILE)");
}

TEST_CASE("two reports in one place are refused, naming both", "[report_targets]") {
    CHECK(refusal("term=-,json=-") ==
          "--format: term and json both go to standard output; give one of them its own file (json=PATH)");
    CHECK(refusal("json=r.out,html=r.out") ==
          "--format: json and html both go to r.out; give one of them its own file (html=PATH)");
    CHECK(refusal("term,json,json") ==
          "--format: json and json both go to snipcheck-report.json; give one of them its own file (json=PATH)");
    CHECK(refusal("json=-,term=-", "r.json").find("both go to r.json") != std::string::npos);
    CHECK(refusal("github,github").find("github and github both go to standard output") != std::string::npos);
}

TEST_CASE("a malformed --format is refused with the reason", "[report_targets]") {
    CHECK(refusal("xml") == "--format: unknown format 'xml' (known: term, json, junit, sarif, github, html)");
    CHECK(refusal("term,,json") == "--format: an empty item in the list (write term,json)");
    CHECK(refusal("term,") == "--format: an empty item in the list (write term,json)");
    CHECK(refusal("json=") == "--format: json= needs a file name (or - for standard output)");
    CHECK(refusal("json=a.json", "out.txt") == "--output out.txt: every format in --format names its own file");
}
