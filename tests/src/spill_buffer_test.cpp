#include "src/spill_buffer.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using snipcheck::SpillBuffer;

namespace {

// Everything the buffer gives back, joined; and how many pieces it came in.
std::string read_back(SpillBuffer& buffer, int* pieces = nullptr) {
    std::string all;
    int count = 0;
    CHECK(buffer.for_each_piece([&](std::string_view piece) {
        all += piece;
        ++count;
        return std::string();
    }).empty());
    if (pieces != nullptr) {
        *pieces = count;
    }
    return all;
}

}  // namespace

TEST_CASE("a spill buffer under its limit keeps its text in memory", "[spill_buffer]") {
    SpillBuffer buffer(64);
    buffer.text() += "short";
    buffer.spill_if_full();
    CHECK(buffer.text() == "short");
    int pieces = 0;
    CHECK(read_back(buffer, &pieces) == "short");
    CHECK(pieces == 1);
}

TEST_CASE("a spill buffer gives back in order what went to its file and what stayed in memory", "[spill_buffer]") {
    SpillBuffer buffer(16);
    std::string expected;
    for (int i = 0; i < 1000; ++i) {
        const std::string part = "part " + std::to_string(i) + ";";
        buffer.text() += part;
        expected += part;
        buffer.spill_if_full();
        CHECK(buffer.text().size() < 16 + part.size());
    }
    CHECK(buffer.size() == expected.size());
    CHECK(read_back(buffer) == expected);
    // More text after reading back comes after the rest.
    buffer.text() += std::string(40, 'x');
    buffer.spill_if_full();
    CHECK(read_back(buffer) == expected + std::string(40, 'x'));
}

TEST_CASE("a spill buffer reads its file back in pieces of a megabyte", "[spill_buffer]") {
    SpillBuffer buffer(1000);
    const std::string block(3 << 20, 'y');
    buffer.text() += block;
    buffer.spill_if_full();
    CHECK(buffer.text().empty());
    buffer.text() += "tail";
    int pieces = 0;
    CHECK(read_back(buffer, &pieces) == block + "tail");
    CHECK(pieces == 4);
}

TEST_CASE("a spill buffer stops at the first reason its sink gives", "[spill_buffer]") {
    SpillBuffer buffer(4);
    buffer.text() += "12345678";
    buffer.spill_if_full();
    buffer.text() += "9";
    int calls = 0;
    CHECK(buffer.for_each_piece([&](std::string_view) {
        ++calls;
        return std::string("stop");
    }) == "stop");
    CHECK(calls == 1);
    // Reading back stopped half way: text added later still goes after the rest.
    buffer.text() += "abcdefgh";
    buffer.spill_if_full();
    CHECK(read_back(buffer) == "123456789abcdefgh");
}
