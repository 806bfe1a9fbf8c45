#include "extractor/code_shape.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

using namespace snipcheck::extractor;

TEST_CASE("python_line_shape: two bare names side by side are not Python", "[code_shape]") {
    CHECK(python_line_shape("Error field input the signal server") == LineShape::not_code);
    CHECK(python_line_shape("x1\ty2 = 3") == LineShape::not_code);
    CHECK(python_line_shape("  Module  image package") == LineShape::not_code);
}

TEST_CASE("python_line_shape: a keyword beside a name is no pair of bare names", "[code_shape]") {
    CHECK(python_line_shape("import os") == LineShape::strong);
    CHECK(python_line_shape("return value") == LineShape::strong);
    // "is" is a keyword: the line is judged on all its tokens.
    CHECK(python_line_shape("value is None") != LineShape::strong);
    CHECK(python_line_shape("print value") != LineShape::strong);
}

TEST_CASE("python_line_shape: a name before a quote may be a string prefix", "[code_shape]") {
    // `rb'...'` is one string token, so `x rb'data'` is no pair of names.
    CHECK(python_line_shape("x rb'data'") == python_line_shape("x 'data'"));
    CHECK(python_line_shape("x = f'{y}'") == LineShape::strong);
}

TEST_CASE("python_line_shape: code and comments", "[code_shape]") {
    CHECK(python_line_shape("x = 1") == LineShape::strong);
    CHECK(python_line_shape("print(x)") == LineShape::strong);
    CHECK(python_line_shape("# a comment") == LineShape::weak);
    CHECK(python_line_shape("") == LineShape::weak);
}

TEST_CASE("python_block_shapes judges each line of a long block once", "[code_shape]") {
    // More lines than the shapes kept on the stack.
    std::vector<std::string_view> lines(70, "x = 1");
    lines[65] = "Error field input the signal";
    std::vector<PyToken> tokens;
    tokenize_python(lines, tokens);
    const std::vector<LineShape> shapes = python_block_shapes(lines, tokens, lines.size());
    REQUIRE(shapes.size() == 70);
    CHECK(shapes[0] == LineShape::strong);
    CHECK(shapes[64] == LineShape::strong);
    CHECK(shapes[65] == LineShape::not_code);
    CHECK(shapes[69] == LineShape::strong);
    const std::vector<LineShape> first = python_block_shapes(lines, tokens, 3);
    CHECK(first == std::vector<LineShape>(3, LineShape::strong));
}

TEST_CASE("python_block_shapes into a caller's vector replaces what it held", "[code_shape]") {
    const std::vector<std::string_view> lines{"x = 1", "Error field input the signal", "print(x)"};
    std::vector<PyToken> tokens;
    tokenize_python(lines, tokens);
    std::vector<LineShape> shapes(10, LineShape::not_code);
    python_block_shapes(lines, tokens, lines.size(), shapes);
    CHECK(shapes == python_block_shapes(lines, tokens, lines.size()));
    CHECK(shapes == std::vector<LineShape>{LineShape::strong, LineShape::not_code, LineShape::strong});
    python_block_shapes(lines, tokens, 1, shapes);
    CHECK(shapes == std::vector<LineShape>{LineShape::strong});
}

TEST_CASE("python_line_shape: reStructuredText markup and mail headers are not Python", "[code_shape]") {
    for (const char* line : {"==========", "**************", "~~~~~", ".. [#] a note", ".. note::", "``str.format()``::",
                             "Padding came up in :ref:`formatting`, where", "Version: $Revision$",
                             "Content-Type: text/x-rst", "Resolution: https://example.org/x", "print(a?)"}) {
        INFO(line);
        CHECK(python_line_shape(line) == LineShape::not_code);
    }
    // Python that looks alike.
    for (const char* line : {"...", "x = a - b", "a[1::2]", "x = y // 2", "s = 'https://example.org'", "__ = 1"}) {
        INFO(line);
        CHECK(python_line_shape(line) != LineShape::not_code);
    }
}

TEST_CASE("shell_prompt_length: prompts with a virtual environment, a path or a user", "[code_shape]") {
    CHECK(shell_prompt_length("$ ls") == 2);
    CHECK(shell_prompt_length("$") == 1);
    CHECK(shell_prompt_length("(env) $ pip --version") == 8);
    CHECK(shell_prompt_length("(env) ~/project$ ls") == 17);
    CHECK(shell_prompt_length("ada@box:~/src$ make") == 15);
    CHECK(shell_prompt_length("echo $HOME") == 0);
    CHECK(shell_prompt_length("$5 bill") == 0);
    CHECK(shell_prompt_length("(a note) $ x") == 0);  // words in the brackets: prose
}

TEST_CASE("python_line_shape says whether a line's shape stands alone", "[code_shape]") {
    bool stands_alone = false;
    CHECK(python_line_shape("x = f(1)", stands_alone) == LineShape::strong);
    CHECK(stands_alone);
    CHECK(python_line_shape("# a comment", stands_alone) == LineShape::weak);
    CHECK(stands_alone);
    CHECK(python_line_shape("", stands_alone) == LineShape::weak);
    CHECK(stands_alone);
    // A bracket, a string or a backslash left open: the next lines read on
    // inside it, and the line has no newline of its own in a block.
    for (const char* open : {"TEMPLATES = [", "x = f(1,", "s = \"\"\"start", "total = a + \\"}) {
        INFO(open);
        python_line_shape(open, stands_alone);
        CHECK_FALSE(stands_alone);
    }
    // Judged without tokens: what the tokens would leave open is unknown.
    CHECK(python_line_shape("Error field input the signal", stands_alone) == LineShape::not_code);
    CHECK_FALSE(stands_alone);
}

TEST_CASE("a shape that stands alone is the shape python_block_shapes gives the line", "[code_shape]") {
    const std::vector<std::string_view> lines{"import os", "", "x = [1, 2]", "# note", "print(x)"};
    std::vector<PyToken> tokens;
    tokenize_python(lines, tokens);
    const std::vector<LineShape> in_block = python_block_shapes(lines, tokens, lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        INFO(lines[i]);
        bool stands_alone = false;
        const LineShape alone = python_line_shape(lines[i], stands_alone);
        REQUIRE(stands_alone);
        CHECK(alone == in_block[i]);
    }
}
