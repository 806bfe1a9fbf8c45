#include "extractor/text_decoder.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>

#include "extractor/legacy_codepages.hpp"

namespace snipcheck::extractor {
namespace {

constexpr std::size_t k_sniff_size = 8 * 1024;
constexpr char32_t k_replacement = 0xFFFD;

// The scans below are where the time goes on real documents, which are
// nearly all ASCII. They look at 16 bytes per step through GCC/Clang vector
// extensions, which become SSE2 on x86-64 and NEON on ARM.
using Bytes16 = signed char __attribute__((vector_size(16)));

// The bytes a scan stops at. decode_utf8 stops at LF only until it has seen
// one: it needs to know that the file has LF endings, not where they are.
enum class Stop {
    non_ascii,      // find_mojibake: the start of a non-ASCII run
    special,        // decode_utf8: non-ASCII, CR, NUL
    special_or_lf,  // decode_utf8 before its first LF
};

template <Stop S>
constexpr bool is_stop(unsigned char c) {
    return c >= 0x80 || (S != Stop::non_ascii && (c == '\r' || c == 0)) || (S == Stop::special_or_lf && c == '\n');
}

// Index of the first byte at or after i where scan S stops, or size.
template <Stop S>
std::size_t scan(const unsigned char* p, std::size_t i, std::size_t size) {
    for (; i + 16 <= size; i += 16) {
        Bytes16 v;
        std::memcpy(&v, p + i, sizeof v);
        Bytes16 hits = v < 0;
        if constexpr (S != Stop::non_ascii) {
            hits |= (v == '\r') | (v == 0);
        }
        if constexpr (S == Stop::special_or_lf) {
            hits |= v == '\n';
        }
        // Each byte of hits is 0x00 or 0xFF, so bit counts map to bytes.
        std::uint64_t halves[2];
        std::memcpy(halves, &hits, sizeof halves);
        for (std::size_t h = 0; h < 2; ++h) {
            if (halves[h] != 0) {
                const int bits = std::endian::native == std::endian::little ? std::countr_zero(halves[h])
                                                                            : std::countl_zero(halves[h]);
                return i + 8 * h + static_cast<std::size_t>(bits / 8);
            }
        }
    }
    while (i < size && !is_stop<S>(p[i])) {
        ++i;
    }
    return i;
}

// One step of UTF-8 decoding at p: a well-formed sequence (valid, its length
// and code point) or the maximal invalid subpart (its length, at least 1),
// which is what Python's errors="replace" turns into one U+FFFD.
struct Utf8Step {
    std::size_t length = 1;
    bool valid = false;
    char32_t code_point = 0;
};

bool is_continuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

// Inlined: it runs once per non-ASCII character, twice per document.
[[gnu::always_inline]] inline Utf8Step utf8_step(const unsigned char* p, std::size_t available) {
    const unsigned char lead = p[0];
    if (lead < 0x80) {
        return {1, true, lead};
    }
    // The common cases first: 2-byte, and 3-byte without E0/ED's narrower
    // second byte.
    if (lead >= 0xC2 && lead <= 0xDF && available >= 2 && is_continuation(p[1])) {
        return {2, true, static_cast<char32_t>(((lead & 0x1Fu) << 6) | (p[1] & 0x3Fu))};
    }
    if (lead >= 0xE1 && lead <= 0xEF && lead != 0xED && available >= 3 && is_continuation(p[1]) &&
        is_continuation(p[2])) {
        return {3, true, static_cast<char32_t>(((lead & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu))};
    }
    int continuations = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        continuations = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        continuations = 2;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        continuations = 3;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return {};
    }
    char32_t value = lead & (0x3Fu >> continuations);
    std::size_t length = 1;
    for (int k = 0; k < continuations; ++k) {
        if (length >= available || p[length] < low || p[length] > high) {
            return {length, false, 0};
        }
        value = (value << 6) | (p[length] & 0x3Fu);
        ++length;
        low = 0x80;
        high = 0xBF;
    }
    return {length, true, value};
}


// 1-based line numbers of positions in a growing text, counted lazily so
// that clean text is never scanned for newlines.
class LineCounter {
public:
    int line_at(std::string_view text, std::size_t position) {
        if (position > m_position) {
            m_line += static_cast<int>(
                std::count(text.begin() + static_cast<std::ptrdiff_t>(m_position),
                           text.begin() + static_cast<std::ptrdiff_t>(position), '\n'));
            m_position = position;
        }
        return m_line;
    }

private:
    std::size_t m_position = 0;
    int m_line = 1;
};

enum class DefectKind { invalid_utf8, invalid_utf16, nul_character };

std::string plural(std::size_t count, const char* noun) {
    return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

// Replacements counted per line and kind, turned into messages at the end.
class DefectTally {
public:
    void add(int line, DefectKind kind, std::size_t count) {
        if (!m_entries.empty() && m_entries.back().line == line && m_entries.back().kind == kind) {
            m_entries.back().count += count;
        } else {
            m_entries.push_back({line, kind, count});
        }
    }

    void emit(std::vector<EncodingDefect>& out) const {
        for (const Entry& e : m_entries) {
            switch (e.kind) {
                case DefectKind::invalid_utf8:
                    out.push_back({e.line, "invalid-utf8",
                                   "invalid UTF-8 (" + plural(e.count, "byte") + " replaced by U+FFFD)"});
                    break;
                case DefectKind::invalid_utf16:
                    out.push_back({e.line, "invalid-utf16",
                                   "invalid UTF-16 (" + plural(e.count, "code unit") +
                                       " replaced by U+FFFD)"});
                    break;
                case DefectKind::nul_character:
                    out.push_back({e.line, "nul-bytes",
                                   plural(e.count, "NUL character") + " replaced by U+FFFD"});
                    break;
            }
        }
    }

private:
    struct Entry {
        int line;
        DefectKind kind;
        std::size_t count;
    };
    std::vector<Entry> m_entries;
};

class LineEndingSeen {
public:
    void lf() { m_lf = true; }
    void crlf() { m_crlf = true; }
    void cr() { m_cr = true; }

    LineEnding result() const {
        const int kinds = int{m_lf} + int{m_crlf} + int{m_cr};
        if (kinds == 0) {
            return LineEnding::none;
        }
        if (kinds > 1) {
            return LineEnding::mixed;
        }
        return m_lf ? LineEnding::lf : (m_crlf ? LineEnding::crlf : LineEnding::cr);
    }

private:
    bool m_lf = false;
    bool m_crlf = false;
    bool m_cr = false;
};

bool is_control(unsigned c) {
    const bool text_control = c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == 0x1B;
    return (c < 0x20 && !text_control) || c == 0x7F;
}

std::string nul_reason(std::size_t offset) {
    return "binary file (NUL byte at offset " + std::to_string(offset) + ")";
}

// Rejects content whose first 8 KiB are not text. A NUL byte later on is
// found by decode_utf8, which reads every byte anyway.
std::optional<std::string> sniff_binary(std::string_view content, std::size_t offset_base) {
    const std::string_view sniff = content.substr(0, k_sniff_size);
    if (const void* nul = std::memchr(sniff.data(), 0, sniff.size())) {
        return nul_reason(offset_base + static_cast<std::size_t>(static_cast<const char*>(nul) - sniff.data()));
    }
    const auto controls = std::count_if(sniff.begin(), sniff.end(), [](char c) {
        return is_control(static_cast<unsigned char>(c));
    });
    if (static_cast<std::size_t>(controls) * 10 > sniff.size() * 3) {
        return std::string("binary file (mostly control bytes)");
    }
    return std::nullopt;
}

// Decodes UTF-8 content into result; returns the offset of a NUL byte
// instead if there is one (result is then unfinished). Content that needs no
// change (valid UTF-8, no CR) is not copied: result.text stays empty and
// `unchanged` is set, for the caller to take the bytes as they are.
std::optional<std::size_t> decode_utf8(std::string_view content, DecodedText& result, DefectTally& tally,
                                       bool& unchanged) {
    const auto* p = reinterpret_cast<const unsigned char*>(content.data());
    const std::size_t size = content.size();
    std::string& out = result.text;
    // Called before the first byte that changes: from then on `out` holds
    // the text up to `pending`.
    const auto start_copy = [&] {
        if (unchanged) {
            unchanged = false;
            out.reserve(size);
        }
    };
    unchanged = true;
    LineCounter lines;
    LineEndingSeen endings;
    bool seen_lf = false;
    std::size_t i = 0;
    std::size_t pending = 0;  // start of input bytes not yet copied to out
    while (true) {
        // Plain ASCII is copied later in bulk; only special bytes stop us.
        i = seen_lf ? scan<Stop::special>(p, i, size) : scan<Stop::special_or_lf>(p, i, size);
        if (i >= size) {
            break;
        }
        const unsigned char c = p[i];
        if (c == 0) {
            return i;
        }
        if (c == '\n') {
            seen_lf = true;
            endings.lf();
            ++i;
        } else if (c == '\r') {
            start_copy();
            out.append(content.data() + pending, i - pending);
            out += '\n';
            if (i + 1 < size && p[i + 1] == '\n') {
                endings.crlf();
                i += 2;
            } else {
                endings.cr();
                i += 1;
            }
            pending = i;
        } else {
            do {
                const Utf8Step step = utf8_step(p + i, size - i);
                if (!step.valid) {
                    start_copy();
                    out.append(content.data() + pending, i - pending);
                    tally.add(lines.line_at(out, out.size()), DefectKind::invalid_utf8, step.length);
                    append_utf8(out, k_replacement);
                    pending = i + step.length;
                }
                i += step.length;
            } while (i < size && p[i] >= 0x80);
        }
    }
    if (!unchanged) {
        out.append(content.data() + pending, size - pending);
    }
    result.line_ending = endings.result();
    return std::nullopt;
}

enum class Endian { little, big };

void decode_utf16(std::string_view content, Endian endian, DecodedText& result, DefectTally& tally) {
    const auto* p = reinterpret_cast<const unsigned char*>(content.data());
    const std::size_t units = content.size() / 2;
    const auto unit_at = [&](std::size_t k) -> char32_t {
        const char32_t first = p[2 * k];
        const char32_t second = p[2 * k + 1];
        return endian == Endian::little ? (first | (second << 8)) : ((first << 8) | second);
    };
    std::string& out = result.text;
    out.reserve(content.size());
    LineCounter lines;
    LineEndingSeen endings;
    for (std::size_t k = 0; k < units; ++k) {
        const char32_t unit = unit_at(k);
        if (unit == '\r') {
            out += '\n';
            if (k + 1 < units && unit_at(k + 1) == '\n') {
                endings.crlf();
                ++k;
            } else {
                endings.cr();
            }
        } else if (unit == '\n') {
            endings.lf();
            out += '\n';
        } else if (unit == 0) {
            tally.add(lines.line_at(out, out.size()), DefectKind::nul_character, 1);
            append_utf8(out, k_replacement);
        } else if (unit >= 0xD800 && unit <= 0xDBFF && k + 1 < units && unit_at(k + 1) >= 0xDC00 &&
                   unit_at(k + 1) <= 0xDFFF) {
            append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (unit_at(k + 1) - 0xDC00));
            ++k;
        } else if (unit >= 0xD800 && unit <= 0xDFFF) {
            tally.add(lines.line_at(out, out.size()), DefectKind::invalid_utf16, 1);
            append_utf8(out, k_replacement);
        } else {
            append_utf8(out, unit);
        }
    }
    if (content.size() % 2 != 0) {
        tally.add(lines.line_at(out, out.size()), DefectKind::invalid_utf16, 1);
        append_utf8(out, k_replacement);
    }
    result.line_ending = endings.result();
}

// UTF-16 text that is mostly control characters is as binary as bytes are.
bool utf16_mostly_controls(const std::string& text) {
    const std::string_view sniff = std::string_view(text).substr(0, k_sniff_size);
    const auto controls = std::count_if(sniff.begin(), sniff.end(), [](char c) {
        return is_control(static_cast<unsigned char>(c));
    });
    return static_cast<std::size_t>(controls) * 10 > sniff.size() * 3;
}

// Invisible or control characters are named, not shown, in messages.
std::string describe(char32_t cp) {
    const bool invisible = cp <= 0xA0 || cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) ||
                           (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x2060 && cp <= 0x206F) ||
                           (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF;
    if (invisible) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
        return buffer;
    }
    std::string quoted = "\"";
    append_utf8(quoted, cp);
    return quoted + "\"";
}

std::string mojibake_message(std::span<const char32_t> fragment, const MojibakeMatch& match) {
    std::string shown;
    for (const char32_t cp : fragment) {
        append_utf8(shown, cp);
    }
    std::string message = "mojibake: \"" + shown + "\" looks like UTF-8 read as " +
                          code_page_name(match.page);
    if (match.intended) {
        return message + " (should be " + describe(*match.intended) + ")";
    }
    return message + " (should be one character, but some of its bytes were lost)";
}

}  // namespace

std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    const Utf8Step step = utf8_step(reinterpret_cast<const unsigned char*>(text.data() + i), text.size() - i);
    return step.valid ? step.length : 0;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

namespace {

// decode_text, moving `owned` (when given, the same bytes as `bytes`) into
// the text when the text is the bytes as they are.
Expected<DecodedText, std::string> decode(std::string_view bytes, std::string* owned) {
    DecodedText result;
    result.encoding = "utf-8";
    DefectTally tally;
    const auto starts_with = [&](std::string_view prefix) { return bytes.substr(0, prefix.size()) == prefix; };
    if (starts_with("\xFF\xFE") || starts_with("\xFE\xFF")) {
        const Endian endian = bytes[0] == '\xFF' ? Endian::little : Endian::big;
        result.encoding = endian == Endian::little ? "utf-16le" : "utf-16be";
        result.had_bom = true;
        decode_utf16(bytes.substr(2), endian, result, tally);
        if (utf16_mostly_controls(result.text)) {
            return unexpected(std::string("binary file (mostly control characters)"));
        }
    } else {
        std::size_t bom_size = 0;
        if (starts_with("\xEF\xBB\xBF")) {
            bom_size = 3;
            result.had_bom = true;
        }
        const std::string_view content = bytes.substr(bom_size);
        if (std::optional<std::string> reason = sniff_binary(content, bom_size)) {
            return unexpected(std::move(*reason));
        }
        bool unchanged = false;
        if (const std::optional<std::size_t> nul = decode_utf8(content, result, tally, unchanged)) {
            return unexpected(nul_reason(bom_size + *nul));
        }
        if (unchanged && owned != nullptr && bom_size == 0) {
            result.text = std::move(*owned);
        } else if (unchanged) {
            result.text.assign(content);
        }
    }
    tally.emit(result.defects);
    std::vector<EncodingDefect> mojibake = find_mojibake(result.text);
    result.defects.insert(result.defects.end(), std::make_move_iterator(mojibake.begin()),
                          std::make_move_iterator(mojibake.end()));
    std::stable_sort(result.defects.begin(), result.defects.end(),
                     [](const EncodingDefect& a, const EncodingDefect& b) { return a.line < b.line; });
    return result;
}

}  // namespace

Expected<DecodedText, std::string> decode_text(std::string_view bytes) { return decode(bytes, nullptr); }

Expected<DecodedText, std::string> decode_text_taking(std::string&& bytes) { return decode(bytes, &bytes); }

std::vector<EncodingDefect> find_mojibake(std::string_view utf8_text) {
    std::vector<EncodingDefect> defects;
    const auto* p = reinterpret_cast<const unsigned char*>(utf8_text.data());
    const std::size_t size = utf8_text.size();
    std::vector<char32_t> run;
    LineCounter lines;
    std::size_t i = scan<Stop::non_ascii>(p, 0, size);
    while (i < size) {
        // Mojibake starts with a character whose legacy byte is a UTF-8
        // lead: Â..ô (C3 xx) or a Thai letter (E0 B8 xx, E0 B9 xx). Runs of
        // non-ASCII without one (quotes, dashes, emoji, CJK) are not decoded.
        const std::size_t run_start = i;
        bool may_start = false;
        while (i < size && p[i] >= 0x80) {
            may_start = may_start || p[i] == 0xC3 || p[i] == 0xE0;
            ++i;
        }
        if (may_start) {
            run.clear();
            for (std::size_t k = run_start; k < i;) {
                // Bytes that are not UTF-8 (the text need not come from
                // decode_text) become U+FFFD, which no code page has.
                const Utf8Step step = utf8_step(p + k, i - k);
                run.push_back(step.valid ? step.code_point : k_replacement);
                k += step.length;
            }
            if (const std::optional<MojibakeMatch> match = find_mojibake_in_run(run)) {
                const std::span<const char32_t> fragment(run.data() + match->begin, match->end - match->begin);
                defects.push_back(
                    {lines.line_at(utf8_text, run_start), "mojibake", mojibake_message(fragment, *match)});
                // One defect per line: go on at the next line.
                const void* newline = std::memchr(p + i, '\n', size - i);
                i = newline == nullptr ? size
                                       : static_cast<std::size_t>(static_cast<const unsigned char*>(newline) - p);
            }
        }
        i = scan<Stop::non_ascii>(p, i, size);
    }
    return defects;
}

const char* line_ending_name(LineEnding ending) {
    switch (ending) {
        case LineEnding::none:
            return "none";
        case LineEnding::lf:
            return "lf";
        case LineEnding::crlf:
            return "crlf";
        case LineEnding::cr:
            return "cr";
        case LineEnding::mixed:
            return "mixed";
    }
    return "?";
}

}  // namespace snipcheck::extractor
