#include "runners/dockerfile/dockerfile_lint.hpp"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

using namespace snipcheck;
using namespace snipcheck::runners::dockerfile;
using Lines = std::vector<int>;

namespace {

std::vector<Finding> lint(std::string_view code) {
    const ParsedDockerfile parsed = parse_dockerfile(code);
    for (const ParseError& error : parsed.errors) {
        FAIL("unexpected parse error at line " << error.line << ": " << error.message);
    }
    return lint_dockerfile(parsed);
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

std::string all_rules(const std::vector<Finding>& findings) {
    std::string text;
    for (const Finding& finding : findings) {
        text += std::to_string(finding.line) + " " + finding.rule + ": " + finding.message + "\n";
    }
    return text;
}

}  // namespace

TEST_CASE("lint_dockerfile finds nothing in a careful Dockerfile") {
    const std::vector<Finding> findings = lint(
        "# syntax=docker/dockerfile:1\n"
        "ARG PYTHON=3.12\n"
        "FROM python:${PYTHON}-slim AS build\n"
        "RUN apt-get update \\\n"
        "    && apt-get install -y --no-install-recommends gcc=4:12.2.0-3 \\\n"
        "    && rm -rf /var/lib/apt/lists/*\n"
        "WORKDIR /src\n"
        "COPY requirements.txt .\n"
        "RUN pip install --no-cache-dir -r requirements.txt\n"
        "FROM build AS app\n"
        "ADD https://example.com/data.tar.gz /data/\n"
        "ADD vendor.tar.gz /opt/\n"
        "EXPOSE 8000/tcp 9000-9010/udp\n"
        "USER app:app\n"
        "CMD [\"gunicorn\", \"app:app\"]\n");
    INFO(all_rules(findings));
    CHECK(findings.empty());
}

TEST_CASE("image tags: latest and none are flagged, scratch, stages, digests and resolved ARGs are not") {
    const std::vector<Finding> findings = lint(
        "ARG BASE=node:latest\n"
        "ARG VARIANT\n"
        "FROM ubuntu AS one\n"
        "FROM registry.example.com:5000/team/app:latest\n"
        "FROM localhost:5000/tool\n"
        "FROM $BASE\n"
        "FROM one\n"
        "FROM scratch\n"
        "FROM alpine@sha256:0123456789abcdef\n"
        "FROM python:${VARIANT}\n"
        "FROM debian:12\n");
    CHECK(lines_of(findings, "image-untagged") == Lines{3, 5});
    CHECK(lines_of(findings, "image-latest-tag") == Lines{4, 6});
}

TEST_CASE("shell-form CMD and ENTRYPOINT are flagged, exec form is not") {
    const std::vector<Finding> findings = lint(
        "FROM alpine:3.20\n"
        "ENTRYPOINT /usr/local/bin/start --port 80\n"
        "CMD [\"--verbose\"]\n"
        "FROM alpine:3.20\n"
        "CMD echo hello\n");
    CHECK(lines_of(findings, "shell-form-cmd") == Lines{2, 5});
}

TEST_CASE("exec form written with single quotes is flagged, a test command is not") {
    const std::vector<Finding> findings = lint(
        "FROM alpine:3.20\n"
        "RUN [ -f /etc/os-release ] && echo ok\n"
        "RUN [ \"$HOME\" = /root ]\n"
        "CMD ['nginx', '-g', 'daemon off;']\n");
    CHECK(lines_of(findings, "exec-form-invalid-json") == Lines{4});
    CHECK(lines_of(findings, "shell-form-cmd").empty());
}

TEST_CASE("only the last CMD and ENTRYPOINT of a stage count") {
    const std::vector<Finding> findings = lint(
        "FROM alpine:3.20 AS first\n"
        "CMD [\"a\"]\n"
        "ENTRYPOINT [\"x\"]\n"
        "CMD [\"b\"]\n"
        "CMD [\"c\"]\n"
        "FROM alpine:3.20\n"
        "CMD [\"d\"]\n"
        "ENTRYPOINT [\"y\"]\n");
    CHECK(lines_of(findings, "multiple-cmd") == Lines{2, 4});
    CHECK(lines_of(findings, "multiple-entrypoint").empty());
    for (const Finding& finding : findings) {
        if (finding.rule == "multiple-cmd") {
            CHECK(finding.message.find("line 5") != std::string::npos);
        }
    }
}

TEST_CASE("ADD of local plain files is flagged, but URLs, git and archives are not") {
    const std::vector<Finding> findings = lint(
        "FROM alpine:3.20\n"
        "ARG APP=app.py\n"
        "ADD $APP config.ini /srv/\n"
        "ADD https://example.com/tool /usr/local/bin/tool\n"
        "ADD git@github.com:example/repo.git /src\n"
        "ADD rootfs.tar.xz /\n"
        "ADD [\"notes.txt\", \"/srv/\"]\n"
        "ADD <<EOF /etc/motd\n"
        "hello\n"
        "EOF\n");
    CHECK(lines_of(findings, "add-instead-of-copy") == Lines{3, 7, 8});
}

TEST_CASE("runs-as-root: no USER in the final stage, or root last, but not when a USER is set") {
    CHECK(lines_of(lint("FROM alpine:3.20 AS build\nUSER app\nFROM alpine:3.20\nRUN true\n"), "runs-as-root") ==
          Lines{3});
    CHECK(lines_of(lint("FROM alpine:3.20\nUSER app\nRUN true\nUSER 0:0\n"), "runs-as-root") == Lines{4});
    CHECK(lines_of(lint("FROM alpine:3.20\nARG WHO=root\nUSER $WHO\n"), "runs-as-root") == Lines{3});
    CHECK(lint("FROM alpine:3.20\nUSER root\nRUN true\nUSER nobody\n").empty());
    // A stage built on one that set USER inherits it.
    CHECK(lint("FROM alpine:3.20 AS base\nUSER app\nFROM base\nCMD [\"run\"]\n").empty());
}

TEST_CASE("relative WORKDIR is flagged after substitution, but absolute and Windows paths are not") {
    const std::vector<Finding> findings = lint(
        "FROM alpine:3.20\n"
        "ENV APP=/srv/app NAME=app\n"
        "WORKDIR app\n"
        "WORKDIR $APP\n"
        "WORKDIR $NAME/src\n"
        "WORKDIR $UNSET/src\n"
        "WORKDIR C:\\\\app\n");
    CHECK(lines_of(findings, "workdir-relative") == Lines{3, 5});
}

TEST_CASE("MAINTAINER is deprecated") {
    CHECK(lines_of(lint("FROM alpine:3.20\nMAINTAINER someone <a@example.com>\n"), "maintainer-deprecated") ==
          Lines{2});
    CHECK(lines_of(lint("FROM alpine:3.20\nLABEL org.opencontainers.image.authors=someone\n"),
                   "maintainer-deprecated")
              .empty());
}

TEST_CASE("EXPOSE of an invalid port is flagged, but ports, ranges, protocols and variables are not") {
    const std::vector<Finding> findings = lint(
        "FROM alpine:3.20\n"
        "ARG PORT=8080\n"
        "EXPOSE 80 443/tcp 53/udp 7000-7010 $PORT ${OTHER}\n"
        "EXPOSE 8080:80\n"
        "EXPOSE 70000\n"
        "EXPOSE 80/http\n"
        "EXPOSE 9000-8000\n"
        "EXPOSE http\n");
    CHECK(lines_of(findings, "expose-invalid-port") == Lines{4, 5, 6, 7, 8});
}

TEST_CASE("a blank line inside a continuation is flagged, but a comment line is not") {
    CHECK(lines_of(lint("FROM alpine:3.20\nRUN echo a \\\n\n    b\n"), "empty-continuation-line") == Lines{2});
    CHECK(lines_of(lint("FROM alpine:3.20\nRUN echo a \\\n# note\n    b\n"), "empty-continuation-line").empty());
}

TEST_CASE("lint findings are sorted by line and carry their severity") {
    const std::vector<Finding> findings = lint("FROM ubuntu\nRUN cd /tmp\nMAINTAINER me\n");
    REQUIRE(findings.size() == 4);
    CHECK(findings[0].rule == "image-untagged");
    CHECK(findings[1].rule == "runs-as-root");
    CHECK(findings[1].severity == Severity::note);
    CHECK(findings[2].rule == "run-cd");
    CHECK(findings[3].rule == "maintainer-deprecated");
    CHECK(findings[3].severity == Severity::warning);
}
