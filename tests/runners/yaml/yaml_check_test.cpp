#include <catch2/catch.hpp>

#include "extractor/extractor.hpp"
#include "runners/yaml/yaml_check.hpp"
#include "tests/extractor/test_documents.hpp"
#include "tests/runners/run_output_checks.hpp"

using namespace snipcheck;

TEST_CASE("check_yaml: valid YAML passes, a syntax error is at its document line") {
    const RunOutput good = runners::yaml::check_yaml(test::only_snippet("```yaml\nname: demo\nitems:\n  - a\n  - b\n```\n"));
    CHECK(good.end == RunEnd::completed);
    CHECK(good.static_check);
    const RunOutput bad = runners::yaml::check_yaml(test::only_snippet("Text.\n\n```yaml\nname: demo\nitems: [a, b\nother: 1\n```\n"));
    CHECK(bad.end == RunEnd::raised);
    CHECK(bad.exception_type == "YAML error");
    CHECK(bad.exception_line >= 5);
}

TEST_CASE("check_yaml: JSON with comments tagged yaml is an error that says so") {
    const RunOutput output = runners::yaml::check_yaml(
        test::only_snippet("```yaml\n# first\n{\n  \"a\": 1\n}\n\n# second\n{\n  \"b\": 2\n}\n```\n"));
    REQUIRE(output.end == RunEnd::raised);
    CHECK(output.exception_message.find("JSON with comments") != std::string::npos);
    CHECK(output.exception_line == 8);
}

TEST_CASE("check_yaml: a docker-compose file is checked for what compose requires") {
    const RunOutput output = runners::yaml::check_yaml(test::only_snippet(
        "```yaml\nservices:\n  web:\n    build: .\n    depends_on:\n      - db\n    volumes:\n      - data:/var/lib/x\n"
        "    ports:\n      - \"8000:8000\"\n      - \"eighty\"\n  worker:\n    command: run\n```\n"));
    CHECK(output.end == RunEnd::raised);
    CHECK(test::has_finding(output, "compose-depends-on", 6));
    CHECK(test::has_finding(output, "compose-undeclared-volume", 8));
    CHECK(test::has_finding(output, "compose-ports", 11));
    CHECK(test::has_finding(output, "compose-no-image", 12));
    const RunOutput fine = runners::yaml::check_yaml(test::only_snippet(
        "```yaml\nservices:\n  web:\n    image: nginx:1.25\n    volumes:\n      - data:/data\n      - ./conf:/etc/x\n"
        "volumes:\n  data:\n```\n"));
    CHECK(fine.end == RunEnd::completed);
    CHECK(fine.findings.empty());
}

TEST_CASE("check_yaml: a GitHub Actions workflow is checked for jobs and steps") {
    const RunOutput output = runners::yaml::check_yaml(test::only_snippet(
        "```yaml\non: push\njobs:\n  test:\n    steps:\n      - uses: actions/checkout\n      - name: nothing\n"
        "  deploy:\n    needs: build\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n```\n"));
    CHECK(output.end == RunEnd::raised);
    CHECK(test::has_finding(output, "actions-runs-on", 4));
    CHECK(test::has_finding(output, "actions-unpinned", 6));
    CHECK(test::has_finding(output, "actions-step", 7));
    CHECK(test::has_finding(output, "actions-needs", 9));
}

TEST_CASE("check_json: valid, invalid at its line, and comments as a warning") {
    CHECK(runners::yaml::check_json(test::only_snippet("```json\n{\"a\": [1, 2]}\n```\n")).end == RunEnd::completed);
    const RunOutput bad = runners::yaml::check_json(test::only_snippet("```json\n{\n  \"a\": 1,\n  \"b\": ...\n}\n```\n"));
    CHECK(bad.end == RunEnd::raised);
    CHECK(bad.exception_line == 4);
    const RunOutput commented = runners::yaml::check_json(test::only_snippet("```json\n{\n  // why\n  \"a\": 1\n}\n```\n"));
    CHECK(commented.end == RunEnd::completed);
    REQUIRE(commented.findings.size() == 1);
    CHECK(commented.findings[0].rule == "json-comments");
}
