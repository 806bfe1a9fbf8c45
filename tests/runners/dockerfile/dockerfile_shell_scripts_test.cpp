#include "runners/dockerfile/dockerfile_shell_scripts.hpp"

#include <catch2/catch.hpp>

using namespace snipcheck::runners::dockerfile;
using snipcheck::runners::shell::ShellDialect;
using Lines = std::vector<int>;

TEST_CASE("shell_scripts keeps a continued RUN on its lines, without Docker's dropped lines") {
    const ParsedDockerfile parsed = parse_dockerfile(
        "FROM debian:12\n"
        "RUN --mount=type=cache,target=/var/cache/apt \\\n"
        "    apt-get update \\\n"
        "    # comments are dropped by Docker\n"
        "    && apt-get install -y curl\n"
        "RUN [\"echo\", \"exec form is no script\"]\n"
        "RUN echo one-liner\n");
    REQUIRE(parsed.errors.empty());
    const std::vector<ShellScript> scripts = shell_scripts(parsed);
    REQUIRE(scripts.size() == 2);
    CHECK(scripts[0].text == "apt-get update \\\n    && apt-get install -y curl\n");
    CHECK(scripts[0].code_lines == Lines{3, 5});
    CHECK(scripts[0].dialect == ShellDialect::sh);
    CHECK(scripts[0].instruction_index == 1);
    CHECK(scripts[1].text == "echo one-liner\n");
    CHECK(scripts[1].code_lines == Lines{7});
    CHECK(scripts[1].instruction_index == 3);
}

TEST_CASE("shell_scripts gives a RUN that is one heredoc its body, with the shell its shebang names") {
    const ParsedDockerfile parsed = parse_dockerfile(
        "FROM debian:12\n"
        "RUN <<EOF\n"
        "set -e\n"
        "echo hi\n"
        "EOF\n"
        "RUN <<-EOF\n"
        "\t#!/bin/bash\n"
        "\techo \"${BASH_VERSION}\"\n"
        "\tEOF\n"
        "RUN <<EOF\n"
        "#!/usr/bin/env python3\n"
        "print('not a shell')\n"
        "EOF\n");
    REQUIRE(parsed.errors.empty());
    const std::vector<ShellScript> scripts = shell_scripts(parsed);
    REQUIRE(scripts.size() == 2);
    CHECK(scripts[0].text == "set -e\necho hi\n");
    CHECK(scripts[0].code_lines == Lines{3, 4});
    CHECK(scripts[1].text == "#!/bin/bash\necho \"${BASH_VERSION}\"\n");
    CHECK(scripts[1].code_lines == Lines{7, 8});
    CHECK(scripts[1].dialect == ShellDialect::bash);
}

TEST_CASE("shell_scripts keeps heredocs of a longer command inside the script, as the shell reads them") {
    const ParsedDockerfile parsed = parse_dockerfile(
        "FROM alpine:3.20\n"
        "RUN cat <<CONF > /etc/app.conf && \\\n"
        "    chmod 600 /etc/app.conf\n"
        "port=80\n"
        "CONF\n");
    REQUIRE(parsed.errors.empty());
    const std::vector<ShellScript> scripts = shell_scripts(parsed);
    REQUIRE(scripts.size() == 1);
    CHECK(scripts[0].text == "cat <<CONF > /etc/app.conf && \\\n    chmod 600 /etc/app.conf\nport=80\nCONF\n");
    CHECK(scripts[0].code_lines == Lines{2, 3, 4, 5});
}

TEST_CASE("shell_scripts follows SHELL, through stages, and leaves out shells it does not know") {
    const ParsedDockerfile parsed = parse_dockerfile(
        "FROM debian:12 AS base\n"
        "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
        "RUN echo in-bash\n"
        "FROM base AS child\n"
        "RUN echo inherited\n"
        "FROM mcr.microsoft.com/powershell:lts\n"
        "SHELL [\"pwsh\", \"-Command\"]\n"
        "RUN Write-Host hi\n"
        "FROM alpine:3.20\n"
        "RUN echo posix\n");
    REQUIRE(parsed.errors.empty());
    const std::vector<ShellScript> scripts = shell_scripts(parsed);
    REQUIRE(scripts.size() == 3);
    CHECK(scripts[0].dialect == ShellDialect::bash);
    CHECK(scripts[1].text == "echo inherited\n");
    CHECK(scripts[1].dialect == ShellDialect::bash);
    CHECK(scripts[2].text == "echo posix\n");
    CHECK(scripts[2].dialect == ShellDialect::sh);
}

TEST_CASE("shell_scripts joins lines the way Docker does when the escape is a backtick") {
    const ParsedDockerfile parsed = parse_dockerfile(
        "# escape=`\n"
        "FROM alpine:3.20\n"
        "RUN echo a `\n"
        "    b\n");
    REQUIRE(parsed.errors.empty());
    const std::vector<ShellScript> scripts = shell_scripts(parsed);
    REQUIRE(scripts.size() == 1);
    CHECK(scripts[0].text == "echo a \\\n    b\n");
    CHECK(scripts[0].code_lines == Lines{3, 4});
}
