#include "extractor/line_classifier.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using namespace snipcheck::extractor;

TEST_CASE("blank lines, indent widths and indent removal", "[line_classifier]") {
    CHECK(is_blank(""));
    CHECK(is_blank(" \t "));
    CHECK_FALSE(is_blank("  x"));

    CHECK(indent_width("    x") == 4);
    CHECK(indent_width("\tx") == 4);
    CHECK(indent_width("  \tx") == 4);
    CHECK(indent_width("x") == 0);

    CHECK(remove_indent("      x", 4) == "  x");
    CHECK(remove_indent("  x", 4) == "x");
    CHECK(remove_indent("\tx", 4) == "x");

    CHECK(trim("  a b \t") == "a b");
    CHECK(trim("   ").empty());
}

TEST_CASE("parse_fence reads marker, length, indent and info", "[line_classifier]") {
    const auto backticks = parse_fence("```python");
    REQUIRE(backticks.has_value());
    CHECK(backticks->marker == '`');
    CHECK(backticks->length == 3);
    CHECK(backticks->indent == 0);
    CHECK(backticks->info == "python");

    const auto tildes = parse_fence("   ~~~~~  yaml  ");
    REQUIRE(tildes.has_value());
    CHECK(tildes->marker == '~');
    CHECK(tildes->length == 5);
    CHECK(tildes->indent == 3);
    CHECK(tildes->info == "yaml");

    const auto bare = parse_fence("````");
    REQUIRE(bare.has_value());
    CHECK(bare->length == 4);
    CHECK(bare->info.empty());
}

TEST_CASE("two markers, inline code and other text are not fences", "[line_classifier]") {
    CHECK_FALSE(parse_fence("``").has_value());
    CHECK_FALSE(parse_fence("```x = `1` ```").has_value());
    CHECK_FALSE(parse_fence("text ```").has_value());
    CHECK_FALSE(parse_fence("").has_value());
}

TEST_CASE("ATX headings and their text", "[line_classifier]") {
    CHECK(atx_heading_level("# Title") == 1);
    CHECK(atx_heading_level("### Q5: Explain") == 3);
    CHECK(atx_heading_level("   ## Indented") == 2);
    CHECK(atx_heading_level("#") == 1);
    CHECK(atx_heading_level("#hashtag") == 0);
    CHECK(atx_heading_level("    # code comment") == 0);
    CHECK(atx_heading_level("####### seven") == 0);

    CHECK(heading_text("## Setup ##") == "Setup");
    CHECK(heading_text("## **Bold title**") == "Bold title");
}

TEST_CASE("thematic breaks and setext underlines", "[line_classifier]") {
    CHECK(is_thematic_break("---"));
    CHECK(is_thematic_break("* * *"));
    CHECK(is_thematic_break("_____"));
    CHECK_FALSE(is_thematic_break("--"));
    CHECK_FALSE(is_thematic_break("-- x"));

    CHECK(is_setext_underline("====="));
    CHECK(is_setext_underline("---"));
    CHECK_FALSE(is_setext_underline("= = ="));
    CHECK_FALSE(is_setext_underline("x = 1"));
}

TEST_CASE("list items and where their content starts", "[line_classifier]") {
    int column = -1;
    CHECK(is_list_item("- x", &column));
    CHECK(column == 2);
    CHECK(is_list_item("1. First", &column));
    CHECK(column == 3);
    CHECK(is_list_item("  10) Tenth", &column));
    CHECK(column == 6);
    CHECK(is_list_item("  \u2022 x = 1", &column));
    CHECK(column == 4);
    CHECK_FALSE(is_list_item("-x"));
    CHECK_FALSE(is_list_item("x - y"));
    CHECK_FALSE(is_list_item("3.14 is pi"));
}

TEST_CASE("bold lines and their text", "[line_classifier]") {
    CHECK(is_bold_line("**Answer:**"));
    CHECK(bold_text("**1. Explain X:**") == "1. Explain X:");
    CHECK(bold_text("- **Step one**") == "Step one");
    CHECK(bold_text("**Note** (optional)") == "Note");
    CHECK_FALSE(is_bold_line("**Bold** then more words"));
    CHECK_FALSE(is_bold_line("plain"));
}

TEST_CASE("output labels", "[line_classifier]") {
    CHECK(is_output_label("Output:"));
    CHECK(is_output_label("**Output:**"));
    CHECK(is_output_label("Result:"));
    CHECK(is_output_label("This prints:"));
    // A bare label and one that names the Python version are labels too (seen in real documents).
    CHECK(is_output_label("Output"));
    CHECK(is_output_label("**Output (Python 3.x):**"));
    CHECK_FALSE(is_output_label("Output of the command depends on its flags"));
    CHECK_FALSE(is_output_label("The output is computed from the input below:"));
    CHECK_FALSE(is_output_label("Example:"));
}

TEST_CASE("sentences look like prose and code does not", "[line_classifier]") {
    CHECK(looks_like_prose("This function returns the sum of two numbers."));
    CHECK(looks_like_prose("Use list.append(x) to add one item."));
    CHECK_FALSE(looks_like_prose("result = add(1, 2)"));
    CHECK_FALSE(looks_like_prose("return a + b"));
    CHECK_FALSE(looks_like_prose("# a comment that reads like a sentence"));
    CHECK_FALSE(looks_like_prose("for item in items:"));

    CHECK(plain_word_run("This is a `code` span") == 3);
    CHECK(plain_word_run("x = 1") == 1);
}

TEST_CASE("markdown text never appears at column 0 of code", "[line_classifier]") {
    CHECK(is_markdown_text("## Next question"));
    CHECK(is_markdown_text("---"));
    CHECK(is_markdown_text("**Answer:**"));
    CHECK(is_markdown_text("- **Item** text"));
    CHECK(is_markdown_text("Some prose explaining the next question in detail here."));
    CHECK_FALSE(is_markdown_text("print(x)"));
    CHECK_FALSE(is_markdown_text("# a python comment"));
}

TEST_CASE("a heading spliced into a code line is found at its first #", "[line_classifier]") {
    const std::string_view spliced = "pattern = re.compile(r'^[a-z]+### Q5: Explain decorators";
    CHECK(spliced_heading_column(spliced) == spliced.find("###"));
    CHECK(spliced_heading_column("X# Django Guide") == 1);
    CHECK(spliced_heading_column("x = 1  # Comment here") == std::string_view::npos);
    CHECK(spliced_heading_column("color = '#FFF'") == std::string_view::npos);
}

TEST_CASE("non-ASCII outside quotes", "[line_classifier]") {
    CHECK(has_non_ascii_outside_quotes("caf\u00e9 = 1"));
    CHECK(has_non_ascii_outside_quotes("  \u2022 x = 1"));
    CHECK_FALSE(has_non_ascii_outside_quotes("name = 'caf\u00e9'"));
    CHECK_FALSE(has_non_ascii_outside_quotes("x = 1  # caf\u00e9"));
    CHECK_FALSE(has_non_ascii_outside_quotes("x = 1"));
}

TEST_CASE("is_one_of and find_one_of ask about a set of characters", "[line_classifier]") {
    CHECK(is_one_of(',', ",.;"));
    CHECK_FALSE(is_one_of('x', ",.;"));
    CHECK_FALSE(is_one_of('\0', ",.;"));
    CHECK(find_one_of("python title=x", " \t=") == 6);
    CHECK(find_one_of("python", " \t=") == std::string_view::npos);
    CHECK(find_one_of("", "abc") == std::string_view::npos);
    static_assert(find_one_of("a;b", ";") == 1);
}
