#include "runners/dockerfile/dockerfile_shellcheck.hpp"

#include <cstdlib>

#include <catch2/catch.hpp>

#include "runners/tool_process.hpp"

using namespace snipcheck;
using namespace snipcheck::runners::dockerfile;

namespace {

bool shellcheck_installed() {
    if (runners::find_program("shellcheck").empty()) {
        WARN("shellcheck is not installed: its tests did not run");
        return false;
    }
    return true;
}

std::vector<Finding> checked(std::string_view code) {
    const ParsedDockerfile parsed = parse_dockerfile(code);
    REQUIRE(parsed.errors.empty());
    auto findings = shellcheck_dockerfile(parsed);
    if (!findings) {
        FAIL("shellcheck did not run: " << findings.error());
    }
    return *findings;
}

}  // namespace

TEST_CASE("shellcheck_dockerfile maps a finding on the 3rd line of a continued RUN to that line") {
    if (!shellcheck_installed()) {
        return;
    }
    const std::vector<Finding> findings = checked(
        "FROM debian:12\n"
        "RUN greeting=\"hello world\" && \\\n"
        "    mkdir -p /srv && \\\n"
        "    echo $greeting > /srv/greeting\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].line == 4);
    CHECK(findings[0].rule == "SC2086");
}

TEST_CASE("shellcheck_dockerfile maps past comment lines Docker drops from a continuation") {
    if (!shellcheck_installed()) {
        return;
    }
    const std::vector<Finding> findings = checked(
        "FROM debian:12\n"
        "RUN greeting=\"hello world\" && \\\n"
        "    # make the folder first\n"
        "    mkdir -p /srv && \\\n"
        "\n"
        "    echo $greeting > /srv/greeting\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].line == 6);
}

TEST_CASE("shellcheck_dockerfile checks heredoc scripts and each stage in its own shell") {
    if (!shellcheck_installed()) {
        return;
    }
    const std::vector<Finding> findings = checked(
        "FROM debian:12 AS posix\n"
        "RUN if [[ -d /srv ]]; then echo yes; fi\n"
        "FROM debian:12\n"
        "SHELL [\"/bin/bash\", \"-c\"]\n"
        "RUN if [[ -d /srv ]]; then echo yes; fi\n"
        "RUN <<EOF\n"
        "set -e\n"
        "for f in $(ls /etc); do echo \"$f\"; done\n"
        "EOF\n");
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].line == 2);
    CHECK(findings[0].rule == "SC3010");  // [[ ]] in /bin/sh
    CHECK(findings[1].line == 8);
    CHECK(findings[1].rule == "SC2045");  // iterating over ls output
}

TEST_CASE("shellcheck_dockerfile leaves out variables that come from ARG, ENV or the image") {
    if (!shellcheck_installed()) {
        return;
    }
    CHECK(checked("FROM debian:12\nARG version=1\nRUN echo \"$version\" \"$lower_from_base_image\"\n").empty());
}

TEST_CASE("shellcheck_dockerfile says so when shellcheck cannot run") {
    const char* saved = std::getenv("PATH");
    const std::string path = saved != nullptr ? saved : "";
    ::setenv("PATH", "/snipcheck-nowhere", 1);
    const bool hidden = runners::find_program("shellcheck").empty();
    const ParsedDockerfile parsed = parse_dockerfile("FROM debian:12\nRUN echo $1\n");
    const auto findings = shellcheck_dockerfile(parsed);
    ::setenv("PATH", path.c_str(), 1);
    if (!hidden) {
        WARN("shellcheck lives in sbin: cannot hide it");
        return;
    }
    REQUIRE_FALSE(findings);
    CHECK(findings.error() == "shellcheck is not installed");
}
