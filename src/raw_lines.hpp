#pragma once
// A document's bytes as lines, byte for byte: the BOM apart, each line's text
// and its own terminator (CRLF, LF, CR or none), so an edit can change one
// line and leave every other byte as it was. Lines break where the decoder
// breaks them (CRLF, LF, lone CR), so line N here is line N of the report.

#include <string>
#include <string_view>
#include <vector>

namespace snipcheck {

struct RawLine {
    std::string_view text;  // without its terminator
    std::string_view end;   // "\r\n", "\n", "\r", or empty for a last line without one
};

struct RawLines {
    std::string_view bom;         // "\xEF\xBB\xBF" or empty
    std::vector<RawLine> lines;   // lines[0] is line 1; views into the bytes
    std::string_view usual_end;   // the first terminator of the document, "\n" when it has none
};

// Splits UTF-8 bytes; the views point into `bytes`, which must outlive the result.
RawLines split_raw_lines(std::string_view bytes);

// True when `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

}  // namespace snipcheck
