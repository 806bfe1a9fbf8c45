#include "src/json_writer.hpp"

#include <bit>
#include <charconv>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <nlohmann/json.hpp>

#include "extractor/text_decoder.hpp"

namespace snipcheck {
namespace {

// The escape nlohmann writes for an ASCII byte, or empty when it is written as is.
std::string_view escape_of(unsigned char c) {
    switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\b': return "\\b";
    case '\f': return "\\f";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    default: return {};
    }
}

bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

// A separator and the indentation after it, cut from one string: ",\n"
// then spaces. Written with one append per item instead of three (a long
// document's report has tens of millions of items; the appends showed).
constexpr std::size_t k_most_indent = 126;
const std::string& separators() {
    static const std::string text = ",\n" + std::string(k_most_indent, ' ');
    return text;
}

// A key written as it is: ASCII without quotes, backslashes or control
// characters (every key snipcheck writes; others take the escaping path).
bool is_plain_key(std::string_view name) {
    for (char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80 || needs_escape(byte)) {
            return false;
        }
    }
    return true;
}

// The first index at or after i whose byte is not written as it is (a
// control character, '"', '\\', or a non-ASCII byte to validate), or the
// size. Sixteen bytes a step: reports are mostly code, mostly plain ASCII.
std::size_t plain_run_end(std::string_view text, std::size_t i) {
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20);
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    for (; i + 16 <= text.size(); i += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
        // Signed compare: bytes of 0x80 and up are negative, so below 0x20 too.
        const __m128i stops = _mm_or_si128(_mm_cmplt_epi8(bytes, space),
                                           _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)));
        if (const int mask = _mm_movemask_epi8(stops); mask != 0) {
            return i + static_cast<std::size_t>(std::countr_zero(static_cast<unsigned>(mask)));
        }
    }
#endif
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80 || needs_escape(c)) {
            break;
        }
        ++i;
    }
    return i;
}

}  // namespace

void JsonWriter::append_quoted(std::string& out, std::string_view text) {
    const std::size_t start = out.size();
    out += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    std::size_t i = 0;
    while ((i = plain_run_end(text, i)) < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const std::size_t length = extractor::utf8_sequence_length(text, i);
            if (length == 0) {
                // Invalid UTF-8: nlohmann's own replacement, whose rules for
                // where a bad sequence ends are its own.
                out.resize(start);
                out += nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
                return;
            }
            i += length;
            continue;
        }
        out.append(text.data() + run, i - run);
        if (std::string_view escape = escape_of(c); !escape.empty()) {
            out += escape;
        } else {
            static constexpr char k_hex[] = "0123456789abcdef";
            out += "\\u00";
            out += k_hex[c >> 4];
            out += k_hex[c & 0xf];
        }
        run = ++i;
    }
    out.append(text.data() + run, text.size() - run);
    out += '"';
}

void JsonWriter::indent(std::size_t depth) { m_out.append(2 * depth, ' '); }

void JsonWriter::new_line(bool comma, std::size_t depth) {
    const std::size_t width = 2 * depth;
    if (width > k_most_indent) {
        m_out += comma ? ",\n" : "\n";
        indent(depth);
        return;
    }
    m_out.append(separators(), comma ? 0 : 1, (comma ? 2 : 1) + width);
}

void JsonWriter::next_item() {
    if (m_after_key) {
        m_after_key = false;
        return;
    }
    if (m_levels.empty()) {
        return;
    }
    new_line(m_levels.back().members++ > 0, static_cast<std::size_t>(m_base_depth) + m_levels.size());
}

void JsonWriter::key(std::string_view name) {
    new_line(m_levels.back().members++ > 0, static_cast<std::size_t>(m_base_depth) + m_levels.size());
    // A plain key in one append (quotes, name and ": "): keys are most of a report's items.
    char quoted[64];
    if (name.size() + 4 <= sizeof quoted && is_plain_key(name)) {
        quoted[0] = '"';
        name.copy(quoted + 1, name.size());
        quoted[name.size() + 1] = '"';
        quoted[name.size() + 2] = ':';
        quoted[name.size() + 3] = ' ';
        m_out.append(quoted, name.size() + 4);
    } else {
        append_quoted(m_out, name);
        m_out += ": ";
    }
    m_after_key = true;
}

void JsonWriter::begin_object() { open_level('{', true); }
void JsonWriter::end_object() { close_level('}'); }
void JsonWriter::begin_array() { open_level('[', false); }
void JsonWriter::end_array() { close_level(']'); }

void JsonWriter::open_level(char bracket, bool object) {
    next_item();
    m_out += bracket;
    m_levels.push_back({object, 0});
}

// A level with members closes on a line of its own; an empty one right
// after its bracket: `{}`, `[]`.
void JsonWriter::close_level(char bracket) {
    const Level level = m_levels.back();
    m_levels.pop_back();
    if (level.members > 0) {
        new_line(false, static_cast<std::size_t>(m_base_depth) + m_levels.size());
    }
    m_out += bracket;
}

void JsonWriter::string(std::string_view text) {
    next_item();
    append_quoted(m_out, text);
}

void JsonWriter::integer(std::int64_t value) {
    next_item();
    char digits[24];
    const std::to_chars_result written = std::to_chars(digits, digits + sizeof digits, value);
    m_out.append(digits, written.ptr);
}

void JsonWriter::floating_point(double value) {
    next_item();
    m_out += nlohmann::json(value).dump();
}

void JsonWriter::boolean(bool value) {
    next_item();
    m_out += value ? "true" : "false";
}

void JsonWriter::null() {
    next_item();
    m_out += "null";
}

void JsonWriter::rendered(std::string_view json) {
    next_item();
    m_out += json;
}

std::size_t JsonWriter::rendered_elsewhere() {
    next_item();
    return m_out.size();
}

}  // namespace snipcheck
