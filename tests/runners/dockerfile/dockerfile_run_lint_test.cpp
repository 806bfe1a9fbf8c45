#include "runners/dockerfile/dockerfile_run_lint.hpp"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

using namespace snipcheck;
using namespace snipcheck::runners::dockerfile;
using Lines = std::vector<int>;

namespace {

std::vector<Finding> lint_runs(std::string_view code) {
    const ParsedDockerfile parsed = parse_dockerfile(code);
    for (const ParseError& error : parsed.errors) {
        FAIL("unexpected parse error at line " << error.line << ": " << error.message);
    }
    std::vector<Finding> findings;
    lint_run_commands(parsed, findings);
    return findings;
}

Lines lines_of(const std::vector<Finding>& findings, std::string_view rule) {
    Lines lines;
    for (const Finding& finding : findings) {
        if (finding.rule == rule) {
            lines.push_back(finding.line);
        }
    }
    return lines;
}

}  // namespace

TEST_CASE("apt-get install is judged at the line of the install inside a continued RUN") {
    const std::vector<Finding> findings = lint_runs(
        "FROM debian:12\n"
        "RUN apt-get update && \\\n"
        "    apt-get install curl \\\n"
        "        git=1:2.39.2-1.1\n"
        "RUN DEBIAN_FRONTEND=noninteractive apt-get -qq install --no-install-recommends \\\n"
        "        ca-certificates=20230311 && rm -rf /var/lib/apt/lists/*\n");
    CHECK(lines_of(findings, "apt-get-missing-yes") == Lines{3});
    CHECK(lines_of(findings, "apt-get-install-recommends") == Lines{3});
    CHECK(lines_of(findings, "apt-get-no-cleanup") == Lines{3});
    CHECK(lines_of(findings, "apt-get-unpinned") == Lines{3});
    for (const Finding& finding : findings) {
        if (finding.rule == "apt-get-unpinned") {
            CHECK(finding.message.find("(curl)") != std::string::npos);
            CHECK(finding.severity == Severity::note);
        }
    }
}

TEST_CASE("apt-get cleanup may come from rm in the same RUN or a cache mount, not from another RUN") {
    const std::vector<Finding> findings = lint_runs(
        "FROM debian:12\n"
        "RUN apt-get install -y --no-install-recommends make=4.3-4.1\n"
        "RUN rm -rf /var/lib/apt/lists/*\n"
        "RUN --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n"
        "    apt-get install -y --no-install-recommends make=4.3-4.1\n"
        "RUN sudo apt-get install -y --no-install-recommends make=4.3-4.1 && sudo rm -rf /var/lib/apt/lists\n");
    CHECK(lines_of(findings, "apt-get-no-cleanup") == Lines{2});
    CHECK(lines_of(findings, "apt-get-missing-yes").empty());
    CHECK(lines_of(findings, "run-sudo") == Lines{6, 6});
}

TEST_CASE("apt-get upgrade is flagged, update is not") {
    const std::vector<Finding> findings = lint_runs(
        "FROM debian:12\n"
        "RUN apt-get update\n"
        "RUN apt-get -y dist-upgrade\n"
        "RUN apt upgrade -y\n");
    CHECK(lines_of(findings, "apt-get-upgrade") == Lines{3, 4});
}

TEST_CASE("pip install without --no-cache-dir is flagged unless the cache is kept out otherwise") {
    const std::vector<Finding> findings = lint_runs(
        "FROM python:3.12-slim\n"
        "RUN pip install flask\n"
        "RUN python3 -m pip install -r requirements.txt\n"
        "RUN pip3 install --no-cache-dir requests\n"
        "RUN --mount=type=cache,target=/root/.cache/pip pip install httpx\n"
        "RUN pip freeze > /requirements.lock\n"
        "FROM python:3.12-slim\n"
        "ENV PIP_NO_CACHE_DIR=1\n"
        "RUN pip install uvicorn\n");
    CHECK(lines_of(findings, "pip-cache") == Lines{2, 3});
}

TEST_CASE("cd and sudo in RUN are flagged, in heredoc scripts too, and only there") {
    const std::vector<Finding> findings = lint_runs(
        "FROM alpine:3.20\n"
        "RUN cd /tmp && make && cd /\n"
        "RUN <<EOF\n"
        "set -e\n"
        "sudo -u nobody touch /tmp/x\n"
        "EOF\n"
        "RUN echo 'cd is just a word here' && ls sudo\n"
        "RUN cat <<EOF > /etc/notes\n"
        "cd /data\n"
        "EOF\n");
    CHECK(lines_of(findings, "run-cd") == Lines{2});
    CHECK(lines_of(findings, "run-sudo") == Lines{5});
}
