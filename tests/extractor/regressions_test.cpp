// Inputs that once broke the extractor (found by the fuzzer or the corpus),
// one data file each under tests/data/regressions/.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "extractor/extractor.hpp"
#include "src/snippet_json.hpp"
#include "tests/extractor/test_documents.hpp"

using namespace snipcheck;

TEST_CASE("a long plain-text question is cut at a UTF-8 character boundary", "[regression]") {
    const extractor::Document document = test::load_document("regressions/long_question_utf8.txt");
    const extractor::ExtractedDocument extracted = extractor::extract(document);
    REQUIRE(extracted.snippets.size() == 1);
    REQUIRE(extracted.snippets[0].heading.size() == 1);
    const std::string& heading = extracted.snippets[0].heading[0];
    CHECK(heading.size() == 79);  // the 2-byte "é" at bytes 79-80 is left out whole
    // Serialising must not throw on invalid UTF-8 (it did: the cut split "é").
    CHECK_NOTHROW(snippet_to_json(extracted.snippets[0]).dump());
}

TEST_CASE("an indented line under a code line of a paragraph is not a block of its own", "[regression]") {
    // Seen in the corpus: `if __name__ == "__main__":` then `    main()` inside
    // a paragraph gave a snippet `main()` alone.
    const extractor::Document document = test::load_document("regressions/indented_under_code_line.md");
    const extractor::ExtractedDocument extracted = extractor::extract(document);
    REQUIRE(extracted.snippets.size() == 1);
    CHECK(extracted.snippets[0].start_line == 6);
    CHECK(extracted.snippets[0].end_line == 7);
    CHECK(extracted.snippets[0].code == "def f():\n    return 1");
}

TEST_CASE("a closing fence with words after it closes the block", "[regression]") {
    // "``` end of example" is no info string: it used to open a block named "end".
    const extractor::Document document = test::load_document("regressions/text_after_closing_fence.md");
    const extractor::ExtractedDocument extracted = extractor::extract(document);
    REQUIRE(extracted.snippets.size() == 2);
    CHECK(extracted.snippets[0].end_line == 2);
    CHECK(extracted.snippets[0].defects == std::vector<std::string>{"text-after-closing-fence"});
    CHECK(extracted.snippets[1].start_line == 7);
    CHECK(extracted.snippets[1].language == "python");
    CHECK(extracted.snippets[1].defects.empty());
}

TEST_CASE("a session block that yields no code is no snippet for the next block to follow", "[regression]") {
    // Found by the fuzzer: "\v>>>" is a session of one empty prompt, which
    // added no snippet, yet the next block looked up that snippet's slot.
    const extractor::Document document = test::load_document("regressions/empty_session_then_session.txt");
    const extractor::ExtractedDocument extracted = extractor::extract(document);
    REQUIRE(extracted.snippets.size() == 1);
    CHECK(extracted.snippets[0].start_line == 3);
    CHECK(extracted.snippets[0].code == "e");
    CHECK(extracted.snippets[0].form == extractor::SnippetForm::session);
}
