// UTF-16 bytes to UTF-8 and back, unit for unit.
#include <catch2/catch.hpp>

#include <string>

#include "src/utf16_transcode.hpp"

using snipcheck::Utf16Order;

TEST_CASE("UTF-16 goes to UTF-8 and back byte for byte, BOM, CRLF and surrogate pairs kept", "[utf16_transcode]") {
    // BOM, "é", CR LF, U+1F600 (a surrogate pair), in both byte orders.
    const std::string little("\xFF\xFE\xE9\x00\r\x00\n\x00\x3D\xD8\x00\xDE", 12);
    const std::string big("\xFE\xFF\x00\xE9\x00\r\x00\n\xD8\x3D\xDE\x00", 12);
    const std::string utf8 = "\xEF\xBB\xBF\xC3\xA9\r\n\xF0\x9F\x98\x80";
    CHECK(snipcheck::utf16_to_utf8(little, Utf16Order::little) == utf8);
    CHECK(snipcheck::utf16_to_utf8(big, Utf16Order::big) == utf8);
    CHECK(snipcheck::utf8_to_utf16(utf8, Utf16Order::little) == little);
    CHECK(snipcheck::utf8_to_utf16(utf8, Utf16Order::big) == big);
}

TEST_CASE("UTF-16 that would not come back the same is refused", "[utf16_transcode]") {
    CHECK_FALSE(snipcheck::utf16_to_utf8(std::string("\xFF\xFE\x41", 3), Utf16Order::little));          // odd length
    CHECK_FALSE(snipcheck::utf16_to_utf8(std::string("\xFF\xFE\x00\xD8\x41\x00", 6), Utf16Order::little));  // lone high surrogate
    CHECK_FALSE(snipcheck::utf16_to_utf8(std::string("\xFF\xFE\x00\x00", 4), Utf16Order::little));       // NUL
}
