#pragma once
// Questions about one line of a document that both format lexers ask: is it
// a fence, a heading, a list item, a sentence a person wrote, or code?
// Pure functions over string_view; none allocates.

#include <optional>
#include <string_view>

namespace snipcheck::extractor {

bool is_blank(std::string_view line);

// Leading whitespace width, a tab advancing to the next multiple of 4.
int indent_width(std::string_view line);

// The line without its first `width` columns of indentation (fewer if it has less).
std::string_view remove_indent(std::string_view line, int width);

// Whether `c` is one of the characters of `set`. For a literal set the
// loop unrolls into compares, where string_view::find calls memchr for each
// character asked about (per token and per byte in the line questions).
constexpr bool is_one_of(char c, std::string_view set) {
    for (char member : set) {
        if (c == member) {
            return true;
        }
    }
    return false;
}

// The first index of `text` holding one of `set`'s characters, or npos:
// string_view::find_first_of without its memchr call per character.
constexpr std::size_t find_one_of(std::string_view text, std::string_view set) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (is_one_of(text[i], set)) {
            return i;
        }
    }
    return std::string_view::npos;
}

// Without ASCII whitespace at either end. Defined here so it inlines: it
// runs several times on every line of every document.
constexpr std::string_view trim(std::string_view text) {
    // All six lie at or below ' ': most characters are ruled out by one compare.
    const auto is_space = [](char c) {
        return static_cast<unsigned char>(c) <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v');
    };
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && is_space(text[begin])) {
        ++begin;
    }
    while (end > begin && is_space(text[end - 1])) {
        --end;
    }
    return text.substr(begin, end - begin);
}

struct FenceLine {
    char marker = '`';  // '`' or '~'
    int length = 0;     // >= 3
    int indent = 0;
    std::string_view info;  // trimmed info string, may be empty
};

// parse_fence for a line whose first visible character is ` or ~.
std::optional<FenceLine> parse_fence_line(std::string_view line);

// A code fence line (``` or ~~~, any indent); nullopt otherwise. A backtick
// fence whose info string holds a backtick is inline code, not a fence.
// Inline: the lexers ask it of every line, and nearly every line is
// rejected by its first visible character.
inline std::optional<FenceLine> parse_fence(std::string_view line) {
    std::size_t visible = 0;
    while (visible < line.size() && (line[visible] == ' ' || line[visible] == '\t')) {
        ++visible;
    }
    if (visible == line.size() || (line[visible] != '`' && line[visible] != '~')) {
        return std::nullopt;
    }
    return parse_fence_line(line);
}

// 1-6 for an ATX heading (`## Title`, up to 3 spaces of indent), else 0.
int atx_heading_level(std::string_view line);

// The text of an ATX heading without the #s, closing #s and emphasis.
std::string_view heading_text(std::string_view line);

// `---`, `***`, `___` (3 or more, spaces allowed).
bool is_thematic_break(std::string_view line);

// `===` or `---` only: a setext underline when it follows a paragraph line.
bool is_setext_underline(std::string_view line);

// A list item: `- x`, `* x`, `+ x`, `• x`, `1. x`, `1) x`. Sets the column
// where the item's content starts.
bool is_list_item(std::string_view line, int* content_column = nullptr);

// A line whose text is entirely bold (`**Answer:**`), perhaps after a list marker.
bool is_bold_line(std::string_view line);

// The text of a bold line without markers, or empty.
std::string_view bold_text(std::string_view line);

// "Output:", "**Output:**", "Result:", "This prints:" ... a label that says
// the next block shows what the previous one printed.
bool is_output_label(std::string_view line);

// A sentence a person wrote: runs of plain words outside code spans, a
// capitalised start, few code symbols. Conservative for code.
bool looks_like_prose(std::string_view line);

// Longest run of consecutive plain words (letters only, not Python keywords)
// separated by single spaces, outside quotes and backticks.
int plain_word_run(std::string_view line);

// Markdown that never appears at column 0 of code: `##` headings, thematic
// breaks, bold lines, list items and sentences.
bool is_markdown_text(std::string_view line);

// The column where a Markdown heading was spliced into the middle of a code
// line (`regex=r'^[a-z]+### Q5: Explain`, `X# Django Guide`), or npos.
std::size_t spliced_heading_column(std::string_view line);

// True when the line has a character outside ASCII outside quotes.
bool has_non_ascii_outside_quotes(std::string_view line);

}  // namespace snipcheck::extractor
