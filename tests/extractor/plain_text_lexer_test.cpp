#include "extractor/plain_text_lexer.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "extractor/code_shape.hpp"
#include "extractor/document.hpp"
#include "tests/extractor/test_documents.hpp"

using namespace snipcheck::extractor;
using snipcheck::test::load_document;
using snipcheck::test::strings_of;

using Strings = std::vector<std::string>;

namespace {

// Loads a plain-text case and checks it was not taken for Markdown.
Document load_plain(const std::string& name) {
    Document document = load_document("plain_text/" + name);
    REQUIRE(document.format == DocumentFormat::plain_text);
    return document;
}

}  // namespace

TEST_CASE("python paragraphs between prose paragraphs are unfenced blocks", "[plain_text_lexer]") {
    const Document document = load_plain("python_paragraphs.txt");
    const LexedDocument lexed = lex_plain_text(document);

    REQUIRE(lexed.blocks.size() == 4);
    for (const Block& block : lexed.blocks) {
        CHECK(block.form == BlockForm::unfenced);
        CHECK(block.fence_line == 0);
        CHECK(block.info.empty());
    }
    // A list comprehension assignment.
    CHECK(lexed.blocks[0].first_line == 5);
    CHECK(strings_of(lexed.blocks[0].lines) == Strings{"squares = [n * n for n in range(10)]"});
    // A def with a body.
    CHECK(lexed.blocks[1].first_line == 9);
    CHECK(lexed.blocks[1].last_line() == 11);
    CHECK(lexed.blocks[1].lines[0] == "def greet(name):");
    // A decorator and a property.
    CHECK(lexed.blocks[2].first_line == 15);
    CHECK(lexed.blocks[2].last_line() == 17);
    CHECK(lexed.blocks[2].lines[0] == "@property");
    // A settings dict over several lines.
    CHECK(lexed.blocks[3].first_line == 21);
    CHECK(lexed.blocks[3].last_line() == 25);
    CHECK(lexed.blocks[3].lines.front() == "CACHES = {");
    CHECK(lexed.blocks[3].lines.back() == "}");
}

TEST_CASE("a Dockerfile paragraph, an SQL paragraph and shell commands are blocks", "[plain_text_lexer]") {
    const Document document = load_plain("dockerfile_sql_shell.txt");
    const LexedDocument lexed = lex_plain_text(document);

    REQUIRE(lexed.blocks.size() == 3);
    CHECK(lexed.blocks[0].first_line == 3);
    CHECK(lexed.blocks[0].last_line() == 7);
    CHECK(lexed.blocks[0].lines[0] == "FROM python:3.11-slim");
    CHECK(lexed.blocks[1].first_line == 11);
    CHECK(strings_of(lexed.blocks[1].lines) == Strings{"SELECT id, name", "FROM users", "WHERE active = 1;"});
    CHECK(lexed.blocks[2].first_line == 17);
    CHECK(strings_of(lexed.blocks[2].lines) ==
          Strings{"pip install -r requirements.txt", "python manage.py migrate", "$ docker compose up"});
}

TEST_CASE("sentences mentioning list.append(x) or with transaction.atomic():, titles and bullets are not code",
          "[plain_text_lexer]") {
    const Document document = load_plain("prose_mentions_code.txt");
    const LexedDocument lexed = lex_plain_text(document);

    CHECK(lexed.blocks.empty());
}

TEST_CASE("an ALL-CAPS title and a numbered question line give the heading path", "[plain_text_lexer]") {
    const Document document = load_plain("titles_and_questions.txt");
    const LexedDocument lexed = lex_plain_text(document);

    REQUIRE(lexed.blocks.size() == 2);
    CHECK(lexed.blocks[0].first_line == 5);
    CHECK(lexed.blocks[0].last_line() == 9);
    CHECK(lexed.blocks[0].heading == Strings{"PYTHON CORE FUNDAMENTALS", "7. What are generators?"});
    // A new title drops the question of the previous section.
    CHECK(lexed.blocks[1].first_line == 13);
    CHECK(strings_of(lexed.blocks[1].lines) == Strings{"total = sum(range(5))"});
    CHECK(lexed.blocks[1].heading == Strings{"DJANGO ORM"});
}

TEST_CASE("two python paragraphs separated only by a blank line are one block", "[plain_text_lexer]") {
    const Document document = load_plain("python_split_by_blank.txt");
    const LexedDocument lexed = lex_plain_text(document);

    REQUIRE(lexed.blocks.size() == 2);
    const Block& joined = lexed.blocks[0];
    CHECK(joined.first_line == 3);
    CHECK(joined.last_line() == 8);
    CHECK(strings_of(joined.lines) == Strings{"class Counter:", "    def __init__(self):", "        self.count = 0", "",
                                              "counter = Counter()", "print(counter.count)"});
    // Prose in between keeps the next one apart.
    CHECK(lexed.blocks[1].first_line == 12);
    CHECK(strings_of(lexed.blocks[1].lines) == Strings{"value = 1"});
}

TEST_CASE("a snipcheck: line before a plain-text block is its directive and one before nothing is stray",
          "[plain_text_lexer]") {
    const Document document = load_plain("directive_line.txt");
    const LexedDocument lexed = lex_plain_text(document);

    REQUIRE(lexed.blocks.size() == 1);
    CHECK(lexed.blocks[0].first_line == 3);
    REQUIRE(lexed.blocks[0].directives.size() == 1);
    CHECK(lexed.blocks[0].directives[0].line == 1);
    CHECK(lexed.blocks[0].directives[0].text == "timeout=10");
    REQUIRE(lexed.stray_directives.size() == 1);
    CHECK(lexed.stray_directives[0].line == 6);
    CHECK(lexed.stray_directives[0].text == "skip");
}

// "Example:" is not Python (it is a SyntaxError); the code starts below it.
TEST_CASE("a label line heading a code paragraph is not part of the code", "[plain_text_lexer]") {
    const Document document = load_plain("label_then_code.txt");
    const LexedDocument lexed = lex_plain_text(document);

    REQUIRE(lexed.blocks.size() == 1);
    CHECK(lexed.blocks[0].first_line == 4);
    CHECK(strings_of(lexed.blocks[0].lines) == Strings{"total = add(2, 3)", "print(total)"});
}

TEST_CASE("reStructuredText in a .txt is prose: a header, underlines, roles, literals and footnotes",
          "[plain_text_lexer]") {
    const Document document = load_plain("rst_note.txt");
    const LexedDocument lexed = lex_plain_text(document);
    // Only the session is code.
    REQUIRE(lexed.blocks.size() == 1);
    CHECK(lexed.blocks[0].first_line == 17);
    CHECK(strings_of(lexed.blocks[0].lines) == Strings{"  >>> width = 7", "  >>> f'{width:03d}'", "  '007'"});
}

TEST_CASE("the plain-text lexer keeps the Python shapes it judged, for the language detector", "[plain_text_lexer]") {
    const Document document = load_plain("python_paragraphs.txt");
    const LexedDocument lexed = lex_plain_text(document);
    REQUIRE(lexed.python_shapes.size() == document.lines.size());
    REQUIRE_FALSE(lexed.blocks.empty());
    const Block& first = lexed.blocks[0];
    for (std::size_t i = 0; i < first.lines.size(); ++i) {
        const auto& shape = lexed.python_shapes[static_cast<std::size_t>(first.first_line - 1) + i];
        REQUIRE(shape.has_value());
        CHECK(*shape == python_line_shape(first.lines[i]));
    }
}

TEST_CASE("a line the lexer judged with a bracket left open has no shape kept", "[plain_text_lexer]") {
    DecodedText decoded;
    decoded.text = "Settings:\n\nTEMPLATES = [\n    {\n        'DIRS': [],\n    },\n]\n";
    const Document document = make_document("settings.txt", std::move(decoded));
    const LexedDocument lexed = lex_plain_text(document);
    REQUIRE(lexed.python_shapes.size() == document.lines.size());
    CHECK_FALSE(lexed.python_shapes[2].has_value());  // TEMPLATES = [
    CHECK(lexed.python_shapes[1] == LineShape::weak);  // a blank line
}
