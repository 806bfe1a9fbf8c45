#include "extractor/snippet_id.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

using namespace snipcheck::extractor;

namespace {

Snippet python_snippet(std::string code) {
    Snippet snippet;
    snippet.language = "python";
    snippet.code = std::move(code);
    return snippet;
}

}  // namespace

TEST_CASE("assign_ids: twelve zero-padded hex digits of the content hash that never change") {
    // Ids are matched across runs and releases: these values must never change.
    std::vector<Snippet> snippets = {python_snippet("print(0)"), python_snippet("print(110)"),
                                     python_snippet("print(111)"), python_snippet("print(0) \t ")};
    assign_ids(snippets);
    CHECK(snippets[0].id == "63bc37667c15");
    CHECK(snippets[1].id == "0e95bb959ae9");
    CHECK(snippets[2].id == "0702dc9596ee");
    // Trailing spaces do not count; the same code again is numbered and a duplicate.
    CHECK(snippets[3].id == "63bc37667c15-2");
    CHECK(snippets[3].duplicate_of == "63bc37667c15");
    CHECK(snippets[1].duplicate_of.empty());
}

TEST_CASE("assign_ids: the same code with other expectations is numbered but no duplicate") {
    std::vector<Snippet> snippets(12, python_snippet("print(1)"));
    snippets[5].expectations.push_back({3, 0, ExpectationKind::output_comment, "1", ""});
    assign_ids(snippets);
    CHECK(snippets[11].id == snippets[0].id + "-12");
    CHECK(snippets[11].duplicate_of == snippets[0].id);
    CHECK(snippets[5].duplicate_of.empty());
}

TEST_CASE("assign_ids numbers and links thousands of snippets as counting in document order does") {
    // Many snippets, most codes repeated, some with other expectations: the
    // ids agree with a plain count per code and the first per code and output.
    std::vector<Snippet> snippets;
    for (int i = 0; i < 5000; ++i) {
        Snippet snippet = python_snippet("print(" + std::to_string(i % 700) + ")");
        if (i % 3 == 0) {
            snippet.expectations.push_back({1, 1, ExpectationKind::output_comment, std::to_string(i % 2), ""});
        }
        snippets.push_back(std::move(snippet));
    }
    assign_ids(snippets);
    std::vector<int> seen(700, 0);
    for (std::size_t i = 0; i < snippets.size(); ++i) {
        const int code = static_cast<int>(i % 700);
        const int occurrence = ++seen[static_cast<std::size_t>(code)];
        const std::string base = snippets[static_cast<std::size_t>(code)].id;
        INFO("snippet " << i);
        CHECK(snippets[i].id == (occurrence == 1 ? base : base + "-" + std::to_string(occurrence)));
        // The first earlier snippet with the same code and the same expectations.
        std::string first;
        for (std::size_t k = 0; k < i && first.empty(); ++k) {
            if (k % 700 == i % 700 && snippets[k].expectations.size() == snippets[i].expectations.size() &&
                (snippets[k].expectations.empty() || snippets[k].expectations[0].expected == snippets[i].expectations[0].expected)) {
                first = snippets[k].id;
            }
        }
        CHECK(snippets[i].duplicate_of == first);
    }
}

TEST_CASE("code_hash is the hash ids are made of: language and code, trailing blanks of each line ignored") {
    CHECK(code_hash("python", "x = 1\nprint(x)") == code_hash("python", "x = 1 \t\nprint(x)  "));
    CHECK(code_hash("python", "print(1)") != code_hash("sql", "print(1)"));
    CHECK(code_hash("python", "a\nb") != code_hash("python", "ab"));
}

TEST_CASE("assign_ids given each snippet's code_hash names and links as assign_ids alone does") {
    std::vector<Snippet> alone;
    for (int i = 0; i < 40; ++i) {
        Snippet snippet = python_snippet("print(" + std::to_string(i % 7) + ")\n# line two ");
        if (i % 5 == 0) {
            snippet.expectations.push_back({1, 1, ExpectationKind::output_comment, "x", ""});
        }
        alone.push_back(std::move(snippet));
    }
    std::vector<Snippet> given = alone;
    std::vector<std::uint64_t> hashes;
    for (const Snippet& snippet : given) {
        hashes.push_back(code_hash(snippet.language, snippet.code));
    }
    assign_ids(alone);
    assign_ids(given, hashes);
    for (std::size_t i = 0; i < alone.size(); ++i) {
        CHECK(given[i].id == alone[i].id);
        CHECK(given[i].duplicate_of == alone[i].duplicate_of);
    }
    // Hashes that do not match the snippets in number are not trusted.
    std::vector<Snippet> short_given = alone;
    assign_ids(short_given, std::vector<std::uint64_t>{1, 2});
    CHECK(short_given[3].id == alone[3].id);
}
