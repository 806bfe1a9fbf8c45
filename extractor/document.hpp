#pragma once
// A decoded document split into lines. Lines are views into `text`, so a
// Document must not be copied once lines are taken (it is move-only).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/text_decoder.hpp"

namespace snipcheck::extractor {

enum class DocumentFormat { markdown, plain_text };

struct Document {
    std::string path;  // as given on the command line ("-" for stdin)
    DecodedText decoded;
    std::vector<std::string_view> lines;  // lines[0] is line 1; no '\n'
    DocumentFormat format = DocumentFormat::markdown;

    Document() = default;
    Document(Document&&) = default;
    Document& operator=(Document&&) = default;
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    // Line `number` (1-based); empty when out of range.
    std::string_view line(int number) const;
    int line_count() const { return static_cast<int>(lines.size()); }

    // The text `views` span, from the start of the first to the end of the
    // last, when they are views into this document's text in order (a
    // block's lines are, dedented or not); nullopt otherwise. Between them
    // lie only the newlines and indentation left out, so one search of it
    // tells that no line holds a word (without blanks): most blocks are
    // spared a search per line.
    std::optional<std::string_view> text_of(const std::vector<std::string_view>& views) const;
};

// Splits decoded text into lines and decides the format: Markdown for
// .md/.markdown/.rst and standard input ("-"), and for other files when they
// hold fences or headings; plain text otherwise.
Document make_document(std::string path, DecodedText decoded);

const char* format_name(DocumentFormat format);

// The lines of `text` without their '\n': "a\nb" and "a\nb\n" have two, ""
// has none.
std::vector<std::string_view> split_lines(std::string_view text);

}  // namespace snipcheck::extractor
