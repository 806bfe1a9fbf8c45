#include "extractor/document.hpp"

#include <bit>
#include <cstdint>
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

// Documents have millions of lines: newlines are found 16 bytes at a time
// (GCC/Clang vector extensions, SSE2 on x86-64, NEON on ARM) rather than with
// a memchr call per line.

// The 16 bytes at p as two words with 0xFF in the bytes that are '\n'.
struct NewlineBytes {
    std::uint64_t halves[2];
    explicit NewlineBytes(const char* p) {
        using Bytes16 = signed char __attribute__((vector_size(16)));
        Bytes16 bytes;
        std::memcpy(&bytes, p, sizeof bytes);
        const Bytes16 hits = bytes == '\n';
        std::memcpy(halves, &hits, sizeof halves);
    }
};

std::size_t count_newlines(std::string_view text) {
    std::size_t count = 0;
    std::size_t i = 0;
    for (; i + 16 <= text.size(); i += 16) {
        const NewlineBytes found(text.data() + i);
        // Each byte 0 or 1, summed by a multiplication into the top byte.
        constexpr std::uint64_t k_ones = 0x0101010101010101;
        count += static_cast<std::size_t>((((found.halves[0] & k_ones) + (found.halves[1] & k_ones)) * k_ones) >> 56);
    }
    for (; i < text.size(); ++i) {
        count += text[i] == '\n' ? 1 : 0;
    }
    return count;
}

// Calls visit(i) for each i where text[i] is '\n', in order.
template <typename Visit>
void for_each_newline(std::string_view text, Visit visit) {
    constexpr bool k_little = std::endian::native == std::endian::little;
    std::size_t i = 0;
    for (; i + 16 <= text.size(); i += 16) {
        const NewlineBytes found(text.data() + i);
        const std::uint64_t* halves = found.halves;
        for (std::size_t h = 0; h < 2; ++h) {
            for (std::uint64_t bits = halves[h]; bits != 0;) {
                const int byte = (k_little ? std::countr_zero(bits) : std::countl_zero(bits)) / 8;
                visit(i + 8 * h + static_cast<std::size_t>(byte));
                bits &= ~(std::uint64_t{0xFF} << (k_little ? 8 * byte : 56 - 8 * byte));
            }
        }
    }
    for (; i < text.size(); ++i) {
        if (text[i] == '\n') {
            visit(i);
        }
    }
}

}  // namespace

std::vector<std::string_view> split_lines(std::string_view text) {
    // Sized once from the count and written through a pointer: push_back's
    // capacity check per line showed in profiles (millions of lines).
    const std::size_t newlines = count_newlines(text);
    std::size_t start = 0;
    const bool unterminated_last = !text.empty() && text.back() != '\n';
    std::vector<std::string_view> lines(newlines + (unterminated_last ? 1 : 0));
    std::string_view* out = lines.data();
    for_each_newline(text, [&](std::size_t end) {
        *out++ = std::string_view(text.data() + start, end - start);
        start = end + 1;
    });
    if (unterminated_last) {
        *out = text.substr(start);
    }
    return lines;
}

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
    document.lines = split_lines(document.decoded.text);
    document.format = sniff_format(document.path, document.lines);
    return document;
}

const char* format_name(DocumentFormat format) {
    return format == DocumentFormat::markdown ? "markdown" : "text";
}

}  // namespace snipcheck::extractor
