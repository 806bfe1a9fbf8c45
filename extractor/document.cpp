#include "extractor/document.hpp"

#include <bit>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "extractor/huge_pages.hpp"
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
// rather than with a memchr call per line, as a 16-bit mask of the bytes that
// are '\n' (one SSE2 instruction on x86-64; GCC/Clang vector extensions
// elsewhere).

// Bit k set when p[k] is '\n', for k in [0, 16).
std::uint32_t newline_mask(const char* p) {
#if defined(__SSE2__)
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n'))));
#else
    using Bytes16 = signed char __attribute__((vector_size(16)));
    Bytes16 bytes;
    std::memcpy(&bytes, p, sizeof bytes);
    const Bytes16 hits = bytes == '\n';
    std::uint32_t mask = 0;
    for (int k = 0; k < 16; ++k) {
        mask |= hits[k] != 0 ? 1u << k : 0u;
    }
    return mask;
#endif
}

std::size_t count_newlines(std::string_view text) {
    std::size_t count = 0;
    std::size_t i = 0;
#if defined(__SSE2__)
    // Without -mpopcnt, std::popcount is a library call: the newlines of 16
    // bytes are summed by psadbw instead (bytes of 1, summed per half).
    const __m128i newline = _mm_set1_epi8('\n');
    const __m128i one = _mm_set1_epi8(1);
    for (; i + 16 <= text.size(); i += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
        const __m128i sums = _mm_sad_epu8(_mm_and_si128(_mm_cmpeq_epi8(bytes, newline), one), _mm_setzero_si128());
        count += static_cast<std::size_t>(_mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4));
    }
#else
    for (; i + 16 <= text.size(); i += 16) {
        count += static_cast<std::size_t>(std::popcount(newline_mask(text.data() + i)));
    }
#endif
    for (; i < text.size(); ++i) {
        count += text[i] == '\n' ? 1 : 0;
    }
    return count;
}

// Calls visit(i) for each i where text[i] is '\n', in order.
template <typename Visit>
void for_each_newline(std::string_view text, Visit visit) {
    std::size_t i = 0;
    for (; i + 16 <= text.size(); i += 16) {
        for (std::uint32_t bits = newline_mask(text.data() + i); bits != 0; bits &= bits - 1) {
            visit(i + static_cast<std::size_t>(std::countr_zero(bits)));
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
    std::vector<std::string_view> lines;
    reserve_large(lines, newlines + (unterminated_last ? 1 : 0));
    lines.resize(newlines + (unterminated_last ? 1 : 0));
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

std::optional<std::string_view> Document::text_of(const std::vector<std::string_view>& views) const {
    if (views.empty()) {
        return std::string_view();
    }
    // Compared as addresses: a line from elsewhere (a test's own strings)
    // may lie anywhere, and is then simply not inside the text.
    const auto begin = reinterpret_cast<std::uintptr_t>(decoded.text.data());
    const auto end = begin + decoded.text.size();
    std::uintptr_t at = begin;
    for (std::string_view line : views) {
        const auto start = reinterpret_cast<std::uintptr_t>(line.data());
        if (start < at || start > end || line.size() > end - start) {
            return std::nullopt;
        }
        at = start + line.size();
    }
    const auto first = reinterpret_cast<std::uintptr_t>(views.front().data());
    return std::string_view(decoded.text).substr(first - begin, at - first);
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
