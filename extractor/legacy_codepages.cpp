#include "extractor/legacy_codepages.hpp"

#include <array>
#include <cstdint>

namespace snipcheck::extractor {
namespace {

// cp1252 bytes 0x80..0x9F; 0 where cp1252 has no character. cp874 shares the
// entries at 0x80, 0x85 and 0x91..0x97 and has none of the others.
constexpr std::array<char16_t, 32> k_cp1252_high = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

LegacyKind kind_of_high_byte(int byte) {
    switch (byte) {
        case 0x85:
        case 0x91:
        case 0x92:
        case 0x93:
        case 0x94:
        case 0x95:
        case 0x96:
        case 0x97:
            return LegacyKind::punctuation;
        case 0x8A:
        case 0x8C:
        case 0x8E:
        case 0x9A:
        case 0x9C:
        case 0x9E:
        case 0x9F:
            return LegacyKind::letter;
        default:
            return LegacyKind::odd;
    }
}

bool is_assigned_thai(char32_t code_point) {
    return (code_point >= 0x0E01 && code_point <= 0x0E3A) ||
           (code_point >= 0x0E3F && code_point <= 0x0E5B);
}

// How a UTF-8 lead byte continues: how many continuation bytes, and the
// range allowed for the first of them (which rules out overlongs,
// surrogates and code points above U+10FFFF).
struct LeadShape {
    int continuations = 0;
    int second_low = 0x80;
    int second_high = 0xBF;
};

std::optional<LeadShape> lead_shape(int byte) {
    if (byte >= 0xC2 && byte <= 0xDF) {
        return LeadShape{1, 0x80, 0xBF};
    }
    if (byte >= 0xE0 && byte <= 0xEF) {
        if (byte == 0xE0) {
            return LeadShape{2, 0xA0, 0xBF};
        }
        return LeadShape{2, 0x80, byte == 0xED ? 0x9F : 0xBF};
    }
    if (byte >= 0xF0 && byte <= 0xF4) {
        if (byte == 0xF0) {
            return LeadShape{3, 0x90, 0xBF};
        }
        return LeadShape{3, 0x80, byte == 0xF4 ? 0x8F : 0xBF};
    }
    return std::nullopt;
}

// One candidate: a lead followed by at least one fitting continuation.
struct Candidate {
    int lead = 0;
    int second = 0;
    int continuations = 0;
    bool complete = false;
    bool thai = false;
    // Kinds seen among the continuations.
    bool odd = false;
    bool punctuation = false;
    bool letter = false;
    bool c1 = false;
    char32_t value = 0;
};

// Thai as it is written: a word may end in any letter and be followed by
// quotes, dashes or "…", and many consonant pairs happen to form UTF-8.
// What it never has is a cp1252-only character, or punctuation right after a
// leading vowel (เ แ โ ใ ไ), which always precedes a consonant.
bool is_thai_mojibake(const Candidate& c) {
    if (c.odd || c.letter) {
        return true;
    }
    if (c.lead >= 0xE0 && c.lead <= 0xE4 && c.second <= 0xA0) {
        return true;
    }
    // Thai read as cp874: "เธช" for "ส".
    return c.complete && c.lead == 0xE0 && is_assigned_thai(c.value);
}

// Latin text puts accented letters next to symbols and punctuation too:
// "café »" (NBSP), "„Tomáš“", "T•Ø•R", "«CAFÉ»". Each rule keeps the shapes
// real mojibake has ("Ã©", "Ã–", "Â ", "â€™", "âœ“", "ä¸­", "ðŸ˜€") and
// drops the ones real words make.
bool is_latin_mojibake(const Candidate& c) {
    const bool wordlike = c.punctuation || c.letter;
    if (!c.complete) {
        // Only "â€"-like and "ðŸ"-like stubs: punctuation and emoji that lost
        // a 0x81, 0x8D, 0x8F, 0x90 or 0x9D. Not Icelandic „með“.
        return (c.lead == 0xE2 && c.odd) || (c.lead == 0xF0 && (c.odd || c.letter));
    }
    if (c.continuations == 1) {
        if (c.value < 0xA0 || c.value > 0x06FF) {
            return false;
        }
        if (c.odd) {
            return true;
        }
        if (c.second == 0xA0) {
            return c.lead == 0xC2 || c.lead == 0xC3;
        }
        if (wordlike) {
            // Ã, Å, Greek and Cyrillic leads, and "Ä…" for Polish "ą"; not
            // "MYYJÄ”" or "T•Ø•R•Ü•S".
            const int lead = c.lead;
            return lead == 0xC3 || lead == 0xC5 || lead == 0xCE || lead == 0xCF || lead == 0xD0 ||
                   lead == 0xD1 || (lead == 0xC4 && c.second == 0x85);
        }
        return c.lead != 0xC9;
    }
    if (c.continuations == 2) {
        if (c.odd) {
            return true;
        }
        if (c.second == 0xA0) {
            return false;
        }
        return !wordlike || c.lead == 0xE2;
    }
    return true;
}

CodePage page_of(const Candidate& c) {
    if (c.thai) {
        return CodePage::cp874;
    }
    return c.c1 ? CodePage::latin1 : CodePage::cp1252;
}

}  // namespace

LegacyChar legacy_char(char32_t code_point) {
    if (code_point < 0x80) {
        return {};
    }
    if (code_point <= 0x9F) {
        return {static_cast<int>(code_point), LegacyKind::odd};
    }
    if (code_point <= 0xFF) {
        return {static_cast<int>(code_point), LegacyKind::latin1};
    }
    if (code_point >= 0x0E01 && code_point <= 0x0E3A) {
        return {static_cast<int>(code_point - 0x0E01 + 0xA1), LegacyKind::thai};
    }
    if (code_point >= 0x0E3F && code_point <= 0x0E5B) {
        return {static_cast<int>(code_point - 0x0E3F + 0xDF), LegacyKind::thai};
    }
    if (code_point < 0x0152 || code_point > 0x2122) {
        return {};
    }
    for (std::size_t i = 0; i < k_cp1252_high.size(); ++i) {
        if (k_cp1252_high[i] != 0 && k_cp1252_high[i] == code_point) {
            const int byte = static_cast<int>(0x80 + i);
            return {byte, kind_of_high_byte(byte)};
        }
    }
    return {};
}

std::optional<MojibakeMatch> find_mojibake_in_run(std::span<const char32_t> run) {
    const std::size_t size = run.size();
    for (std::size_t i = 0; i + 1 < size; ++i) {
        const LegacyChar lead = legacy_char(run[i]);
        const std::optional<LeadShape> shape = lead_shape(lead.byte);
        if (!shape) {
            continue;
        }
        Candidate c;
        c.lead = lead.byte;
        c.thai = lead.kind == LegacyKind::thai;
        c.value = static_cast<char32_t>(lead.byte & (0x3F >> shape->continuations));
        std::size_t j = i + 1;
        while (c.continuations < shape->continuations && j < size) {
            const LegacyChar next = legacy_char(run[j]);
            const bool first = c.continuations == 0;
            const int low = first ? shape->second_low : 0x80;
            const int high = first ? shape->second_high : 0xBF;
            if (next.byte < low || next.byte > high) {
                break;
            }
            if (first) {
                c.second = next.byte;
            }
            c.value = (c.value << 6) | static_cast<char32_t>(next.byte & 0x3F);
            c.thai = c.thai || next.kind == LegacyKind::thai;
            c.odd = c.odd || next.kind == LegacyKind::odd;
            c.punctuation = c.punctuation || next.kind == LegacyKind::punctuation;
            c.letter = c.letter || next.kind == LegacyKind::letter;
            c.c1 = c.c1 || run[j] <= 0x9F;
            ++c.continuations;
            ++j;
        }
        if (c.continuations == 0) {
            continue;
        }
        c.complete = c.continuations == shape->continuations;
        if (c.thai ? is_thai_mojibake(c) : is_latin_mojibake(c)) {
            MojibakeMatch match{i, j, page_of(c), std::nullopt};
            if (c.complete) {
                match.intended = c.value;
            }
            return match;
        }
        // Continuation bytes cannot start a sequence: resume after them.
        i = j - 1;
    }
    return std::nullopt;
}

const char* code_page_name(CodePage page) {
    switch (page) {
        case CodePage::cp1252:
            return "cp1252";
        case CodePage::latin1:
            return "latin-1";
        case CodePage::cp874:
            return "cp874";
    }
    return "?";
}

}  // namespace snipcheck::extractor
