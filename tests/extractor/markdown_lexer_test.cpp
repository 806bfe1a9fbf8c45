#include "extractor/markdown_lexer.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "tests/extractor/test_documents.hpp"

using namespace snipcheck::extractor;
using snipcheck::test::load_document;
using snipcheck::test::strings_of;

using Strings = std::vector<std::string>;

namespace {

std::vector<std::pair<int, std::string>> directives_of(const std::vector<DirectiveComment>& directives) {
    std::vector<std::pair<int, std::string>> out;
    for (const DirectiveComment& directive : directives) {
        out.emplace_back(directive.line, directive.text);
    }
    return out;
}

using LineAndText = std::vector<std::pair<int, std::string>>;

}  // namespace

TEST_CASE("fences of backticks and tildes of length 3, 4 and 5 each make one block", "[markdown_lexer]") {
    const Document document = load_document("markdown/fence_lengths.md");
    const LexedDocument lexed = lex_markdown(document);

    struct Expected {
        int fence_line;
        int first_line;
        int end_marker_line;
        std::string code;
    };
    const std::vector<Expected> expected = {
        {3, 4, 5, "a = 1"},     {7, 8, 9, "b = 2"},     {11, 12, 13, "c = 3"},
        {15, 16, 17, "d = 4"}, {19, 20, 21, "e = 5"}, {23, 24, 25, "f = 6"},
    };
    REQUIRE(lexed.blocks.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Block& block = lexed.blocks[i];
        INFO("block " << i);
        CHECK(block.form == BlockForm::fenced);
        CHECK(block.fence_line == expected[i].fence_line);
        CHECK(block.first_line == expected[i].first_line);
        CHECK(block.end_marker_line == expected[i].end_marker_line);
        CHECK(block.info == "python");
        CHECK(strings_of(block.lines) == Strings{expected[i].code});
        CHECK(block.defects.empty());
    }
    CHECK(lexed.defects.empty());
}

TEST_CASE("a fence inside a list item is a block whose content is dedented by the fence's indent", "[markdown_lexer]") {
    const Document document = load_document("markdown/fence_in_list_item.md");
    const LexedDocument lexed = lex_markdown(document);

    REQUIRE(lexed.blocks.size() == 2);
    const Block& shell = lexed.blocks[0];
    CHECK(shell.form == BlockForm::fenced);
    CHECK(shell.fence_line == 3);
    CHECK(shell.first_line == 4);
    CHECK(shell.end_marker_line == 5);
    CHECK(shell.info == "bash");
    CHECK(strings_of(shell.lines) == Strings{"pip install requests"});

    // The nested item's fence is indented 5 columns; the code keeps only its own indentation.
    const Block& python = lexed.blocks[1];
    CHECK(python.fence_line == 9);
    CHECK(python.first_line == 10);
    CHECK(python.end_marker_line == 13);
    CHECK(python.info == "python");
    CHECK(strings_of(python.lines) == Strings{"import requests", "if requests:", "    print(\"ok\")"});
    CHECK(python.defects.empty());
}

TEST_CASE("an info string with attributes is kept as written", "[markdown_lexer]") {
    const Document document = load_document("markdown/info_string_attributes.md");
    const LexedDocument lexed = lex_markdown(document);

    REQUIRE(lexed.blocks.size() == 1);
    CHECK(lexed.blocks[0].info == "python title=\"x\"");
    CHECK(lexed.blocks[0].fence_line == 1);
    CHECK(lexed.blocks[0].first_line == 2);
    CHECK(lexed.blocks[0].end_marker_line == 3);
    CHECK(strings_of(lexed.blocks[0].lines) == Strings{"print(\"hi\")"});
}

TEST_CASE("4-space indented code after a blank line is an indented block, blank lines inside kept", "[markdown_lexer]") {
    const Document document = load_document("markdown/indented_after_blank.md");
    const LexedDocument lexed = lex_markdown(document);

    REQUIRE(lexed.blocks.size() == 1);
    const Block& block = lexed.blocks[0];
    CHECK(block.form == BlockForm::indented);
    CHECK(block.first_line == 3);
    CHECK(block.last_line() == 6);
    CHECK(block.fence_line == 0);
    CHECK(block.end_marker_line == 0);
    CHECK(strings_of(block.lines) == Strings{"def add(a, b):", "    return a + b", "", "print(add(1, 2))"});
    CHECK(block.defects.empty());
}

TEST_CASE("indented code directly after a paragraph line is code with defect indented-after-paragraph",
          "[markdown_lexer]") {
    const Document document = load_document("markdown/indented_after_paragraph.md");
    const LexedDocument lexed = lex_markdown(document);

    REQUIRE(lexed.blocks.size() == 1);
    const Block& block = lexed.blocks[0];
    CHECK(block.form == BlockForm::indented);
    CHECK(block.first_line == 2);
    CHECK(strings_of(block.lines) == Strings{"result = compute(3)", "print(result)"});
    CHECK(block.defects == Strings{"indented-after-paragraph"});
}

TEST_CASE("prose and list items indented 4 spaces are not code", "[markdown_lexer]") {
    const Document document = load_document("markdown/indented_prose_not_code.md");
    const LexedDocument lexed = lex_markdown(document);

    CHECK(lexed.blocks.empty());
    CHECK(lexed.defects.empty());
}

TEST_CASE("a document that starts inside a code block gives a block from line 1 and a document defect",
          "[markdown_lexer]") {
    const Document document = load_document("markdown/starts_inside_block.md");
    const LexedDocument lexed = lex_markdown(document);

    REQUIRE(lexed.blocks.size() == 2);
    const Block& orphan = lexed.blocks[0];
    CHECK(orphan.form == BlockForm::fenced);
    CHECK(orphan.first_line == 1);
    CHECK(orphan.fence_line == 0);
    CHECK(orphan.end_marker_line == 3);
    CHECK(strings_of(orphan.lines) == Strings{"result = compute(2)", "print(result)"});
    CHECK(orphan.defects == Strings{"starts-inside-block"});

    const Block& next = lexed.blocks[1];
    CHECK(next.fence_line == 7);
    CHECK(next.first_line == 8);
    CHECK(strings_of(next.lines) == Strings{"x = 1"});
    CHECK(next.defects.empty());

    CHECK(lexed.defects == LineAndText{{1, "starts-inside-block"}});
}

TEST_CASE("a block cut off by an opening fence ends before the prose and the heading spliced into its last line",
          "[markdown_lexer]") {
    const Document document = load_document("markdown/fence_inside_block.md");
    const LexedDocument lexed = lex_markdown(document);

    REQUIRE(lexed.blocks.size() == 2);
    const Block& cut = lexed.blocks[0];
    CHECK(cut.fence_line == 3);
    CHECK(cut.first_line == 4);
    CHECK(cut.last_line() == 5);
    CHECK(cut.end_marker_line == 0);
    CHECK(strings_of(cut.lines) == Strings{"import re", "pattern = re.compile(r'^[a-z]+"});
    CHECK(cut.defects == Strings{"fence-inside-block", "cut-off"});
    CHECK(cut.heading == Strings{"Guide"});

    // The spliced `### Q5: ...` still counts as a heading for what follows.
    const Block& next = lexed.blocks[1];
    CHECK(next.fence_line == 9);
    CHECK(next.first_line == 10);
    CHECK(next.end_marker_line == 12);
    CHECK(strings_of(next.lines) == Strings{"def deco(f):", "    return f"});
    CHECK(next.defects.empty());
    CHECK(next.heading == Strings{"Guide", "Q5: Explain decorators"});
}

TEST_CASE("a fence never closed runs to the end of the file with defect unterminated-fence", "[markdown_lexer]") {
    const Document document = load_document("markdown/unterminated_fence.md");
    const LexedDocument lexed = lex_markdown(document);

    REQUIRE(lexed.blocks.size() == 1);
    const Block& block = lexed.blocks[0];
    CHECK(block.fence_line == 3);
    CHECK(block.first_line == 4);
    CHECK(block.last_line() == 5);
    CHECK(block.end_marker_line == 0);
    CHECK(strings_of(block.lines) == Strings{"x = 1", "print(x)"});
    CHECK(block.defects == Strings{"unterminated-fence"});
    CHECK(block.heading == Strings{"Setup"});
}

TEST_CASE("a shorter fence inside a longer outer fence stays content", "[markdown_lexer]") {
    const Document document = load_document("markdown/longer_outer_fence.md");
    const LexedDocument lexed = lex_markdown(document);

    REQUIRE(lexed.blocks.size() == 1);
    const Block& block = lexed.blocks[0];
    CHECK(block.info == "markdown");
    CHECK(block.fence_line == 1);
    CHECK(block.first_line == 2);
    CHECK(block.end_marker_line == 7);
    CHECK(strings_of(block.lines) == Strings{"Here is an example:", "", "```python", "print(\"inner\")", "```"});
    CHECK(block.defects.empty());
    CHECK(lexed.defects.empty());
}

TEST_CASE("heading paths follow ATX and setext headings and end with a bold question line", "[markdown_lexer]") {
    const Document document = load_document("markdown/heading_paths.md");
    const LexedDocument lexed = lex_markdown(document);

    REQUIRE(lexed.blocks.size() == 4);
    CHECK(lexed.blocks[0].first_line == 6);
    CHECK(lexed.blocks[0].heading == Strings{"Guide", "Part A"});
    CHECK(lexed.blocks[1].first_line == 13);
    CHECK(lexed.blocks[1].heading == Strings{"Guide", "Part B"});
    CHECK(lexed.blocks[2].first_line == 19);
    CHECK(lexed.blocks[2].heading == Strings{"Guide", "Part B", "1. Explain X:"});
    // A level-1 setext heading replaces the whole path and drops the question.
    CHECK(lexed.blocks[3].first_line == 26);
    CHECK(lexed.blocks[3].heading == Strings{"Title Two"});
}

TEST_CASE("directive comments before a block are attached to it with their lines", "[markdown_lexer]") {
    const Document document = load_document("markdown/directives.md");
    const LexedDocument lexed = lex_markdown(document);

    REQUIRE(lexed.blocks.size() == 5);
    CHECK(lexed.blocks[0].first_line == 3);
    CHECK(directives_of(lexed.blocks[0].directives) == LineAndText{{1, "skip"}});
    CHECK(lexed.blocks[1].first_line == 9);
    CHECK(directives_of(lexed.blocks[1].directives) == LineAndText{{6, "timeout=30"}});
    CHECK(lexed.blocks[2].first_line == 14);
    CHECK(directives_of(lexed.blocks[2].directives) == LineAndText{{12, "session=document"}});
    CHECK(lexed.blocks[3].first_line == 19);
    CHECK(directives_of(lexed.blocks[3].directives) == LineAndText{{17, "expect-error=ValueError"}});
    CHECK(lexed.blocks[4].first_line == 23);
    CHECK(lexed.blocks[4].directives.empty());
    CHECK(lexed.stray_directives.empty());
}

TEST_CASE("a multi-line HTML comment is skipped whole, and a multi-line directive comment is read", "[markdown_lexer]") {
    const Document document = load_document("markdown/multiline_html_comment.md");
    const LexedDocument lexed = lex_markdown(document);

    // The indented line inside the comment (line 2) is not indented code.
    REQUIRE(lexed.blocks.size() == 2);
    CHECK(lexed.blocks[0].first_line == 7);
    CHECK(strings_of(lexed.blocks[0].lines) == Strings{"x = 1"});
    CHECK(lexed.blocks[0].directives.empty());
    CHECK(lexed.blocks[1].first_line == 13);
    CHECK(directives_of(lexed.blocks[1].directives) == LineAndText{{10, "timeout=5"}});
    CHECK(lexed.stray_directives.empty());
}

TEST_CASE("a directive followed by a heading and no block is a stray directive", "[markdown_lexer]") {
    const Document document = load_document("markdown/stray_directive.md");
    const LexedDocument lexed = lex_markdown(document);

    REQUIRE(lexed.blocks.size() == 1);
    CHECK(lexed.blocks[0].first_line == 6);
    CHECK(lexed.blocks[0].directives.empty());
    CHECK(lexed.blocks[0].heading == Strings{"Next section"});
    // The one at the end of the file is followed by nothing at all.
    CHECK(directives_of(lexed.stray_directives) == LineAndText{{1, "skip"}, {9, "timeout=3"}});
}

TEST_CASE("a >>> session written as a paragraph is an unfenced block", "[markdown_lexer]") {
    const Document document = load_document("markdown/session_paragraph.md");
    const LexedDocument lexed = lex_markdown(document);

    REQUIRE(lexed.blocks.size() == 1);
    const Block& block = lexed.blocks[0];
    CHECK(block.form == BlockForm::unfenced);
    CHECK(block.first_line == 3);
    CHECK(block.fence_line == 0);
    CHECK(strings_of(block.lines) == Strings{">>> x = 2", ">>> x * 3", "6"});
}

TEST_CASE("an Output: label between blocks marks the next block and prose between them breaks the chain",
          "[markdown_lexer]") {
    const Document document = load_document("markdown/output_label.md");
    const LexedDocument lexed = lex_markdown(document);

    REQUIRE(lexed.blocks.size() == 6);
    const std::vector<int> first_lines = {2, 8, 12, 17, 21, 27};
    for (std::size_t i = 0; i < first_lines.size(); ++i) {
        INFO("block " << i);
        CHECK(lexed.blocks[i].first_line == first_lines[i]);
    }
    CHECK_FALSE(lexed.blocks[0].follows_previous);
    CHECK_FALSE(lexed.blocks[0].after_output_label);
    // "Output:" (line 5), blank lines around it.
    CHECK(lexed.blocks[1].follows_previous);
    CHECK(lexed.blocks[1].after_output_label);
    CHECK(strings_of(lexed.blocks[1].lines) == Strings{"2"});
    // Only blank lines between: follows, but no label.
    CHECK(lexed.blocks[2].follows_previous);
    CHECK_FALSE(lexed.blocks[2].after_output_label);
    // "**Output:**" (line 15) directly above the fence.
    CHECK(lexed.blocks[3].follows_previous);
    CHECK(lexed.blocks[3].after_output_label);
    CHECK(lexed.blocks[4].follows_previous);
    CHECK_FALSE(lexed.blocks[4].after_output_label);
    // A sentence between (line 24): not an output of the block before.
    CHECK_FALSE(lexed.blocks[5].follows_previous);
    CHECK_FALSE(lexed.blocks[5].after_output_label);
}

// Markdown reads `>` as a blockquote that interrupts the paragraph; the author
// wrote a session, and a `>>>` line never continues a sentence.
TEST_CASE("a >>> session right after a paragraph line is an unfenced block", "[markdown_lexer]") {
    const Document document = load_document("markdown/session_after_paragraph_line.md");
    const LexedDocument lexed = lex_markdown(document);

    REQUIRE(lexed.blocks.size() == 1);
    CHECK(lexed.blocks[0].form == BlockForm::unfenced);
    CHECK(lexed.blocks[0].first_line == 2);
    CHECK(strings_of(lexed.blocks[0].lines) == Strings{">>> 1 + 1", "2"});
}

// Code indented 8 spaces under "1. " (content column 3): strict CommonMark
// keeps one leading space, which Python rejects; the author meant `y = 2`.
TEST_CASE("indented code in a list item loses the indentation its lines share", "[markdown_lexer]") {
    const Document document = load_document("markdown/indented_code_in_list_item.md");
    const LexedDocument lexed = lex_markdown(document);

    REQUIRE(lexed.blocks.size() == 1);
    CHECK(lexed.blocks[0].form == BlockForm::indented);
    CHECK(lexed.blocks[0].first_line == 3);
    CHECK(strings_of(lexed.blocks[0].lines) == Strings{"y = 2", "print(y)"});
}
