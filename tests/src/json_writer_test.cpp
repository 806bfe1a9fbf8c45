#include "src/json_writer.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>

#include <nlohmann/json.hpp>

using nlohmann::json;
using snipcheck::JsonWriter;

namespace {

// What the list command's JSON used to be: nlohmann's dump of a tree.
std::string dumped(const json& value) { return value.dump(2, ' ', false, json::error_handler_t::replace); }

std::string as_json_string(std::string_view text) {
    std::string out;
    JsonWriter::append_quoted(out, text);
    return out;
}

}  // namespace

TEST_CASE("JsonWriter lays out nested values as nlohmann's dump(2) does") {
    std::string text;
    JsonWriter out(text);
    out.begin_object();
    out.key("a");
    out.begin_array();
    out.integer(1);
    out.begin_object();
    out.end_object();
    out.begin_array();
    out.end_array();
    out.begin_array();
    out.string("x");
    out.null();
    out.end_array();
    out.end_array();
    out.key("b");
    out.boolean(false);
    out.key("c");
    out.begin_object();
    out.key("d");
    out.integer(-7);
    out.key("e");
    out.floating_point(30.0);
    out.end_object();
    out.key("f");
    out.begin_object();
    out.end_object();
    out.end_object();
    const json tree = {{"a", {1, json::object(), json::array(), {"x", nullptr}}},
                       {"b", false},
                       {"c", {{"d", -7}, {"e", 30.0}}},
                       {"f", json::object()}};
    CHECK(text == dumped(tree));
}

TEST_CASE("JsonWriter lays out keys that need quoting, long keys and deep nesting as nlohmann's dump(2) does") {
    // Keys written in one piece, and those that are not (escapes, non-ASCII,
    // longer than the key buffer); indentation past what one separator holds.
    const std::string long_key(100, 'k');
    std::string text;
    JsonWriter out(text);
    json expected = json::object();
    json* level = &expected;
    out.begin_object();
    for (int depth = 0; depth < 70; ++depth) {
        out.key("a\"b\\c\n\u00e9");
        out.integer(depth);
        (*level)["a\"b\\c\n\u00e9"] = depth;
        out.key(long_key);
        out.string("v");
        (*level)[long_key] = "v";
        out.key("z");
        out.begin_object();
        (*level)["z"] = json::object();
        level = &(*level)["z"];
    }
    out.key("last");
    out.begin_array();
    out.integer(1);
    out.end_array();
    (*level)["last"] = {1};
    for (int depth = 0; depth < 70; ++depth) {
        out.end_object();
    }
    out.end_object();
    CHECK(text == dumped(expected));
}

TEST_CASE("JsonWriter: a value written apart fits where rendered puts it") {
    std::string inner_text;
    JsonWriter inner(inner_text, 1);
    inner.begin_array();
    inner.begin_object();
    inner.key("k");
    inner.string("v");
    inner.end_object();
    inner.end_array();
    std::string text;
    JsonWriter out(text);
    out.begin_object();
    out.key("items");
    out.rendered(inner_text);
    out.key("n");
    out.integer(2);
    out.end_object();
    CHECK(text == dumped({{"items", {{{"k", "v"}}}}, {"n", 2}}));
}

TEST_CASE("JsonWriter quotes every ASCII byte as nlohmann does") {
    for (int c = 0; c < 0x80; ++c) {
        const std::string text = std::string("a") + static_cast<char>(c) + "b";
        INFO(c);
        CHECK(as_json_string(text) == dumped(json(text)));
    }
    CHECK(as_json_string("caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x90\x8d") ==
          dumped(json("caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xf0\x9f\x90\x8d")));
}

TEST_CASE("JsonWriter replaces invalid UTF-8 as nlohmann's replace handler does") {
    for (std::string text : {std::string("a\xff" "b"), std::string("\xc3"), std::string("\xe2\x80"),
                             std::string("\xed\xa0\x80"), std::string("\xc0\xaf"), std::string("x\xf4\x90\x80\x80y")}) {
        CHECK(as_json_string(text) == dumped(json(text)));
    }
    std::mt19937 random(11);
    for (int round = 0; round < 2000; ++round) {
        std::string text(random() % 12, ' ');
        for (char& c : text) {
            const auto pick = random() % 6;
            c = pick == 0 ? static_cast<char>(0x80 + random() % 0x80) : pick == 1 ? static_cast<char>(0xc0 + random() % 0x40)
                : pick == 2 ? static_cast<char>(random() % 0x20) : static_cast<char>('a' + random() % 26);
        }
        INFO("round " << round);
        CHECK(as_json_string(text) == dumped(json(text)));
    }
}

TEST_CASE("JsonWriter quotes long strings as nlohmann does, whatever byte stands where") {
    // Plain runs are skipped sixteen bytes at a time: every kind of byte at
    // every position of a few such steps, and at the ragged end.
    for (const char special : {'"', '\\', '\n', '\x01', '\x1f', '\x7f', '\xc3', '\xff'}) {
        for (std::size_t at = 0; at < 40; ++at) {
            std::string text(40, 'x');
            text[at] = special;
            if (special == '\xc3' && at + 1 < text.size()) {
                text[at + 1] = '\xa9';  // a whole "é"
            }
            INFO("byte " << static_cast<int>(static_cast<unsigned char>(special)) << " at " << at);
            CHECK(as_json_string(text) == dumped(json(text)));
        }
    }
    std::mt19937 random(12);
    for (int round = 0; round < 500; ++round) {
        std::string text(random() % 100, ' ');
        for (char& c : text) {
            const auto pick = random() % 40;
            c = pick == 0 ? '"' : pick == 1 ? '\\' : pick == 2 ? '\t' : pick == 3 ? static_cast<char>(0x80 + random() % 0x80)
                : static_cast<char>(' ' + random() % 95);
        }
        INFO("round " << round);
        CHECK(as_json_string(text) == dumped(json(text)));
    }
}

TEST_CASE("JsonWriter writes doubles as nlohmann does") {
    for (double value : {30.0, 0.5, 1e-7, 1e21, 2.25, -0.0, 123456789.125}) {
        std::string text;
        JsonWriter(text).floating_point(value);
        CHECK(text == dumped(json(value)));
    }
}
