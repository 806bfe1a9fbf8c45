#include "extractor/text_search.hpp"

#include <bit>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace snipcheck::extractor {

bool contains_text(std::string_view text, std::string_view needle) {
    const std::size_t n = needle.size();
    if (n < 2) {
        return n == 0 || text.find(needle) != std::string_view::npos;
    }
    if (text.size() < n) {
        return false;
    }
    const char* data = text.data();
    const std::size_t last_start = text.size() - n;  // the last position the needle may start at
    std::size_t i = 0;
#if defined(__SSE2__)
    const __m128i first = _mm_set1_epi8(needle.front());
    const __m128i last = _mm_set1_epi8(needle.back());
    for (; i + 16 <= last_start + 1; i += 16) {
        const __m128i at_first = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
        const __m128i at_last = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i + n - 1));
        auto candidates = static_cast<std::uint32_t>(
            _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(at_first, first), _mm_cmpeq_epi8(at_last, last))));
        for (; candidates != 0; candidates &= candidates - 1) {
            const std::size_t at = i + static_cast<std::size_t>(std::countr_zero(candidates));
            if (std::memcmp(data + at + 1, needle.data() + 1, n - 2) == 0) {
                return true;
            }
        }
    }
#endif
    for (; i <= last_start; ++i) {
        if (data[i] == needle.front() && data[i + n - 1] == needle.back() &&
            std::memcmp(data + i + 1, needle.data() + 1, n - 2) == 0) {
            return true;
        }
    }
    return false;
}

std::size_t find_newline(std::string_view text, std::size_t from) {
    std::size_t i = from;
#if defined(__SSE2__)
    const __m128i newline = _mm_set1_epi8('\n');
    for (; i + 16 <= text.size(); i += 16) {
        const auto hits = static_cast<std::uint32_t>(_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i)), newline)));
        if (hits != 0) {
            return i + static_cast<std::size_t>(std::countr_zero(hits));
        }
    }
#endif
    for (; i < text.size(); ++i) {
        if (text[i] == '\n') {
            return i;
        }
    }
    return text.size();
}

}  // namespace snipcheck::extractor
