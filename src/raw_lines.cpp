#include "src/raw_lines.hpp"

#include "extractor/text_decoder.hpp"

namespace snipcheck {

RawLines split_raw_lines(std::string_view bytes) {
    RawLines raw;
    raw.usual_end = "\n";
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        raw.bom = bytes.substr(0, 3);
        bytes.remove_prefix(3);
    }
    bool seen_end = false;
    std::size_t start = 0;
    while (start < bytes.size()) {
        const std::size_t stop = bytes.find_first_of("\r\n", start);
        if (stop == std::string_view::npos) {
            raw.lines.push_back({bytes.substr(start), {}});
            break;
        }
        const std::size_t length = bytes[stop] == '\r' && stop + 1 < bytes.size() && bytes[stop + 1] == '\n' ? 2 : 1;
        raw.lines.push_back({bytes.substr(start, stop - start), bytes.substr(stop, length)});
        if (!seen_end) {
            raw.usual_end = bytes.substr(stop, length);
            seen_end = true;
        }
        start = stop + length;
    }
    return raw;
}

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t length = extractor::utf8_sequence_length(text, i);
        if (length == 0) {
            return false;
        }
        i += length;
    }
    return true;
}

}  // namespace snipcheck
