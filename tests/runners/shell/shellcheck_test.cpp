#include "runners/shell/shellcheck.hpp"

#include <cstdlib>
#include <string>

#include <catch2/catch.hpp>

#include "runners/tool_process.hpp"

using namespace snipcheck;
using namespace snipcheck::runners::shell;

namespace {

// shellcheck is a dependency the install script provides; without it these
// tests say so instead of failing on a machine set up by hand.
bool shellcheck_installed() {
    if (runners::find_program("shellcheck").empty()) {
        WARN("shellcheck is not installed: its tests did not run");
        return false;
    }
    return true;
}

}  // namespace

TEST_CASE("shellcheck finds an unquoted variable in a bash script, at its script line") {
    if (!shellcheck_installed()) {
        return;
    }
    ShellcheckOptions options;
    options.dialect = ShellDialect::bash;
    const ShellcheckFindings findings = run_shellcheck("set -e\nname=\"a b\"\n[[ -n $name ]] && echo $name\n", options);
    REQUIRE(findings);
    REQUIRE(findings->size() == 1);
    CHECK(findings->front().line == 3);
    CHECK(findings->front().rule == "SC2086");
    CHECK(findings->front().severity == Severity::note);
    CHECK(findings->front().message == "Double quote to prevent globbing and word splitting.");
}

TEST_CASE("shellcheck is silent on a clean script and judges by dialect") {
    if (!shellcheck_installed()) {
        return;
    }
    const std::string script = "name=world\nif [[ $name == w* ]]; then echo \"hello $name\"; fi\n";
    ShellcheckOptions bash;
    bash.dialect = ShellDialect::bash;
    const ShellcheckFindings clean = run_shellcheck(script, bash);
    REQUIRE(clean);
    CHECK(clean->empty());
    ShellcheckOptions posix;
    posix.dialect = ShellDialect::sh;
    const ShellcheckFindings flagged = run_shellcheck(script, posix);
    REQUIRE(flagged);
    REQUIRE_FALSE(flagged->empty());
    CHECK(flagged->front().rule == "SC3010");  // [[ ]] is not POSIX
    CHECK(flagged->front().severity == Severity::warning);
}

TEST_CASE("shellcheck reports syntax errors as errors and honours excluded codes") {
    if (!shellcheck_installed()) {
        return;
    }
    ShellcheckOptions options;
    const ShellcheckFindings broken = run_shellcheck("if true; then\n  echo x\n", options);
    REQUIRE(broken);
    REQUIRE_FALSE(broken->empty());
    CHECK(broken->front().severity == Severity::error);
    options.excluded_codes = {2154};
    const ShellcheckFindings excluded = run_shellcheck("echo \"$undefined_here\"\n", options);
    REQUIRE(excluded);
    CHECK(excluded->empty());
}

TEST_CASE("run_shellcheck_all keeps each script's findings apart") {
    if (!shellcheck_installed()) {
        return;
    }
    const auto all = run_shellcheck_all({"echo ok\n", "x=1\necho $1\n", "cd /tmp || exit 1\n"}, ShellcheckOptions{});
    REQUIRE(all);
    REQUIRE(all->size() == 3);
    CHECK((*all)[0].empty());
    REQUIRE((*all)[1].size() == 2);  // x unused (SC2034) and $1 unquoted (SC2086)
    CHECK((*all)[1][1].line == 2);
    CHECK((*all)[2].empty());
}

TEST_CASE("shellcheck that is not installed is an error, not an empty result") {
    const char* saved = std::getenv("PATH");
    const std::string path = saved != nullptr ? saved : "";
    ::setenv("PATH", "/snipcheck-nowhere", 1);
    const bool hidden = runners::find_program("shellcheck").empty();  // sbin is searched regardless of PATH
    const ShellcheckFindings findings = run_shellcheck("echo $1\n", ShellcheckOptions{});
    ::setenv("PATH", path.c_str(), 1);
    if (!hidden) {
        WARN("shellcheck lives in sbin: cannot hide it");
        return;
    }
    REQUIRE_FALSE(findings);
    CHECK(findings.error() == "shellcheck is not installed");
}

TEST_CASE("parse_shellcheck_report reads comments and refuses other text") {
    const auto report = parse_shellcheck_report(
        R"({"comments":[{"file":"a.sh","line":4,"endLine":4,"column":1,"endColumn":2,"level":"style","code":2006,)"
        R"("message":"Use $(...) notation instead of legacy backticks `...`.","fix":null}]})");
    REQUIRE(report);
    REQUIRE(report->at("a.sh").size() == 1);
    CHECK(report->at("a.sh")[0].line == 4);
    CHECK(report->at("a.sh")[0].rule == "SC2006");
    CHECK(report->at("a.sh")[0].severity == Severity::note);
    CHECK_FALSE(parse_shellcheck_report("In a.sh line 1: oops"));
    CHECK_FALSE(parse_shellcheck_report(R"({"comments":[{"file":"a.sh"}]})"));
}
