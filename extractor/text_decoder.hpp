#pragma once
// Bytes of a document -> UTF-8 text with '\n' line endings, plus what was
// wrong with the encoding. Pure: no I/O.

#include <string>
#include <string_view>
#include <vector>

#include "src/expected.hpp"

namespace snipcheck::extractor {

enum class LineEnding { none, lf, crlf, cr, mixed };

// Something wrong with the bytes, at a 1-based line of the decoded text.
// code is a stable kebab-case word: "invalid-utf8", "mojibake", "nul-bytes".
struct EncodingDefect {
    int line = 0;
    std::string code;
    std::string message;
};

struct DecodedText {
    std::string text;              // UTF-8, BOM removed, CRLF/CR turned into LF
    std::string encoding;          // "utf-8", "utf-16le", "utf-16be"
    bool had_bom = false;
    LineEnding line_ending = LineEnding::none;
    std::vector<EncodingDefect> defects;  // in line order
};

// Decodes a document. Fails (with a one-line reason, no path) only for
// binary content: NUL bytes in a file without a UTF-16 BOM, or mostly
// non-text bytes. Invalid UTF-8 is replaced by U+FFFD and reported per line;
// mojibake (UTF-8 read as a legacy code page) is reported, text kept as is.
Expected<DecodedText, std::string> decode_text(std::string_view bytes);

// decode_text for bytes the caller gives up: when they are the text as they
// are (UTF-8 without BOM, CR or invalid bytes: most documents) they become it
// without a copy. `bytes` is left unspecified.
Expected<DecodedText, std::string> decode_text_taking(std::string&& bytes);

// Length of the well-formed UTF-8 sequence at text[i] (no overlongs, no
// surrogates, nothing past U+10FFFF), 0 when there is none.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

// Appends code point `cp` to `out` as UTF-8.
void append_utf8(std::string& out, char32_t cp);

// Lines of decoded text that show UTF-8 decoded as cp1252, latin-1 or cp874
// and re-encoded ("Ã©", "â€™", "๐Ÿ"), one defect per affected line.
std::vector<EncodingDefect> find_mojibake(std::string_view utf8_text);

const char* line_ending_name(LineEnding ending);

}  // namespace snipcheck::extractor
