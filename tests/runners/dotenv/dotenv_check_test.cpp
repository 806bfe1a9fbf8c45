#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "runners/dotenv/dotenv_check.hpp"
#include "tests/extractor/test_documents.hpp"
#include "tests/runners/run_output_checks.hpp"

using namespace snipcheck;
using runners::dotenv::dotenv_findings;

namespace {

// The rules of the findings, in order, as "rule@line".
std::vector<std::string> rules_of(const std::vector<Finding>& findings) {
    std::vector<std::string> rules;
    for (const Finding& finding : findings) {
        rules.push_back(finding.rule + "@" + std::to_string(finding.line));
    }
    return rules;
}

}  // namespace

TEST_CASE("dotenv: blank lines, comments, export and every kind of value are fine", "[dotenv]") {
    const std::string code =
        "# Settings\n"
        "\n"
        "SECRET_KEY=change-me\n"
        "export DATABASE_URL=postgres://u:p@localhost/db\n"
        "  INDENTED=1\n"
        "EMPTY=\n"
        "_PRIVATE=x # a comment after the value\n"
        "GREETING='hello world'\n"
        "MOTTO=\"say \\\"hi\\\"\\n\"  # quoted, with escapes\n"
        "URL=http://example.com/#anchor\n"
        "KEY2=a=b\n";
    CHECK(dotenv_findings(code).empty());
}

TEST_CASE("dotenv: a line without = and a bad key are errors at their lines", "[dotenv]") {
    const std::vector<Finding> findings = dotenv_findings("A=1\nJUST_A_WORD\nMY-KEY=2\n1ST=3\n=4\n");
    CHECK(rules_of(findings) ==
          std::vector<std::string>{"dotenv-syntax@2", "dotenv-key@3", "dotenv-key@4", "dotenv-key@5"});
    for (const Finding& finding : findings) {
        CHECK(finding.severity == Severity::error);
    }
    CHECK(findings[0].message.find("'JUST_A_WORD' is not KEY=VALUE") == 0);
}

TEST_CASE("dotenv: unbalanced quotes are errors where the value opens", "[dotenv]") {
    CHECK(rules_of(dotenv_findings("A=1\nB=\"open\nC=3\n")) == std::vector<std::string>{"dotenv-quote@2"});
    CHECK(rules_of(dotenv_findings("A='it\\'s'\nB='open\n")) == std::vector<std::string>{"dotenv-quote@2"});
    CHECK(rules_of(dotenv_findings("A=\"x\" y\n")) == std::vector<std::string>{"dotenv-syntax@1"});
}

TEST_CASE("dotenv: a quoted value may span lines", "[dotenv]") {
    const std::vector<Finding> findings = dotenv_findings("KEY=\"-----BEGIN-----\nabc\n-----END-----\"\nNEXT=1\nBAD\n");
    CHECK(rules_of(findings) == std::vector<std::string>{"dotenv-syntax@5"});
}

TEST_CASE("dotenv: spaces around =, a key set twice and a stray quote are warnings", "[dotenv]") {
    const std::vector<Finding> findings = dotenv_findings("DEBUG = 1\nNAME=a\nNAME=b\nTEXT=it's\n");
    CHECK(rules_of(findings) ==
          std::vector<std::string>{"dotenv-spaces@1", "dotenv-duplicate-key@3", "dotenv-quote@4"});
    for (const Finding& finding : findings) {
        CHECK(finding.severity == Severity::warning);
    }
    CHECK(findings[1].message == "NAME is set again (first at line 2); the last value wins");
}

TEST_CASE("check_dotenv: findings at document lines, an error fails the snippet", "[dotenv]") {
    const RunOutput good = runners::dotenv::check_dotenv(test::only_snippet("Text.\n\n```env\nA=1\nB = 2\n```\n"));
    CHECK(good.end == RunEnd::completed);
    CHECK(good.static_check);
    CHECK(test::has_finding(good, "dotenv-spaces", 5));

    const RunOutput bad = runners::dotenv::check_dotenv(test::only_snippet("```python\n# .env\nA=1\nnot a setting\n```\n"));
    CHECK(bad.end == RunEnd::raised);
    CHECK(bad.exception_type == "invalid .env");
    CHECK(bad.exception_line == 4);
    CHECK(test::has_finding(bad, "dotenv-syntax", 4));
}
