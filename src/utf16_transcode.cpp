#include "src/utf16_transcode.hpp"

#include <algorithm>

#include "extractor/text_decoder.hpp"

namespace snipcheck {
namespace {

void append_unit(std::string& out, char32_t unit, Utf16Order order) {
    const auto high = static_cast<char>((unit >> 8) & 0xFF);
    const auto low = static_cast<char>(unit & 0xFF);
    out += order == Utf16Order::little ? low : high;
    out += order == Utf16Order::little ? high : low;
}

// The code point of the well-formed UTF-8 sequence of `length` bytes at text[i].
char32_t code_point_at(std::string_view text, std::size_t i, std::size_t length) {
    const auto byte = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[i + k])); };
    switch (length) {
    case 1: return byte(0);
    case 2: return ((byte(0) & 0x1F) << 6) | (byte(1) & 0x3F);
    case 3: return ((byte(0) & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    default: return ((byte(0) & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
    }
}

}  // namespace

std::optional<std::string> utf16_to_utf8(std::string_view bytes, Utf16Order order) {
    if (bytes.size() % 2 != 0) {
        return std::nullopt;
    }
    const auto unit_at = [&](std::size_t k) -> char32_t {
        const auto first = static_cast<char32_t>(static_cast<unsigned char>(bytes[2 * k]));
        const auto second = static_cast<char32_t>(static_cast<unsigned char>(bytes[2 * k + 1]));
        return order == Utf16Order::little ? (first | (second << 8)) : ((first << 8) | second);
    };
    const std::size_t units = bytes.size() / 2;
    std::string out;
    out.reserve(bytes.size());
    for (std::size_t k = 0; k < units; ++k) {
        const char32_t unit = unit_at(k);
        if (unit == 0) {
            return std::nullopt;
        }
        if (unit >= 0xD800 && unit <= 0xDBFF && k + 1 < units && unit_at(k + 1) >= 0xDC00 && unit_at(k + 1) <= 0xDFFF) {
            extractor::append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (unit_at(k + 1) - 0xDC00));
            ++k;
        } else if (unit >= 0xD800 && unit <= 0xDFFF) {
            return std::nullopt;
        } else {
            extractor::append_utf8(out, unit);
        }
    }
    return out;
}

std::string utf8_to_utf16(std::string_view text, Utf16Order order) {
    std::string out;
    out.reserve(text.size() * 2);
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t length = std::max<std::size_t>(1, extractor::utf8_sequence_length(text, i));
        const char32_t cp = code_point_at(text, i, length);
        if (cp >= 0x10000) {
            append_unit(out, 0xD800 + ((cp - 0x10000) >> 10), order);
            append_unit(out, 0xDC00 + ((cp - 0x10000) & 0x3FF), order);
        } else {
            append_unit(out, cp, order);
        }
        i += length;
    }
    return out;
}

}  // namespace snipcheck
