#include "extractor/text_decoder.hpp"

#include "extractor/legacy_codepages.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>

using namespace snipcheck::extractor;

namespace {

std::string read_case(const std::string& name) {
    std::ifstream in(std::string(SNIPCHECK_TEST_DATA) + "/encoding/" + name, std::ios::binary);
    REQUIRE(in);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

DecodedText decode_case(const std::string& name) {
    auto decoded = decode_text(read_case(name));
    REQUIRE(decoded.has_value());
    return std::move(decoded).value();
}

// Python's bytes.decode("utf-8", errors="replace") would give the same text.
std::string decoded_text(std::string_view bytes) {
    auto decoded = decode_text(bytes);
    REQUIRE(decoded.has_value());
    return decoded->text;
}

std::string codes_and_lines(const std::vector<EncodingDefect>& defects) {
    std::string out;
    for (const EncodingDefect& d : defects) {
        out += std::to_string(d.line) + ":" + d.code + " ";
    }
    return out;
}

// Well-formed UTF-8 by Table 3-7 of the Unicode standard, written
// independently of the decoder under test.
bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 1;
        unsigned low = 0x80;
        unsigned high = 0xBF;
        if (lead < 0x80) {
            ++i;
            continue;
        }
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            low = lead == 0xE0 ? 0xA0 : 0x80;
            high = lead == 0xED ? 0x9F : 0xBF;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        if (i + length > text.size()) {
            return false;
        }
        for (std::size_t k = 1; k < length; ++k) {
            const auto byte = static_cast<unsigned char>(text[i + k]);
            if (byte < (k == 1 ? low : 0x80) || byte > (k == 1 ? high : 0xBF)) {
                return false;
            }
        }
        i += length;
    }
    return true;
}

const std::string k_fffd = "\xEF\xBF\xBD";

}  // namespace

TEST_CASE("empty input decodes to empty text", "[text_decoder]") {
    const DecodedText d = decode_case("empty.txt");
    CHECK(d.text.empty());
    CHECK(d.encoding == "utf-8");
    CHECK_FALSE(d.had_bom);
    CHECK(d.line_ending == LineEnding::none);
    CHECK(d.defects.empty());
}

TEST_CASE("clean UTF-8 passes through untouched", "[text_decoder]") {
    const std::string bytes = read_case("clean_utf8.md");
    const DecodedText d = decode_case("clean_utf8.md");
    CHECK(d.text == bytes);
    CHECK(d.line_ending == LineEnding::lf);
    CHECK(d.defects.empty());
}

TEST_CASE("a UTF-8 BOM is removed and CRLF becomes LF", "[text_decoder]") {
    const DecodedText d = decode_case("bom_crlf.md");
    CHECK(d.text == "line one\nline two\n");
    CHECK(d.had_bom);
    CHECK(d.encoding == "utf-8");
    CHECK(d.line_ending == LineEnding::crlf);
    CHECK(std::string(line_ending_name(d.line_ending)) == "crlf");
}

TEST_CASE("line endings are normalised and reported", "[text_decoder]") {
    const DecodedText cr = decode_case("cr_only.txt");
    CHECK(cr.text == "first\nsecond\nthird");
    CHECK(cr.line_ending == LineEnding::cr);

    const DecodedText mixed = decode_case("mixed_endings.txt");
    CHECK(mixed.text == "crlf\nlf\ncr\nend");
    CHECK(mixed.line_ending == LineEnding::mixed);

    CHECK(decode_case("no_newline.txt").line_ending == LineEnding::none);
    CHECK(decoded_text("a\r") == "a\n");
    CHECK(decoded_text("\r\r\n\n") == "\n\n\n");
    // CR and LF at every position of the 8-byte fast path.
    for (std::size_t at = 0; at < 20; ++at) {
        std::string bytes(20, 'x');
        bytes[at] = '\r';
        auto d = decode_text(bytes);
        REQUIRE(d.has_value());
        CHECK(d->line_ending == LineEnding::cr);
        bytes[at] = '\n';
        CHECK(decode_text(bytes)->line_ending == LineEnding::lf);
    }
    CHECK(std::string(line_ending_name(LineEnding::mixed)) == "mixed");
}

TEST_CASE("invalid UTF-8 is replaced like Python's errors=replace", "[text_decoder]") {
    const DecodedText d = decode_case("invalid_utf8.txt");
    const std::string expected = "ok\n"
                                 "bad lead " + k_fffd + " here\n"
                                 "truncated " + k_fffd + " x\n"
                                 "overlong " + k_fffd + k_fffd + "\n"
                                 "surrogate " + k_fffd + k_fffd + k_fffd + "\n"
                                 "too big " + k_fffd + k_fffd + k_fffd + k_fffd + "\n"
                                 "two on one line " + k_fffd + " and " + k_fffd + "\n"
                                 "eof " + k_fffd;
    CHECK(d.text == expected);
    CHECK(codes_and_lines(d.defects) ==
          "2:invalid-utf8 3:invalid-utf8 4:invalid-utf8 5:invalid-utf8 6:invalid-utf8 "
          "7:invalid-utf8 8:invalid-utf8 ");
    REQUIRE(d.defects.size() == 7);
    CHECK(d.defects[0].message == "invalid UTF-8 (1 byte replaced by U+FFFD)");
    CHECK(d.defects[1].message == "invalid UTF-8 (2 bytes replaced by U+FFFD)");
    CHECK(d.defects[5].message == "invalid UTF-8 (2 bytes replaced by U+FFFD)");
    CHECK(d.defects[6].message == "invalid UTF-8 (3 bytes replaced by U+FFFD)");
}

TEST_CASE("maximal invalid subparts at sequence boundaries", "[text_decoder]") {
    CHECK(decoded_text("\xE0\x80") == k_fffd + k_fffd);           // E0 needs A0..BF next
    CHECK(decoded_text("\xE0\xA0") == k_fffd);                    // truncated at end
    CHECK(decoded_text("\xF0\x8F\xBF\xBF") == k_fffd + k_fffd + k_fffd + k_fffd);
    CHECK(decoded_text("\xF4\x8F\xBF\xBF") == "\xF4\x8F\xBF\xBF");  // U+10FFFF is fine
    CHECK(decoded_text("\xC2") == k_fffd);
    CHECK(decoded_text("\xC2\r\n") == k_fffd + "\n");
    CHECK(decoded_text("\xE2\x82\xAC\xE2\x82") == "\xE2\x82\xAC" + k_fffd);
}

TEST_CASE("NUL bytes make a file binary", "[text_decoder]") {
    auto d = decode_text(read_case("binary.bin"));
    REQUIRE_FALSE(d.has_value());
    CHECK(d.error() == "binary file (NUL byte at offset 7)");
    // The offset counts the BOM: it is a file offset.
    auto with_bom = decode_text(std::string("\xEF\xBB\xBF" "ab\0", 6));
    REQUIRE_FALSE(with_bom.has_value());
    CHECK(with_bom.error() == "binary file (NUL byte at offset 5)");
}

TEST_CASE("mostly control bytes make a file binary", "[text_decoder]") {
    auto d = decode_text(read_case("control_bytes.bin"));
    REQUIRE_FALSE(d.has_value());
    CHECK(d.error().rfind("binary file", 0) == 0);
    // Tabs, form feeds and ANSI colours are text.
    CHECK(decode_text("\t\tindented\f\x1B[31mred\x1B[0m\v\n").has_value());
}

TEST_CASE("UTF-16 with a BOM is decoded to UTF-8", "[text_decoder]") {
    const DecodedText le = decode_case("utf16le_bom.md");
    CHECK(le.text == "h\xC3\xA9llo w\xC3\xB6rld\n\xF0\x9F\x90\x8D snake\n");
    CHECK(le.encoding == "utf-16le");
    CHECK(le.had_bom);
    CHECK(le.line_ending == LineEnding::crlf);
    CHECK(le.defects.empty());

    const DecodedText be = decode_case("utf16be_bom.md");
    CHECK(be.text == "Gr\xC3\xB6\xC3\x9F" "e\n\xE2\x9C\x85 done\n");
    CHECK(be.encoding == "utf-16be");
    CHECK(be.line_ending == LineEnding::lf);
}

TEST_CASE("unpaired surrogates and an odd byte in UTF-16 are replaced", "[text_decoder]") {
    const DecodedText d = decode_case("utf16le_unpaired_surrogate.md");
    CHECK(d.text == "fine\na" + k_fffd + "b\n" + k_fffd + "c" + k_fffd);
    REQUIRE(d.defects.size() == 2);
    CHECK(d.defects[0].line == 2);
    CHECK(d.defects[0].code == "invalid-utf16");
    CHECK(d.defects[1].line == 3);
    CHECK(d.defects[1].message == "invalid UTF-16 (2 code units replaced by U+FFFD)");
}

TEST_CASE("NUL characters in UTF-16 are replaced, not binary", "[text_decoder]") {
    const DecodedText d = decode_case("utf16le_nul.md");
    CHECK(d.text == "a" + k_fffd + "b\n");
    REQUIRE(d.defects.size() == 1);
    CHECK(d.defects[0].code == "nul-bytes");
    CHECK(d.defects[0].message == "1 NUL character replaced by U+FFFD");
}

TEST_CASE("UTF-8 read as cp874 (the seed 001 pattern) is mojibake", "[text_decoder][mojibake]") {
    const DecodedText d = decode_case("mojibake_cp874.txt");
    CHECK(codes_and_lines(d.defects) ==
          "1:mojibake 3:mojibake 4:mojibake 6:mojibake 7:mojibake 8:mojibake 10:mojibake ");
    REQUIRE(d.defects.size() == 7);
    // Two bytes of the snake emoji had no cp874 character and were lost.
    CHECK(d.defects[0].message ==
          "mojibake: \"\xE0\xB9\x90\xC5\xB8\" looks like UTF-8 read as cp874 "
          "(should be one character, but some of its bytes were lost)");
    CHECK(d.defects[1].message ==
          "mojibake: \"\xE0\xB9\x82\xE2\x82\xAC\xE2\x84\xA2\" looks like UTF-8 read as cp874 "
          "(should be \"\xE2\x80\x99\")");
    CHECK(d.defects[2].message ==
          "mojibake: \"\xE0\xB9\x82\xE2\x82\xAC\xE2\x80\x9D\" looks like UTF-8 read as cp874 "
          "(should be \"\xE2\x80\x94\")");
    CHECK(d.defects[3].message.find("(should be \"\xE2\x9C\x85\")") != std::string::npos);
    // The text itself is kept as it is.
    CHECK(d.text == read_case("mojibake_cp874.txt"));
}

TEST_CASE("Thai text read as cp874 is mojibake", "[text_decoder][mojibake]") {
    const DecodedText d = decode_case("mojibake_thai_as_cp874.txt");
    REQUIRE(d.defects.size() == 1);
    CHECK(d.defects[0].line == 2);
    CHECK(d.defects[0].message.find("(should be \"\xE0\xB8\xAA\")") != std::string::npos);
}

TEST_CASE("UTF-8 read as cp1252 or latin-1 is mojibake", "[text_decoder][mojibake]") {
    const DecodedText d = decode_case("mojibake_cp1252.md");
    CHECK(codes_and_lines(d.defects) == "1:mojibake 2:mojibake 4:mojibake 5:mojibake ");
    REQUIRE(d.defects.size() == 4);
    CHECK(d.defects[0].message ==
          "mojibake: \"\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2\" looks like UTF-8 read as cp1252 "
          "(should be \"\xE2\x80\x99\")");
    CHECK(d.defects[1].message.find("(should be \"\xC3\xA9\")") != std::string::npos);
    CHECK(d.defects[2].message.find("(should be \"\xC3\x96\")") != std::string::npos);

    const DecodedText latin1 = decode_case("mojibake_latin1.txt");
    REQUIRE(latin1.defects.size() == 1);
    CHECK(latin1.defects[0].message.find("read as latin-1 (should be \"\xC3\x8D\")") != std::string::npos);
}

TEST_CASE("real Thai, accented and typographic text is not mojibake", "[text_decoder][mojibake]") {
    for (const char* name : {"thai_clean.txt", "accents_clean.md", "clean_utf8.md"}) {
        INFO(name);
        const DecodedText d = decode_case(name);
        CHECK(codes_and_lines(d.defects).empty());
    }
}

TEST_CASE("find_mojibake reports one defect per line", "[text_decoder][mojibake]") {
    const auto defects = find_mojibake(
        "ok\n"
        "It\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s caf\xC3\x83\xC2\xA9 \xC3\x83\xC2\xA9\n"
        "\n"
        "x\xC3\x83\xC2\xA9");
    CHECK(codes_and_lines(defects) == "2:mojibake 4:mojibake ");
    // A truncated cp1252 sequence ("â€" + lost 0x9D for a closing quote).
    CHECK(find_mojibake("said \xC3\xA2\xE2\x82\xAC\xC5\x93hi\xC3\xA2\xE2\x82\xAC").size() == 1);
    CHECK(find_mojibake("say \xC3\xA2\xE2\x82\xAC and go").size() == 1);
    // Invisible characters are named, not shown.
    const auto nbsp = find_mojibake("a\xC3\x82\xC2\xA0" "b");
    REQUIRE(nbsp.size() == 1);
    CHECK(nbsp[0].message.find("(should be U+00A0)") != std::string::npos);
    // Bytes that are not UTF-8 end a run; nothing breaks.
    CHECK(find_mojibake("\xFF\xC3\x83\xFE\xC2\xA9").empty());
    CHECK(find_mojibake("").empty());
}

TEST_CASE("emoji, a BOM and CJK read as cp1252 are mojibake", "[text_decoder][mojibake]") {
    // "😀" -> "ðŸ˜€"; "🐍" -> "ðŸ" and two lost bytes.
    const auto emoji = find_mojibake("ok \xC3\xB0\xC5\xB8\xCB\x9C\xE2\x82\xAC\n\xC3\xB0\xC5\xB8 x");
    CHECK(codes_and_lines(emoji) == "1:mojibake 2:mojibake ");
    REQUIRE(emoji.size() == 2);
    CHECK(emoji[0].message.find("(should be \"\xF0\x9F\x98\x80\")") != std::string::npos);
    // A BOM read as cp1252: "ï»¿".
    const auto bom = find_mojibake("\xC3\xAF\xC2\xBB\xC2\xBFtitle");
    REQUIRE(bom.size() == 1);
    CHECK(bom[0].message.find("(should be U+FEFF)") != std::string::npos);
    // "中文" -> "ä¸­æ–‡".
    CHECK(find_mojibake("\xC3\xA4\xC2\xB8\xC2\xAD\xC3\xA6\xE2\x80\x93\xE2\x80\xA1").size() == 1);
    // Real CJK, Greek and Cyrillic are left alone.
    CHECK(find_mojibake("\xE4\xB8\xAD\xE6\x96\x87 \xCE\xB1\xCE\xB2 \xD0\xB4\xD0\xB0").empty());
}

TEST_CASE("legacy tables agree with Python's cp1252 and cp874 codecs", "[legacy_codepages]") {
    std::istringstream table(read_case("codepage_tables.txt"));
    std::string page;
    std::string byte;
    std::string code_point;
    int rows = 0;
    while (table >> page >> byte >> code_point) {
        INFO(page << " " << byte << " " << code_point);
        const LegacyChar c = legacy_char(static_cast<char32_t>(std::stoul(code_point, nullptr, 16)));
        CHECK(c.byte == std::stoi(byte, nullptr, 16));
        CHECK((c.kind == LegacyKind::thai) == (code_point.rfind("0E", 0) == 0));
        ++rows;
    }
    CHECK(rows == 220);
    CHECK(legacy_char(U'a').byte == -1);
    CHECK(legacy_char(U'\u2705').byte == -1);
    CHECK(legacy_char(U'\u0085').kind == LegacyKind::odd);
    CHECK(std::string(code_page_name(CodePage::latin1)) == "latin-1");
}

TEST_CASE("random bytes never break the decoder", "[text_decoder][fuzz]") {
    std::mt19937 rng(20240611);
    const std::string alphabet = "ab\r\n\t\x80\xBF\xC2\xC3\xE0\xE2\xED\xEF\xF0\xF4\xFF\xA0\x9F";
    for (int round = 0; round < 2000; ++round) {
        std::string bytes(rng() % 64, 'x');
        for (char& c : bytes) {
            c = rng() % 4 == 0 ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
        }
        if (round % 3 == 0) {
            bytes.insert(0, round % 2 == 0 ? "\xFF\xFE" : "\xFE\xFF");
        }
        auto d = decode_text(bytes);
        if (!d.has_value()) {
            CHECK(d.error().rfind("binary file", 0) == 0);
            continue;
        }
        CHECK(d->text.find('\r') == std::string::npos);
        CHECK(is_valid_utf8(d->text));
        int previous = 0;
        for (const EncodingDefect& defect : d->defects) {
            CHECK(defect.line >= previous);
            previous = defect.line;
        }
        find_mojibake(bytes);
    }
}

TEST_CASE("decode_text_taking decodes every case as decode_text does") {
    for (const char* name : {"accents_clean.md", "binary.bin", "bom_crlf.md", "clean_utf8.md", "control_bytes.bin",
                             "cr_only.txt", "empty.txt", "invalid_utf8.txt", "mixed_endings.txt",
                             "mojibake_cp1252.md", "mojibake_latin1.txt", "no_newline.txt", "thai_clean.txt",
                             "utf16be_bom.md", "utf16le_bom.md", "utf16le_nul.md"}) {
        INFO(name);
        const std::string bytes = read_case(name);
        auto copied = decode_text(bytes);
        auto taken = decode_text_taking(std::string(bytes));
        REQUIRE(copied.has_value() == taken.has_value());
        if (!copied) {
            CHECK(copied.error() == taken.error());
            continue;
        }
        CHECK(copied->text == taken->text);
        CHECK(copied->encoding == taken->encoding);
        CHECK(copied->had_bom == taken->had_bom);
        CHECK(copied->line_ending == taken->line_ending);
        CHECK(codes_and_lines(copied->defects) == codes_and_lines(taken->defects));
    }
}

TEST_CASE("decode_text_taking keeps the bytes of clean UTF-8 as the text, without a copy") {
    std::string clean;
    for (int i = 0; i < 1000; ++i) {
        clean += "print('caf\xc3\xa9')  # Output: caf\xc3\xa9\n";
    }
    const char* const buffer = clean.data();
    auto decoded = decode_text_taking(std::move(clean));
    REQUIRE(decoded.has_value());
    CHECK(decoded->text.data() == buffer);
    CHECK(decoded->line_ending == LineEnding::lf);
    auto with_crlf = decode_text_taking(std::string("a\r\nb\r\n"));
    REQUIRE(with_crlf.has_value());
    CHECK(with_crlf->text == "a\nb\n");
}
