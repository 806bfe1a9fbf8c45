#include <catch2/catch.hpp>

#include "extractor/extractor.hpp"
#include "runners/javascript/node_check.hpp"
#include "tests/extractor/test_documents.hpp"

using namespace snipcheck;

TEST_CASE("check_javascript: node --check accepts valid code and modules") {
    const RunOutput script = runners::javascript::check_javascript(
        test::only_snippet("```javascript\nconst el = document.getElementById('x');\nel.onclick = () => console.log(1);\n```\n"), 10);
    INFO(script.reason << script.exception_message);
    CHECK(script.end == RunEnd::completed);
    const RunOutput module = runners::javascript::check_javascript(
        test::only_snippet("```js\nimport fs from 'fs';\nexport default function f() { return fs; }\n```\n"), 10);
    INFO(module.exception_message);
    CHECK(module.end == RunEnd::completed);
}

TEST_CASE("check_javascript: a syntax error is an error at its document line") {
    const RunOutput output = runners::javascript::check_javascript(
        test::only_snippet("Intro.\n\n```javascript\nfunction f() {\n  return 1 +;\n}\n```\n"), 10);
    REQUIRE(output.end == RunEnd::raised);
    CHECK(output.exception_type == "SyntaxError");
    CHECK(output.exception_line == 5);
}
