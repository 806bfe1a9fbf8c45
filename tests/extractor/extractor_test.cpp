#include "extractor/extractor.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/extractor/test_documents.hpp"

using namespace snipcheck::extractor;
using snipcheck::Severity;
using snipcheck::test::line_range;
using snipcheck::test::load_document;

using Strings = std::vector<std::string>;

namespace {

bool has_defect(const Snippet& snippet, const std::string& code) {
    return std::find(snippet.defects.begin(), snippet.defects.end(), code) != snippet.defects.end();
}

std::vector<std::pair<int, std::string>> document_defects(const ExtractedDocument& extracted) {
    std::vector<std::pair<int, std::string>> out;
    for (const DocumentDefect& defect : extracted.defects) {
        out.emplace_back(defect.line, defect.code);
    }
    return out;
}

using LineAndCode = std::vector<std::pair<int, std::string>>;

}  // namespace

TEST_CASE("an output block after a python block is its output-block expectation, not a snippet", "[extractor]") {
    const Document document = load_document("extractor/output_block_after_python.md");
    const ExtractedDocument extracted = extract(document);

    REQUIRE(extracted.snippets.size() == 3);
    for (const Snippet& snippet : extracted.snippets) {
        CHECK(snippet.language == "python");
    }
    // An untagged block right after the code.
    const Snippet& first = extracted.snippets[0];
    CHECK(first.start_line == 2);
    REQUIRE(first.expectations.size() == 1);
    CHECK(first.expectations[0].kind == ExpectationKind::output_block);
    CHECK(first.expectations[0].expected == "2");
    CHECK(first.expectations[0].line == 6);
    CHECK(first.expectations[0].statement_line == 0);
    // A `text` block after an "Output:" line.
    const Snippet& second = extracted.snippets[1];
    CHECK(second.start_line == 10);
    REQUIRE(second.expectations.size() == 1);
    CHECK(second.expectations[0].kind == ExpectationKind::output_block);
    CHECK(second.expectations[0].expected == "x");
    CHECK(second.expectations[0].line == 16);
    // A python block after python is a snippet of its own.
    const Snippet& third = extracted.snippets[2];
    CHECK(third.start_line == 20);
    CHECK(third.expectations.empty());
}

TEST_CASE("identical snippets get ids X and X-2, the second a duplicate of the first", "[extractor]") {
    const Document document = load_document("extractor/duplicate_snippets.md");
    const ExtractedDocument extracted = extract(document);

    REQUIRE(extracted.snippets.size() == 3);
    const Snippet& first = extracted.snippets[0];
    const Snippet& again = extracted.snippets[1];
    const Snippet& other = extracted.snippets[2];
    REQUIRE_FALSE(first.id.empty());
    CHECK(first.duplicate_of.empty());
    CHECK(again.id == first.id + "-2");
    CHECK(again.duplicate_of == first.id);
    CHECK(again.start_line == 8);
    CHECK(other.id != first.id);
    CHECK(other.id.find('-') == std::string::npos);
    CHECK(other.duplicate_of.empty());
}

TEST_CASE("a snippet's id survives a paragraph inserted above it and its lines move", "[extractor]") {
    const Document before_document = load_document("extractor/stable_ids_before.md");
    const Document after_document = load_document("extractor/stable_ids_after.md");
    const ExtractedDocument before = extract(before_document);
    const ExtractedDocument after = extract(after_document);

    REQUIRE(before.snippets.size() == 1);
    REQUIRE(after.snippets.size() == 1);
    CHECK_FALSE(before.snippets[0].id.empty());
    CHECK(after.snippets[0].id == before.snippets[0].id);

    CHECK(before.snippets[0].start_line == 4);
    CHECK(before.snippets[0].end_line == 5);
    CHECK(after.snippets[0].start_line == 6);
    CHECK(after.snippets[0].end_line == 7);
    CHECK(after.snippets[0].line_map == line_range(6, 2));
    REQUIRE(before.snippets[0].expectations.size() == 1);
    REQUIRE(after.snippets[0].expectations.size() == 1);
    CHECK(before.snippets[0].expectations[0].line == 5);
    CHECK(after.snippets[0].expectations[0].line == 7);
    CHECK(after.snippets[0].expectations[0].expected == "6");
}

TEST_CASE("embedded SQL snippets come right after their parent with parent set", "[extractor]") {
    const Document document = load_document("extractor/embedded_sql.md");
    const ExtractedDocument extracted = extract(document);

    REQUIRE(extracted.snippets.size() == 4);
    const Snippet& parent = extracted.snippets[0];
    CHECK(parent.language == "python");
    CHECK(parent.start_line == 2);
    CHECK(parent.end_line == 9);
    CHECK(parent.parent.empty());

    const Snippet& select = extracted.snippets[1];
    CHECK(select.form == SnippetForm::embedded);
    CHECK(select.language == "sql");
    CHECK(select.parent == parent.id);
    CHECK(select.code == "SELECT id FROM auth_user WHERE id = %s");
    CHECK(select.start_line == 5);
    CHECK(select.end_line == 5);

    const Snippet& update = extracted.snippets[2];
    CHECK(update.form == SnippetForm::embedded);
    CHECK(update.parent == parent.id);
    CHECK(update.code == "UPDATE auth_user\nSET is_active = 1");
    CHECK(update.line_map == std::vector<int>{7, 8});
    CHECK(update.start_line == 7);
    CHECK(update.end_line == 8);

    const Snippet& next = extracted.snippets[3];
    CHECK(next.language == "python");
    CHECK(next.start_line == 13);
    CHECK(next.parent.empty());
}

TEST_CASE("mojibake and invalid UTF-8 defects propagate to the snippets whose lines hold them", "[extractor]") {
    const Document document = load_document("extractor/encoding_defects.md");
    const ExtractedDocument extracted = extract(document);

    CHECK(document_defects(extracted) == LineAndCode{{4, "mojibake"}, {13, "invalid-utf8"}});
    REQUIRE(extracted.snippets.size() == 3);
    CHECK(extracted.snippets[0].start_line == 4);
    CHECK(has_defect(extracted.snippets[0], "mojibake"));
    CHECK_FALSE(has_defect(extracted.snippets[0], "invalid-utf8"));
    CHECK(extracted.snippets[1].start_line == 9);
    CHECK(extracted.snippets[1].defects.empty());
    CHECK(extracted.snippets[2].start_line == 13);
    CHECK(has_defect(extracted.snippets[2], "invalid-utf8"));
    CHECK_FALSE(has_defect(extracted.snippets[2], "mojibake"));
}

TEST_CASE("a document that starts inside a block is a document defect and a snippet defect", "[extractor]") {
    const Document document = load_document("markdown/starts_inside_block.md");
    const ExtractedDocument extracted = extract(document);

    CHECK(document_defects(extracted) == LineAndCode{{1, "starts-inside-block"}});
    REQUIRE(extracted.snippets.size() == 2);
    CHECK(extracted.snippets[0].start_line == 1);
    CHECK(extracted.snippets[0].end_line == 2);
    CHECK(extracted.snippets[0].defects == Strings{"starts-inside-block"});
    CHECK(extracted.snippets[1].defects.empty());
}

TEST_CASE("a plainly wrong language tag is overruled with defect wrong-language-tag", "[extractor]") {
    const Document document = load_document("extractor/wrong_language_tag.md");
    const ExtractedDocument extracted = extract(document);

    REQUIRE(extracted.snippets.size() == 1);
    CHECK(extracted.snippets[0].language == "haproxy");
    CHECK(extracted.snippets[0].info == "python");
    CHECK(extracted.snippets[0].defects == Strings{"wrong-language-tag"});
    CHECK(extracted.snippets[0].expectations.empty());
}

TEST_CASE("directives before and inside a block apply to the snippet and bad and stray ones are diagnostics",
          "[extractor]") {
    const Document document = load_document("extractor/directives_and_findings.md");
    const ExtractedDocument extracted = extract(document);

    REQUIRE(extracted.snippets.size() == 1);
    const Snippet& snippet = extracted.snippets[0];
    REQUIRE(snippet.directives.timeout_seconds.has_value());
    CHECK(*snippet.directives.timeout_seconds == 30.0);
    CHECK(snippet.directives.expect_error == "TimeoutError");
    CHECK_FALSE(snippet.directives.skip);
    CHECK(snippet.expectations.empty());
    REQUIRE(snippet.findings.size() == 1);
    CHECK(snippet.findings[0].rule == "unknown-directive");
    CHECK(snippet.findings[0].line == 1);

    REQUIRE(extracted.diagnostics.size() == 2);
    CHECK(extracted.diagnostics[0].line == 1);
    CHECK(extracted.diagnostics[0].severity == Severity::error);
    CHECK(extracted.diagnostics[0].path == "extractor/directives_and_findings.md");
    CHECK(extracted.diagnostics[1].line == 7);
    CHECK(extracted.diagnostics[1].severity == Severity::warning);
}

TEST_CASE("a >>> block is a session snippet with doctest expectations", "[extractor]") {
    const Document document = load_document("extractor/session_block.md");
    const ExtractedDocument extracted = extract(document);

    REQUIRE(extracted.snippets.size() == 1);
    const Snippet& snippet = extracted.snippets[0];
    CHECK(snippet.form == SnippetForm::session);
    CHECK(snippet.language == "python");
    CHECK(snippet.code == "2 + 3");
    CHECK(snippet.line_map == std::vector<int>{2});
    REQUIRE(snippet.expectations.size() == 1);
    CHECK(snippet.expectations[0].kind == ExpectationKind::doctest);
    CHECK(snippet.expectations[0].expected == "5");
    CHECK(snippet.expectations[0].line == 3);
    CHECK(snippet.expectations[0].statement_line == 2);
}

TEST_CASE("plain-text Dockerfile, SQL and shell paragraphs get their languages", "[extractor]") {
    const Document document = load_document("plain_text/dockerfile_sql_shell.txt");
    REQUIRE(document.format == DocumentFormat::plain_text);
    const ExtractedDocument extracted = extract(document);

    REQUIRE(extracted.snippets.size() == 3);
    CHECK(extracted.snippets[0].language == "dockerfile");
    CHECK(extracted.snippets[0].start_line == 3);
    CHECK(extracted.snippets[0].end_line == 7);
    CHECK(extracted.snippets[1].language == "sql");
    CHECK(extracted.snippets[1].start_line == 11);
    CHECK(extracted.snippets[2].language == "bash");
    CHECK(extracted.snippets[2].start_line == 17);
    for (const Snippet& snippet : extracted.snippets) {
        CHECK(snippet.form == SnippetForm::unfenced);
    }
}

TEST_CASE("plain-text python paragraphs are python snippets", "[extractor]") {
    const Document document = load_document("plain_text/python_paragraphs.txt");
    const ExtractedDocument extracted = extract(document);

    REQUIRE(extracted.snippets.size() == 4);
    // The list comprehension, the def and the decorated property.
    for (std::size_t i = 0; i < 3; ++i) {
        INFO("snippet at line " << extracted.snippets[i].start_line);
        CHECK(extracted.snippets[i].language == "python");
    }
    CHECK(extracted.snippets[0].start_line == 5);
    CHECK(extracted.snippets[1].start_line == 9);
    CHECK(extracted.snippets[2].start_line == 15);
}

TEST_CASE("a plain-text settings dict CACHES = {...} over several lines is a python snippet",
          "[extractor]") {
    const Document document = load_document("plain_text/python_paragraphs.txt");
    const ExtractedDocument extracted = extract(document);

    REQUIRE(extracted.snippets.size() == 4);
    CHECK(extracted.snippets[3].start_line == 21);
    CHECK(extracted.snippets[3].end_line == 25);
    CHECK(extracted.snippets[3].language == "python");
}

TEST_CASE("a block holding code and then a >>> session showing it is two snippets", "[extractor]") {
    const Document document = snipcheck::test::document_from_bytes(
        "doc.md", "# Halving\n\n    def halve(n):\n        return n / 2\n\n    >>> halve(9)\n    4.5\n\n"
                  "```python\nx = 1  # not a session: the prompt is inside a string below\ns = '''\n>>> y\n'''\n```\n");
    const ExtractedDocument extracted = extract(document);
    REQUIRE(extracted.snippets.size() == 3);
    CHECK(extracted.snippets[0].form == SnippetForm::indented);
    CHECK(extracted.snippets[0].line_map == std::vector<int>{3, 4});
    CHECK(extracted.snippets[1].form == SnippetForm::session);
    CHECK(extracted.snippets[1].code == "halve(9)");
    REQUIRE(extracted.snippets[1].expectations.size() == 1);
    CHECK(extracted.snippets[1].expectations[0].expected == "4.5");
    CHECK(extracted.snippets[1].example_lines == std::vector<int>{6});
    CHECK(extracted.snippets[2].form == SnippetForm::fenced);
}

TEST_CASE("a console block that starts at a prompt is commands, not the output of the block before", "[extractor]") {
    const Document document = snipcheck::test::document_from_bytes(
        "doc.md", "# Prompts\n\n```console\n$ python -m venv env\n```\n\n```console\n(env) $ python -m pip --version\n```\n\n"
                  "```console\n$ echo hi\n```\n\n```console\nhi\n```\n");
    const ExtractedDocument extracted = extract(document);
    REQUIRE(extracted.snippets.size() == 3);
    CHECK(extracted.snippets[1].code == "(env) $ python -m pip --version");
    // A console block without a prompt after one is still its output.
    REQUIRE(extracted.snippets[2].expectations.size() == 1);
    CHECK(extracted.snippets[2].expectations[0].expected == "hi");
}
