#include "extractor/document.hpp"

#include <cstring>

#include "extractor/line_classifier.hpp"

namespace snipcheck::extractor {
namespace {

bool has_suffix(std::string_view path, std::string_view suffix) {
    return path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix;
}

// A .txt file is Markdown when it uses Markdown's block syntax at least twice
// (fences or ATX headings); plain text otherwise.
DocumentFormat sniff_format(std::string_view path, const std::vector<std::string_view>& lines) {
    // Standard input has no name to go by; Markdown is what people pipe in.
    if (path == "-" || has_suffix(path, ".md") || has_suffix(path, ".markdown") || has_suffix(path, ".rst")) {
        return DocumentFormat::markdown;
    }
    int markdown_lines = 0;
    for (std::string_view line : lines) {
        if (parse_fence(line) || atx_heading_level(line) > 0) {
            if (++markdown_lines >= 2) {
                return DocumentFormat::markdown;
            }
        }
    }
    return DocumentFormat::plain_text;
}

}  // namespace

std::string_view Document::line(int number) const {
    if (number < 1 || number > line_count()) {
        return {};
    }
    return lines[static_cast<std::size_t>(number - 1)];
}

Document make_document(std::string path, DecodedText decoded) {
    Document document;
    document.path = std::move(path);
    document.decoded = std::move(decoded);
    std::string_view text = document.decoded.text;
    // Counted first: growing a vector of millions of lines by doubling
    // copied it again and again.
    const char* const text_end = text.data() + text.size();
    std::size_t newlines = 0;
    for (const char* p = text.data(); p != text_end; ++p) {
        p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(text_end - p)));
        if (p == nullptr) {
            break;
        }
        ++newlines;
    }
    document.lines.reserve(newlines + 1);
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            document.lines.push_back(text.substr(start));
            break;
        }
        document.lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    document.format = sniff_format(document.path, document.lines);
    return document;
}

const char* format_name(DocumentFormat format) {
    return format == DocumentFormat::markdown ? "markdown" : "text";
}

}  // namespace snipcheck::extractor
