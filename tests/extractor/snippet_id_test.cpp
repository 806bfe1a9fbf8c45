#include "extractor/snippet_id.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace snipcheck::extractor;

namespace {

Snippet python_snippet(std::string code) {
    Snippet snippet;
    snippet.language = "python";
    snippet.code = std::move(code);
    return snippet;
}

}  // namespace

TEST_CASE("assign_ids: twelve zero-padded hex digits of the content hash that never change") {
    // Ids are matched across runs and releases: these values must never change.
    std::vector<Snippet> snippets = {python_snippet("print(0)"), python_snippet("print(110)"),
                                     python_snippet("print(111)"), python_snippet("print(0) \t ")};
    assign_ids(snippets);
    CHECK(snippets[0].id == "63bc37667c15");
    CHECK(snippets[1].id == "0e95bb959ae9");
    CHECK(snippets[2].id == "0702dc9596ee");
    // Trailing spaces do not count; the same code again is numbered and a duplicate.
    CHECK(snippets[3].id == "63bc37667c15-2");
    CHECK(snippets[3].duplicate_of == "63bc37667c15");
    CHECK(snippets[1].duplicate_of.empty());
}

TEST_CASE("assign_ids: the same code with other expectations is numbered but no duplicate") {
    std::vector<Snippet> snippets(12, python_snippet("print(1)"));
    snippets[5].expectations.push_back({3, 0, ExpectationKind::output_comment, "1", ""});
    assign_ids(snippets);
    CHECK(snippets[11].id == snippets[0].id + "-12");
    CHECK(snippets[11].duplicate_of == snippets[0].id);
    CHECK(snippets[5].duplicate_of.empty());
}
