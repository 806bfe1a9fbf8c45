#include "extractor/document.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <string_view>
#include <vector>

using namespace snipcheck::extractor;

namespace {

using Views = std::vector<std::string_view>;

// The plain definition split_lines must agree with.
Views split_one_by_one(std::string_view text) {
    Views lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

}  // namespace

TEST_CASE("split_lines: lines without their newline, a last line without one counts") {
    CHECK(split_lines("").empty());
    CHECK(split_lines("\n") == Views{""});
    CHECK(split_lines("a\nb") == Views{"a", "b"});
    CHECK(split_lines("a\nb\n") == Views{"a", "b"});
    CHECK(split_lines("a\n\n") == Views{"a", ""});
    // Newlines on both sides of 16-byte boundaries.
    const std::string text = "0123456789abcde\n\n0123456789abcdef0123456789abcde\nx\n";
    CHECK(split_lines(text) == Views{"0123456789abcde", "", "0123456789abcdef0123456789abcde", "x"});
}

TEST_CASE("split_lines agrees with a search for each newline on random text") {
    std::mt19937 random(7);
    for (int round = 0; round < 500; ++round) {
        std::string text(random() % 200, 'x');
        for (char& c : text) {
            const auto pick = random() % 8;
            c = pick == 0 ? '\n' : pick == 1 ? '\xc3' : static_cast<char>('a' + pick);
        }
        INFO(text);
        CHECK(split_lines(text) == split_one_by_one(text));
    }
}

TEST_CASE("text_of spans a block's lines in the document, dedented or not", "[document]") {
    DecodedText decoded;
    decoded.text = "intro\n    a = 1\n\n    b = 2\nend\n";
    const Document document = make_document("doc.md", std::move(decoded));
    const std::string_view text = document.decoded.text;
    // Dedented views of lines 2-4, as a lexer makes them.
    const Views block{document.lines[1].substr(4), document.lines[2], document.lines[3].substr(4)};
    const auto spanned = document.text_of(block);
    REQUIRE(spanned.has_value());
    CHECK(*spanned == text.substr(text.find("a = 1"), text.find("end") - 1 - text.find("a = 1")));
    CHECK(document.text_of(Views{}) == std::string_view());
}

TEST_CASE("text_of is nullopt for lines out of order or not in the document", "[document]") {
    DecodedText decoded;
    decoded.text = "one\ntwo\n";
    const Document document = make_document("doc.md", std::move(decoded));
    CHECK_FALSE(document.text_of(Views{document.lines[1], document.lines[0]}).has_value());
    const std::string elsewhere = "two";
    CHECK_FALSE(document.text_of(Views{document.lines[0], elsewhere}).has_value());
    CHECK_FALSE(document.text_of(Views{std::string_view()}).has_value());
}
