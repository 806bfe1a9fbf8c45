#include "src/glob_pattern.hpp"

#include <catch2/catch.hpp>

#include <string>

using snipcheck::GlobPattern;

namespace {

GlobPattern glob(const std::string& text) {
    auto parsed = GlobPattern::parse(text);
    INFO("glob " << text << ": " << (parsed ? std::string("ok") : parsed.error()));
    REQUIRE(parsed.has_value());
    return *parsed;
}

std::string problem(const std::string& text) {
    auto parsed = GlobPattern::parse(text);
    REQUIRE_FALSE(parsed.has_value());
    return parsed.error();
}

}  // namespace

TEST_CASE("glob: * and ? stay within one name", "[glob]") {
    CHECK(glob("docs/*.md").matches("docs/a.md"));
    CHECK_FALSE(glob("docs/*.md").matches("docs/sub/a.md"));
    CHECK_FALSE(glob("*.md").matches("docs/a.md"));
    CHECK(glob("docs/?.md").matches("docs/a.md"));
    CHECK_FALSE(glob("docs/?.md").matches("docs/ab.md"));
    CHECK(glob("docs/a*b*c.md").matches("docs/aXbYbZc.md"));
    CHECK_FALSE(glob("docs/a*b*c.md").matches("docs/aXbYd.md"));
}

TEST_CASE("glob: ** is any number of folders, none included", "[glob]") {
    const GlobPattern any_depth = glob("docs/**/*.md");
    CHECK(any_depth.matches("docs/a.md"));
    CHECK(any_depth.matches("docs/x/y/z/a.md"));
    CHECK_FALSE(any_depth.matches("other/a.md"));
    CHECK_FALSE(any_depth.matches("docs/a.txt"));
    CHECK(glob("**/*.md").matches("README.md"));
    CHECK(glob("**/*.md").matches("a/b/README.md"));
    CHECK(glob("**/**/x.md").matches("x.md"));
    CHECK(glob("docs/**").matches("docs/a/b.md"));
}

TEST_CASE("glob: classes, negated classes and escapes", "[glob]") {
    CHECK(glob("ch[0-9].md").matches("ch3.md"));
    CHECK_FALSE(glob("ch[0-9].md").matches("chx.md"));
    CHECK(glob("ch[!0-9].md").matches("chx.md"));
    CHECK_FALSE(glob("ch[!0-9].md").matches("ch3.md"));
    CHECK(glob("[]a].md").matches("].md"));
    CHECK(glob("a\\*.md").matches("a*.md"));
    CHECK_FALSE(glob("a\\*.md").matches("ab.md"));
}

TEST_CASE("glob: a glob naming a folder covers what is in it", "[glob]") {
    CHECK(glob("vendor").covers("vendor/lib/README.md"));
    CHECK(glob("vendor/").covers("vendor/README.md"));
    CHECK(glob("vendor/**").covers("vendor/README.md"));
    CHECK_FALSE(glob("vendor").matches("vendor/README.md"));
    CHECK_FALSE(glob("vendor").covers("vendored/README.md"));
    CHECK(glob("./docs/*.md").matches("docs/a.md"));
}

TEST_CASE("glob: malformed globs are refused with the reason", "[glob]") {
    CHECK(problem("docs/[a.md") == "unclosed '['");
    CHECK(problem("docs/a**.md").find("whole path segment") != std::string::npos);
    CHECK(problem("").find("empty") != std::string::npos);
    CHECK(problem("/etc/*.md").find("not absolute") != std::string::npos);
    CHECK(problem("../x/*.md").find("'..'") != std::string::npos);
    CHECK(problem("a\\").find("escapes nothing") != std::string::npos);
}
