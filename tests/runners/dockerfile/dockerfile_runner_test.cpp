#include <catch2/catch.hpp>

#include "extractor/extractor.hpp"
#include "runners/dockerfile/dockerfile_runner.hpp"
#include "runners/tool_process.hpp"
#include "src/checker.hpp"
#include "tests/extractor/test_documents.hpp"
#include "tests/runners/run_output_checks.hpp"

using namespace snipcheck;

TEST_CASE("Dockerfile runner: an unknown instruction is an error at its document line") {
    const extractor::Snippet snippet = test::only_snippet("Build it:\n\n```dockerfile\nFROM debian:12\nCOPPY . /app\nCMD [\"x\"]\n```\n");
    const RunOutput output = runners::dockerfile::run_dockerfile_snippet(snippet);
    REQUIRE(output.end == RunEnd::raised);
    CHECK(output.exception_line == 5);
    CHECK(output.exception_message.find("COPPY") != std::string::npos);
    const Verdict verdict = check(snippet, output);
    CHECK(verdict.status == Status::error);
    CHECK(verdict.evidence == Evidence::static_check);
}

TEST_CASE("Dockerfile runner: lint and shellcheck findings at document lines, and a valid file passes") {
    const extractor::Snippet snippet = test::only_snippet(
        "```dockerfile\nFROM python:latest\nRUN apt-get update && \\\n    apt-get install -y curl && \\\n"
        "    echo $HOME/$1\nCMD python app.py\n```\n");
    const RunOutput output = runners::dockerfile::run_dockerfile_snippet(snippet);
    CHECK(output.end == RunEnd::completed);
    CHECK(test::has_finding(output, "image-latest-tag", 2));
    CHECK(test::has_finding(output, "apt-get-no-cleanup", 4));
    CHECK(test::has_finding(output, "shell-form-cmd", 6));
    if (runners::find_program("shellcheck").empty()) {
        WARN("shellcheck is not installed: its mapping is not checked here");
    } else {
        CHECK(test::has_finding(output, "SC2086", 5));
    }
    CHECK(check(snippet, output).status == Status::pass);
}

TEST_CASE("Dockerfile runner: a shell error in a RUN line is an error of the Dockerfile") {
    if (runners::find_program("shellcheck").empty()) {
        FAIL("shellcheck is not installed (scripts/install-deps installs it)");
    }
    const extractor::Snippet snippet =
        test::only_snippet("```dockerfile\nFROM debian:12\nRUN if [ -f /etc/os-release ]; then \\\n    echo found\nUSER nobody\n```\n");
    const RunOutput output = runners::dockerfile::run_dockerfile_snippet(snippet);
    CHECK(output.end == RunEnd::raised);
    CHECK(output.exception_type.rfind("shellcheck SC", 0) == 0);
    CHECK(check(snippet, output).status == Status::error);
}
