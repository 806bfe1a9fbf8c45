#include "src/json_writer.hpp"

#include <charconv>

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

}  // namespace

void JsonWriter::append_quoted(std::string& out, std::string_view text) {
    const std::size_t start = out.size();
    out += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    std::size_t i = 0;
    while (i < text.size()) {
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
        if (!needs_escape(c)) {
            ++i;
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

void JsonWriter::next_item() {
    if (m_after_key) {
        m_after_key = false;
        return;
    }
    if (m_levels.empty()) {
        return;
    }
    m_out += m_levels.back().members++ > 0 ? ",\n" : "\n";
    indent(static_cast<std::size_t>(m_base_depth) + m_levels.size());
}

void JsonWriter::key(std::string_view name) {
    m_out += m_levels.back().members++ > 0 ? ",\n" : "\n";
    indent(static_cast<std::size_t>(m_base_depth) + m_levels.size());
    append_quoted(m_out, name);
    m_out += ": ";
    m_after_key = true;
}

void JsonWriter::begin_object() {
    next_item();
    m_out += '{';
    m_levels.push_back({true, 0});
}

void JsonWriter::end_object() {
    const Level level = m_levels.back();
    m_levels.pop_back();
    if (level.members > 0) {
        m_out += '\n';
        indent(static_cast<std::size_t>(m_base_depth) + m_levels.size());
    }
    m_out += '}';
}

void JsonWriter::begin_array() {
    next_item();
    m_out += '[';
    m_levels.push_back({false, 0});
}

void JsonWriter::end_array() {
    const Level level = m_levels.back();
    m_levels.pop_back();
    if (level.members > 0) {
        m_out += '\n';
        indent(static_cast<std::size_t>(m_base_depth) + m_levels.size());
    }
    m_out += ']';
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
