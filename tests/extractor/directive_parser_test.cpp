#include "extractor/directive_parser.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace snipcheck::extractor;
using snipcheck::Finding;
using snipcheck::Severity;

namespace {

struct Applied {
    Directives directives;
    std::vector<Finding> findings;
};

Applied apply(std::string_view text, int line = 1) {
    Applied applied;
    apply_directive(text, line, applied.directives, applied.findings);
    return applied;
}

}  // namespace

TEST_CASE("skip, with and without a quoted reason", "[directive_parser]") {
    const Applied bare = apply("skip");
    CHECK(bare.directives.skip);
    CHECK(bare.directives.skip_reason.empty());
    CHECK(bare.findings.empty());

    const Applied quoted = apply("skip=\"needs redis\"");
    CHECK(quoted.directives.skip);
    CHECK(quoted.directives.skip_reason == "needs redis");
    CHECK(quoted.findings.empty());

    const Applied single = apply("skip='slow, flaky'");
    CHECK(single.directives.skip_reason == "slow, flaky");
    CHECK(single.findings.empty());
}

TEST_CASE("timeout takes a positive number of seconds", "[directive_parser]") {
    const Applied whole = apply("timeout=30");
    REQUIRE(whole.directives.timeout_seconds.has_value());
    CHECK(*whole.directives.timeout_seconds == 30.0);
    CHECK(whole.findings.empty());

    const Applied fraction = apply("timeout=2.5");
    REQUIRE(fraction.directives.timeout_seconds.has_value());
    CHECK(*fraction.directives.timeout_seconds == 2.5);
    CHECK_FALSE(fraction.directives.skip);
}

TEST_CASE("session is isolated or document", "[directive_parser]") {
    CHECK(apply("session=document").directives.session == "document");
    CHECK(apply("session=isolated").directives.session == "isolated");
    CHECK(apply("session=document").findings.empty());
}

TEST_CASE("expect-error names an exception, or any without a value", "[directive_parser]") {
    const Applied named = apply("expect-error=ValueError");
    CHECK(named.directives.expect_error == "ValueError");
    CHECK(named.findings.empty());
    CHECK(apply("expect-error").directives.expect_error == "any");
}

TEST_CASE("language overrides the detected language", "[directive_parser]") {
    const Applied applied = apply("language=sql");
    CHECK(applied.directives.language == "sql");
    CHECK(applied.findings.empty());
}

TEST_CASE("several keys in one directive all apply", "[directive_parser]") {
    const Applied applied = apply("skip=\"needs a server\" timeout=5, session=isolated");
    CHECK(applied.directives.skip);
    CHECK(applied.directives.skip_reason == "needs a server");
    REQUIRE(applied.directives.timeout_seconds.has_value());
    CHECK(*applied.directives.timeout_seconds == 5.0);
    CHECK(applied.directives.session == "isolated");
    CHECK(applied.findings.empty());
}

TEST_CASE("an unknown key is an unknown-directive finding at its line", "[directive_parser]") {
    const Applied applied = apply("retries=3", 12);
    REQUIRE(applied.findings.size() == 1);
    CHECK(applied.findings[0].rule == "unknown-directive");
    CHECK(applied.findings[0].line == 12);
    CHECK(applied.findings[0].severity == Severity::error);
    CHECK(applied.findings[0].message.find("retries") != std::string::npos);
}

TEST_CASE("a known key next to an unknown one still applies", "[directive_parser]") {
    const Applied applied = apply("skip colour=red", 4);
    CHECK(applied.directives.skip);
    REQUIRE(applied.findings.size() == 1);
    CHECK(applied.findings[0].rule == "unknown-directive");
    CHECK(applied.findings[0].line == 4);
}

TEST_CASE("a bad timeout is a finding at its line and leaves the timeout unset", "[directive_parser]") {
    for (const char* text : {"timeout=soon", "timeout=-1", "timeout=0", "timeout", "timeout=5s"}) {
        INFO(text);
        const Applied applied = apply(text, 8);
        CHECK_FALSE(applied.directives.timeout_seconds.has_value());
        REQUIRE(applied.findings.size() == 1);
        CHECK(applied.findings[0].line == 8);
        CHECK(applied.findings[0].rule == "bad-directive");
        CHECK(applied.findings[0].severity == Severity::error);
    }
}

TEST_CASE("a bad session value and an empty directive are findings", "[directive_parser]") {
    const Applied session = apply("session=forever", 3);
    CHECK(session.directives.session.empty());
    REQUIRE(session.findings.size() == 1);
    CHECK(session.findings[0].rule == "bad-directive");
    CHECK(session.findings[0].line == 3);

    const Applied empty = apply("", 9);
    REQUIRE(empty.findings.size() == 1);
    CHECK(empty.findings[0].line == 9);
}

TEST_CASE("code_directive_text reads # -- and // snipcheck comments", "[directive_parser]") {
    CHECK(code_directive_text("# snipcheck: timeout=5") == "timeout=5");
    CHECK(code_directive_text("    #snipcheck: skip") == "skip");
    CHECK(code_directive_text("-- snipcheck: skip") == "skip");
    CHECK(code_directive_text("// snipcheck: language=sql") == "language=sql");
    CHECK(code_directive_text("x = slow()  # snipcheck: timeout=60") == "timeout=60");
    CHECK(code_directive_text("# just a comment").empty());
    CHECK(code_directive_text("x = 1").empty());
}

TEST_CASE("code_directive_text finds the directive among other colons", "[directive_parser]") {
    CHECK(code_directive_text("d = {'a': 1}  # snipcheck: skip") == "skip");
    CHECK(code_directive_text("#: snipcheck: skip").empty());
    CHECK(code_directive_text("# snipcheck : skip").empty());
    CHECK(code_directive_text("# nosnipcheck: skip").empty());
    CHECK(code_directive_text("snipcheck").empty());
    CHECK(code_directive_text(":snipcheck:").empty());
}

TEST_CASE("mentions_snipcheck finds the word before a colon anywhere in a text", "[directive_parser]") {
    CHECK(mentions_snipcheck("x = 1\n# snipcheck: skip\n"));
    CHECK(mentions_snipcheck("print(1)  # snipcheck: timeout=3"));
    CHECK_FALSE(mentions_snipcheck("def f():\n    return {'a': 1}\n"));
    CHECK_FALSE(mentions_snipcheck("snipcheck is a tool: it checks"));
    CHECK_FALSE(mentions_snipcheck(""));
}
