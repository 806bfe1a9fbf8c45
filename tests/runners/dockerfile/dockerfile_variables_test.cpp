#include "runners/dockerfile/dockerfile_variables.hpp"

#include <catch2/catch.hpp>

#include "runners/dockerfile/dockerfile_stages.hpp"

using namespace snipcheck::runners::dockerfile;
using Strings = std::vector<std::string>;

TEST_CASE("expand_variables substitutes the forms Docker knows") {
    const Variables variables = {{"NAME", "app"}, {"EMPTY", ""}, {"VERSION", "1.2"}};
    CHECK(expand_variables("$NAME-${VERSION}", variables).text == "app-1.2");
    CHECK(expand_variables("${MISSING:-fallback}", variables).text == "fallback");
    CHECK(expand_variables("${EMPTY:-fallback}", variables).text == "fallback");
    CHECK(expand_variables("${EMPTY-fallback}", variables).text.empty());
    CHECK(expand_variables("${NAME:+set}${MISSING:+set}", variables).text == "set");
    CHECK(expand_variables("${EMPTY+set}", variables).text == "set");
    CHECK(expand_variables("${MISSING:-${NAME}}", variables).text == "app");
    CHECK(expand_variables("cost $ 5", variables).text == "cost $ 5");
}

TEST_CASE("expand_variables removes quotes and honours the escape character") {
    const Variables variables = {{"HOME", "/root"}};
    CHECK(expand_variables("\"$HOME/a b\"", variables).text == "/root/a b");
    CHECK(expand_variables("'$HOME'", variables).text == "$HOME");
    CHECK(expand_variables("\\$HOME", variables).text == "$HOME");
    CHECK(expand_variables("`$HOME", variables, '`').text == "$HOME");
    CHECK(expand_variables("\"a\\\"b\\c\"", variables).text == "a\"b\\c");
    CHECK(unquote("\"$HOME\"'x'") == "$HOMEx");
}

TEST_CASE("expand_variables tells what it could not resolve or refuses") {
    const Expansion bare = expand_variables("python:${TAG}-$FLAVOUR", {});
    CHECK(bare.text == "python:-");
    CHECK(bare.unresolved == Strings{"TAG", "FLAVOUR"});
    CHECK(bare.error.empty());
    const Expansion required = expand_variables("${TAG:?set TAG}", {});
    CHECK(required.error == "TAG: set TAG");
    CHECK(expand_variables("${TAG", {{"TAG", "x"}}).error.find("missing }") == 0);
    CHECK(expand_variables("${TAG/a/b}", {{"TAG", "x"}}).error.find("unsupported") == 0);
    CHECK(expand_variables("'open", {}).error == "unclosed single quote");
}

TEST_CASE("assignments reads ARG, ENV and LABEL in both ENV forms") {
    const ParsedDockerfile parsed = parse_dockerfile(
        "ARG BASE=alpine:3.20 TAG\n"
        "FROM $BASE\n"
        "ENV PATH=/opt/bin:$PATH GREETING=\"hello world\"\n"
        "ENV LEGACY a value with spaces\n"
        "LABEL org.opencontainers.image.title=demo\n");
    REQUIRE(parsed.errors.empty());
    const auto arg = assignments(parsed.instructions[0]);
    REQUIRE(arg.size() == 2);
    CHECK(arg[0].name == "BASE");
    CHECK(arg[0].value == "alpine:3.20");
    CHECK(arg[1].name == "TAG");
    CHECK_FALSE(arg[1].value.has_value());
    const auto env = assignments(parsed.instructions[2]);
    REQUIRE(env.size() == 2);
    CHECK(env[1].value == "\"hello world\"");
    const auto legacy = assignments(parsed.instructions[3]);
    REQUIRE(legacy.size() == 1);
    CHECK(legacy[0].name == "LEGACY");
    CHECK(legacy[0].value == "a value with spaces");
    CHECK(assignments(parsed.instructions[4]).size() == 1);
    CHECK(assignments(parsed.instructions[1]).empty());
}

TEST_CASE("variables_at gives global ARGs to FROM and the stage's ARG and ENV inside it") {
    const ParsedDockerfile parsed = parse_dockerfile(
        "ARG VERSION=3.12\n"                       // 0
        "ARG HIDDEN=global\n"                      // 1
        "FROM python:${VERSION}-slim AS base\n"    // 2
        "ARG VERSION\n"                            // 3
        "ENV APP_HOME=/srv/app MODE=prod\n"        // 4
        "ENV COPYHOME=$APP_HOME MODE=dev\n"        // 5
        "ARG MODE=from-arg\n"                      // 6
        "WORKDIR $APP_HOME\n"                      // 7
        "FROM base AS test\n"                      // 8
        "RUN pytest\n");                           // 9
    REQUIRE(parsed.errors.empty());
    const Variables at_from = variables_at(parsed, 2);
    CHECK(at_from.at("VERSION") == "3.12");
    CHECK(at_from.at("HIDDEN") == "global");
    const Variables at_workdir = variables_at(parsed, 7);
    CHECK(at_workdir.at("VERSION") == "3.12");  // redeclared bare: takes the global default
    CHECK(at_workdir.count("HIDDEN") == 0);      // not redeclared: not visible in the stage
    CHECK(at_workdir.at("COPYHOME") == "/srv/app");
    CHECK(at_workdir.at("MODE") == "dev");       // ENV wins over ARG
    const Variables in_child = variables_at(parsed, 9);
    CHECK(in_child.at("APP_HOME") == "/srv/app");  // ENV is inherited from the parent stage
    CHECK(in_child.count("VERSION") == 0);         // ARG is not
    CHECK(variables_at(parsed, 100).at("MODE") == "dev");
}

TEST_CASE("build_stages resolves bases through global ARGs and earlier stage names") {
    const ParsedDockerfile parsed = parse_dockerfile(
        "ARG IMAGE=golang:1.22\n"
        "ARG UNSET\n"
        "FROM $IMAGE AS Build\n"
        "RUN go build\n"
        "FROM build\n"
        "FROM ${UNSET}\n");
    REQUIRE(parsed.errors.empty());
    const std::vector<Stage> stages = build_stages(parsed);
    REQUIRE(stages.size() == 3);
    CHECK(stages[0].base == "golang:1.22");
    CHECK(stages[0].name == "build");
    CHECK(stages[0].from_index == 2);
    CHECK(stages[0].end_index == 4);
    CHECK(stages[1].parent == 0u);
    CHECK_FALSE(stages[2].base_resolved);
    CHECK(stages[2].end_index == 6);
}
