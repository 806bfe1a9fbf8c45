#include "runners/dockerfile/dockerfile_parser.hpp"

#include <catch2/catch.hpp>

using namespace snipcheck::runners::dockerfile;
using Strings = std::vector<std::string>;

namespace {

std::string errors_of(const ParsedDockerfile& parsed) {
    std::string text;
    for (const ParseError& error : parsed.errors) {
        text += std::to_string(error.line) + ": " + error.message + "\n";
    }
    return text;
}

}  // namespace

TEST_CASE("parse_dockerfile reads instructions, their lines and forms") {
    const ParsedDockerfile parsed = parse_dockerfile(
        "# a comment\n"
        "from python:3.12-slim AS base\n"
        "\n"
        "run pip install flask\n"
        "CMD [\"flask\", \"run\"]\n"
        "ENTRYPOINT exec gunicorn app:app\n");
    INFO(errors_of(parsed));
    CHECK(parsed.errors.empty());
    REQUIRE(parsed.instructions.size() == 4);
    CHECK(parsed.instructions[0].keyword == "FROM");
    CHECK(parsed.instructions[0].line == 2);
    CHECK(parsed.instructions[0].words == Strings{"python:3.12-slim", "AS", "base"});
    CHECK(parsed.instructions[1].keyword == "RUN");
    CHECK(parsed.instructions[1].arguments == "pip install flask");
    CHECK_FALSE(parsed.instructions[1].exec_form);
    CHECK(parsed.instructions[2].exec_form);
    CHECK(parsed.instructions[2].exec_args == Strings{"flask", "run"});
    CHECK_FALSE(parsed.instructions[3].exec_form);
    CHECK(parsed.instructions[3].words == Strings{"exec gunicorn app:app"});
    CHECK(parsed.instructions[3].line == 6);
    CHECK(parsed.instructions[3].end_line == 6);
}

TEST_CASE("parse_dockerfile joins continuations the way Docker does, skipping comment and blank lines") {
    const ParsedDockerfile parsed = parse_dockerfile(
        "FROM debian:12\n"
        "RUN apt-get update && \\\n"
        "    # the packages\n"
        "    apt-get install -y curl \\  \n"
        "\n"
        "    && rm -rf /var/lib/apt/lists/*\n"
        "RUN echo a\\\\\n"
        "RUN echo b\n");
    INFO(errors_of(parsed));
    CHECK(parsed.errors.empty());
    REQUIRE(parsed.instructions.size() == 4);
    const Instruction& run = parsed.instructions[1];
    CHECK(run.arguments == "apt-get update &&     apt-get install -y curl     && rm -rf /var/lib/apt/lists/*");
    CHECK(run.line == 2);
    CHECK(run.end_line == 6);
    CHECK(run.empty_continuation_line);
    REQUIRE(run.source.size() == 3);
    CHECK(run.source[1].line == 4);
    CHECK(run.source[1].text == "    apt-get install -y curl ");
    CHECK(run.source[2].line == 6);
    // An escaped escape at the end of a line does not continue it.
    CHECK(parsed.instructions[2].arguments == "echo a\\\\");
    CHECK(parsed.instructions[3].line == 8);
}

TEST_CASE("parse_dockerfile honours the escape and syntax directives only at the top") {
    const ParsedDockerfile parsed = parse_dockerfile(
        "# syntax=docker/dockerfile:1\n"
        "# escape=`\n"
        "FROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
        "RUN dir C:\\ `\n"
        "    && echo done\n");
    INFO(errors_of(parsed));
    CHECK(parsed.errors.empty());
    CHECK(parsed.escape == '`');
    CHECK(parsed.syntax == "docker/dockerfile:1");
    REQUIRE(parsed.instructions.size() == 2);
    CHECK(parsed.instructions[1].arguments == "dir C:\\     && echo done");

    const ParsedDockerfile late = parse_dockerfile("# hello\n# escape=`\nFROM alpine:3.20\nRUN echo `\n");
    CHECK(late.escape == '\\');
    CHECK(late.errors.empty());

    const ParsedDockerfile twice = parse_dockerfile("# escape=`\n# escape=\\\nFROM alpine:3.20\n");
    REQUIRE(twice.errors.size() == 1);
    CHECK(twice.errors[0].line == 2);
    CHECK(twice.errors[0].message == "only one escape parser directive can be used");

    const ParsedDockerfile bad = parse_dockerfile("#escape = x\nFROM alpine:3.20\n");
    REQUIRE(bad.errors.size() == 1);
    CHECK(bad.errors[0].line == 1);
    CHECK(bad.errors[0].message.find("invalid escape character \"x\"") == 0);
}

TEST_CASE("parse_dockerfile reads heredocs and does not take their bodies for instructions") {
    const ParsedDockerfile parsed = parse_dockerfile(
        "FROM alpine:3.20\n"
        "RUN <<EOF\n"
        "apk add curl\n"
        "FROM nothing\n"
        "EOF\n"
        "RUN <<-'END' cat >/etc/motd; <<two sh\n"
        "\thello $USER\n"
        "\tEND\n"
        "echo second\n"
        "two\n"
        "COPY <<EOF /app/config.ini\n"
        "[main]\n"
        "EOF\n"
        "RUN echo \"<<NOTHING\" && cat<<X\n"
        "RUN [\"sh\", \"-c\", \"cat <<EOF\"]\n");
    INFO(errors_of(parsed));
    CHECK(parsed.errors.empty());
    REQUIRE(parsed.instructions.size() == 6);
    const Instruction& first = parsed.instructions[1];
    REQUIRE(first.heredocs.size() == 1);
    CHECK(first.heredocs[0].name == "EOF");
    CHECK(first.heredocs[0].content == "apk add curl\nFROM nothing\n");
    CHECK(first.heredocs[0].expand);
    CHECK(first.heredocs[0].first_line == 3);
    CHECK(first.heredocs[0].end_line == 5);
    CHECK(first.end_line == 5);
    const Instruction& two = parsed.instructions[2];
    REQUIRE(two.heredocs.size() == 2);
    CHECK(two.heredocs[0].name == "END");
    CHECK(two.heredocs[0].chomp);
    CHECK_FALSE(two.heredocs[0].expand);
    CHECK(two.heredocs[0].content == "\thello $USER\n");
    CHECK(two.heredocs[1].name == "two");
    CHECK(two.heredocs[1].first_line == 9);
    CHECK(two.end_line == 10);
    const Instruction& copy = parsed.instructions[3];
    REQUIRE(copy.heredocs.size() == 1);
    CHECK(copy.words == Strings{"<<EOF", "/app/config.ini"});
    CHECK(copy.heredocs[0].content == "[main]\n");
    CHECK(parsed.instructions[4].heredocs.empty());  // quoted, and glued to a word
    CHECK(parsed.instructions[4].line == 14);
    CHECK(parsed.instructions[5].heredocs.empty());  // exec form takes no heredoc
}

TEST_CASE("parse_dockerfile reports an unterminated heredoc at its instruction") {
    const ParsedDockerfile parsed = parse_dockerfile("FROM alpine:3.20\nRUN <<EOF\necho hi\neof\n");
    REQUIRE(parsed.errors.size() == 1);
    CHECK(parsed.errors[0].line == 2);
    CHECK(parsed.errors[0].message ==
          "unterminated heredoc: no line \"EOF\" closes the heredoc that starts after line 2");
    REQUIRE(parsed.instructions.size() == 2);
    CHECK(parsed.instructions[1].end_line == 4);
}

TEST_CASE("parse_dockerfile falls back to shell form for text that is not a JSON array of strings") {
    const ParsedDockerfile parsed = parse_dockerfile(
        "FROM alpine:3.20\n"
        "CMD ['echo', 'single quotes']\n"
        "ENTRYPOINT [\"unclosed\"\n"
        "COPY [\"my file.txt\", \"/srv/\"]\n"
        "VOLUME /data /logs\n");
    INFO(errors_of(parsed));
    CHECK(parsed.errors.empty());
    REQUIRE(parsed.instructions.size() == 5);
    CHECK_FALSE(parsed.instructions[1].exec_form);
    CHECK(parsed.instructions[1].words == Strings{"['echo', 'single quotes']"});
    CHECK_FALSE(parsed.instructions[2].exec_form);
    CHECK(parsed.instructions[3].exec_form);
    CHECK(parsed.instructions[3].words == Strings{"my file.txt", "/srv/"});
    CHECK(parsed.instructions[4].words == Strings{"/data", "/logs"});

    const ParsedDockerfile numbers = parse_dockerfile("FROM alpine:3.20\nCMD [1, 2]\n");
    REQUIRE(numbers.errors.size() == 1);
    CHECK(numbers.errors[0].line == 2);
    CHECK(numbers.errors[0].message == "CMD: a JSON array (exec form) must hold only strings");
}

TEST_CASE("parse_dockerfile separates flags from arguments, across continuations") {
    const ParsedDockerfile parsed = parse_dockerfile(
        "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n"
        "FROM gcr.io/distroless/static-debian12:nonroot\n"
        "COPY --from=build --chown=\"app:app\" /out/app /app\n"
        "RUN --mount=type=cache,target=/root/.cache \\\n"
        "    --network=none \\\n"
        "    go build ./...\n"
        "RUN -- --not-a-flag\n");
    INFO(errors_of(parsed));
    CHECK(parsed.errors.empty());
    REQUIRE(parsed.instructions.size() == 5);
    CHECK(parsed.instructions[0].flags == Strings{"--platform=$BUILDPLATFORM"});
    CHECK(parsed.instructions[0].words == Strings{"golang:1.22", "AS", "build"});
    CHECK(parsed.instructions[2].flags == Strings{"--from=build", "--chown=app:app"});
    CHECK(parsed.instructions[2].words == Strings{"/out/app", "/app"});
    const Instruction& run = parsed.instructions[3];
    CHECK(run.flags == Strings{"--mount=type=cache,target=/root/.cache", "--network=none"});
    CHECK(run.arguments == "go build ./...");
    std::string joined;
    for (const InstructionLine& line : run.source) {
        joined += line.text;
    }
    CHECK(joined.substr(run.arguments_offset) == "go build ./...");
    CHECK(parsed.instructions[4].flags.empty());
    CHECK(parsed.instructions[4].arguments == "--not-a-flag");
}

TEST_CASE("parse_dockerfile reports what Docker refuses, each at its line") {
    const ParsedDockerfile parsed = parse_dockerfile(
        "ARG BASE=alpine:3.20\n"
        "LABEL early=yes\n"
        "FROM $BASE AS base\n"
        "COPPY . /src\n"
        "FROM\n"
        "ENV\n"
        "ENV ONLY_A_NAME\n"
        "ENV A=1 B\n"
        "COPY --form=base /a /b\n"
        "COPY --from /a /b\n"
        "COPY onlyone\n"
        "SHELL /bin/bash -c\n"
        "HEALTHCHECK --interval=5 CMD true\n"
        "HEALTHCHECK PING\n"
        "ONBUILD ONBUILD RUN true\n"
        "FROM alpine:3.20 AS Base\n"
        "FROM alpine:3.20 AS 1st\n"
        "WORKDIR\n");
    const std::string expected =
        "2: LABEL before the first FROM: only ARG may come before FROM\n"
        "4: unknown instruction \"COPPY\" (did you mean COPY?)\n"
        "5: FROM needs an image: FROM image [AS name]\n"
        "6: ENV needs at least one NAME=value\n"
        "7: ENV ONLY_A_NAME has no value: write ENV ONLY_A_NAME=value\n"
        "8: ENV: \"B\" is not of the form NAME=value\n"
        "9: unknown flag --form for COPY\n"
        "10: flag --from needs a value: --from=...\n"
        "11: COPY needs at least a source and a destination\n"
        "12: SHELL needs the JSON form: SHELL [\"executable\", \"parameters\"]\n"
        "13: --interval takes a duration such as 30s or 1m30s, not \"5\"\n"
        "14: unknown HEALTHCHECK type \"PING\" (use CMD or NONE)\n"
        "15: ONBUILD ONBUILD is not allowed\n"
        "16: duplicate build stage name \"Base\" (first named on line 3)\n"
        "17: invalid build stage name \"1st\": it must start with a letter and hold only letters, digits, '-', "
        "'_' and '.'\n"
        "18: WORKDIR needs exactly one argument\n";
    CHECK(errors_of(parsed) == expected);
}

TEST_CASE("parse_dockerfile needs a FROM, and accepts valid flags and durations") {
    const ParsedDockerfile none = parse_dockerfile("# nothing but a comment\nRUN echo hi\n");
    REQUIRE(none.errors.size() == 1);
    CHECK(none.errors[0].line == 2);
    CHECK(none.errors[0].message == "no FROM instruction: a Dockerfile needs at least one build stage");
    const ParsedDockerfile empty = parse_dockerfile("");
    REQUIRE(empty.errors.size() == 1);
    CHECK(empty.errors[0].line == 1);

    const ParsedDockerfile good = parse_dockerfile(
        "FROM alpine:3.20\n"
        "HEALTHCHECK --interval=1m30s --timeout=500ms --retries=3 CMD wget -q -O- http://localhost/ || exit 1\n"
        "COPY --link --chmod=0755 run.sh /usr/local/bin/\n"
        "ADD --checksum=sha256:0123 https://example.com/a.tgz /opt/\n"
        "ENV LEGACY value with spaces\n"
        "ARG VERSION\n");
    INFO(errors_of(good));
    CHECK(good.errors.empty());
}

TEST_CASE("parse_dockerfile reads CRLF files and a byte order mark") {
    const ParsedDockerfile parsed = parse_dockerfile("\xEF\xBB\xBF" "FROM alpine:3.20\r\nRUN echo a \\\r\n  b\r\n");
    INFO(errors_of(parsed));
    CHECK(parsed.errors.empty());
    REQUIRE(parsed.instructions.size() == 2);
    CHECK(parsed.instructions[0].keyword == "FROM");
    CHECK(parsed.instructions[1].arguments == "echo a   b");
    CHECK(parsed.instructions[1].end_line == 3);
}
