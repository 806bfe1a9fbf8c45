#pragma once
// What UTF-8 looks like after a trip through a legacy single-byte code page
// (cp1252, latin-1, cp874): the byte each code point came from, and where a
// run of such code points still spells a UTF-8 character. Pure: no I/O.

#include <cstddef>
#include <optional>
#include <span>

namespace snipcheck::extractor {

enum class CodePage { cp1252, latin1, cp874 };

// What a legacy character is, as far as telling real text from mojibake goes.
enum class LegacyKind {
    none,         // no legacy code page has it (ASCII included)
    latin1,       // U+00A0..U+00FF: letters and symbols
    thai,         // a cp874 letter, digit or mark (U+0E01..U+0E5B)
    punctuation,  // … ‘ ’ “ ” • – —: in cp1252 and cp874, normal after a word
    letter,       // Š š Ž ž Œ œ Ÿ: cp1252-only, real letters in some languages
    odd,          // € ‚ ƒ „ † ‡ ˆ ‰ ‹ › ˜ ™ and C1 controls: rare right after a letter
};

// The byte a code point has in cp1252, latin-1 or cp874 (one table: the three
// never give one code point two different bytes) and its kind. byte is -1
// for a code point none of them has.
struct LegacyChar {
    int byte = -1;
    LegacyKind kind = LegacyKind::none;
};

// Looks up one code point; never fails (unknown code points give byte -1).
LegacyChar legacy_char(char32_t code_point);

// A stretch of a run that spells UTF-8 bytes read through a legacy code page.
struct MojibakeMatch {
    std::size_t begin = 0;  // index into the run, inclusive
    std::size_t end = 0;    // index into the run, exclusive
    CodePage page = CodePage::cp1252;
    // The character those bytes encode; empty when some of its bytes were
    // lost on the way (the code page had no character for them).
    std::optional<char32_t> intended;
};

// The first mojibake in one maximal run of non-ASCII code points, or nothing
// when the run reads as plausible text (accented words, Thai, quotes, emoji).
std::optional<MojibakeMatch> find_mojibake_in_run(std::span<const char32_t> run);

const char* code_page_name(CodePage page);

}  // namespace snipcheck::extractor
