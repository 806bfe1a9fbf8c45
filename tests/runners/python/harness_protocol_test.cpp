#include <catch2/catch.hpp>

#include "runners/python/harness_protocol.hpp"

using namespace snipcheck;
using nlohmann::json;

TEST_CASE("a snippet's request marks the lines its expectations read", "[harness_protocol]") {
    extractor::Snippet snippet;
    snippet.id = "abc";
    snippet.code = "x = f()\nprint(x)  # Output: 1\nint('a')  # raises ValueError\n# Output:\n# 2";
    snippet.line_map = {10, 11, 12, 13, 14};
    snippet.form = extractor::SnippetForm::fenced;
    snippet.directives.session = "isolated";
    snippet.expectations = {{11, 11, extractor::ExpectationKind::output_comment, "1", ""},
                            {12, 12, extractor::ExpectationKind::raises, "ValueError", ""},
                            {13, 0, extractor::ExpectationKind::output_lines, "2", ""}};
    const json request = runners::python::snippet_request(snippet, 3, 2.5);
    CHECK(request["index"] == 3);
    CHECK(request["id"] == "abc");
    CHECK(request["line_map"] == json::array({10, 11, 12, 13, 14}));
    CHECK(request["display_lines"] == json::array({11}));
    CHECK(request["raises_lines"] == json::array({12}));
    CHECK(request["raises_at"] == json::array({12}));
    CHECK(request["attributed_lines"] == json::array({11, 12}));
    CHECK(request["boundaries"] == json::array({13}));
    CHECK(request["mode"] == "isolated");
    CHECK(request["timeout"] == 2.5);
    CHECK(request["session_form"] == false);
}

TEST_CASE("a harness result reads back as a run output", "[harness_protocol]") {
    const json result = json::parse(R"({
        "end": "raised", "statements": [{"line": 4, "end_line": 5, "output": "hi\n", "raised": true,
        "exception_type": "KeyError", "exception_message": "'k'"}], "stdout": "hi\n", "stderr": "warn\n",
        "stdout_cut_bytes": 7, "exception_type": "KeyError", "exception_message": "'k'", "exception_line": 5,
        "traceback": "Traceback ...", "raised_at": [{"line": 9, "type": "ValueError"}],
        "replayed": ["id1", 3], "missing_module": "django", "duration_ms": 1.5})");
    const RunOutput run = runners::python::output_from_result(result);
    CHECK(run.end == RunEnd::raised);
    REQUIRE(run.statements.size() == 1);
    CHECK(run.statements[0].end_line == 5);
    CHECK(run.statements[0].raised);
    CHECK(run.stdout_cut_bytes == 7);
    CHECK(run.exception_line == 5);
    REQUIRE(run.raised_at.size() == 1);
    CHECK(run.raised_at[0].exception_type == "ValueError");
    CHECK(run.replayed == std::vector<std::string>{"id1"});  // non-strings are ignored
    CHECK(run.missing_module == "django");
    CHECK(runners::python::output_from_result(json::parse(R"({"end": "timeout"})")).end == RunEnd::timeout);
    CHECK(runners::python::output_from_result(json::object()).end == RunEnd::completed);
}

TEST_CASE("a harness result names the services a snippet used or lacked", "[harness_protocol]") {
    const RunOutput used = runners::python::output_from_result(
        json::parse(R"({"end": "completed", "services": ["the run's Redis server 7.0.15", 1]})"));
    CHECK(used.services == std::vector<std::string>{"the run's Redis server 7.0.15"});
    CHECK(used.stubs.empty());  // a real server is no stand-in
    const RunOutput lacked = runners::python::output_from_result(json::parse(
        R"({"end": "not_run", "missing_environment": "a Redis server: redis-server is not installed"})"));
    CHECK(lacked.end == RunEnd::not_run);
    CHECK(lacked.missing_environment == "a Redis server: redis-server is not installed");
}
