#include "src/snippet_json.hpp"

#include <catch2/catch.hpp>

#include <string>

#include "tests/extractor/test_documents.hpp"

using nlohmann::json;
using namespace snipcheck;

namespace {

std::string dumped(const json& value) { return value.dump(2, ' ', false, json::error_handler_t::replace); }

std::string written(const extractor::Snippet& snippet) {
    std::string text;
    JsonWriter out(text);
    write_snippet_json(out, snippet);
    return text;
}

}  // namespace

TEST_CASE("write_snippet_json writes what dump(2) of snippet_to_json gives, every field set or not") {
    extractor::Snippet bare;
    CHECK(written(bare) == dumped(snippet_to_json(bare)));

    extractor::Snippet full;
    full.id = "0e95bb959ae9-2";
    full.file = "docs/guide.md";
    full.start_line = 12;
    full.end_line = 14;
    full.language = "sql";
    full.dialect = "postgresql";
    full.info = "sql title=\"q\"";
    full.form = extractor::SnippetForm::embedded;
    full.code = "SELECT 1;\n\tSELECT \"a\\b\";\x01";
    full.line_map = {12, 13, 14};
    full.expectations.push_back({13, 12, extractor::ExpectationKind::value_comment, "11", "(the minimum)"});
    full.expectations.push_back({14, 0, extractor::ExpectationKind::raises, "ValueError", ""});
    full.directives.skip = true;
    full.directives.skip_reason = "needs redis";
    full.directives.timeout_seconds = 2.5;
    full.directives.session = "document";
    full.directives.expect_error = "any";
    full.directives.language = "sql";
    full.defects = {"unterminated-fence", "invalid-utf8"};
    full.heading = {"Guide", "caf\xc3\xa9 \xff"};
    full.findings.push_back({13, "bad-directive", Severity::error, "timeout needs a number"});
    full.findings.push_back({14, "undefined-name", Severity::warning, "name 'x'"});
    full.duplicate_of = "0e95bb959ae9";
    full.parent = "7ee5371f7d3d";
    full.part_file = "models.py";
    CHECK(written(full) == dumped(snippet_to_json(full)));

    full.directives.skip_reason.clear();
    CHECK(written(full) == dumped(snippet_to_json(full)));
}

TEST_CASE("write_document_json writes what dump(2) of document_to_json gives") {
    const extractor::Document document = test::document_from_bytes("doc.md", "\xef\xbb\xbf```python\r\nprint(1)\r\n\xff\r\n");
    const extractor::ExtractedDocument extracted = extractor::extract(document);
    REQUIRE_FALSE(extracted.defects.empty());
    std::string text;
    JsonWriter out(text);
    write_document_json(out, "doc.md", document, extracted);
    CHECK(text == dumped(document_to_json("doc.md", document, extracted)));
}
