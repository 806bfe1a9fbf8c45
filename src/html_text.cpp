#include "src/html_text.hpp"

#include "extractor/text_decoder.hpp"

namespace snipcheck {
namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD

}  // namespace

void append_html(std::string& out, std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            switch (byte) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case '\t':
            case '\n': out += static_cast<char>(byte); break;
            case '\r': out += "&#13;"; break;
            default: out += byte < 0x20 || byte == 0x7F ? k_replacement : std::string_view(&text[i], 1);
            }
            ++i;
            continue;
        }
        const std::size_t length = extractor::utf8_sequence_length(text, i);
        if (length == 0) {
            out += k_replacement;
            ++i;
            continue;
        }
        const std::string_view sequence = text.substr(i, length);
        out += sequence == "\xEF\xBF\xBE" || sequence == "\xEF\xBF\xBF" ? k_replacement : sequence;
        i += length;
    }
}

std::string html_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_html(out, text);
    return out;
}

}  // namespace snipcheck
