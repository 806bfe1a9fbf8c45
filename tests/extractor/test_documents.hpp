#pragma once
// Helpers for the extractor tests: load a file under tests/data into a
// Document, or build one from text written in the test.

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/document.hpp"
#include "extractor/extractor.hpp"
#include "extractor/text_decoder.hpp"

namespace snipcheck::test {

// The bytes of tests/data/<relative>; fails the test when the file is missing.
inline std::string read_data_file(const std::string& relative) {
    std::ifstream in(std::string(SNIPCHECK_TEST_DATA) + "/" + relative, std::ios::binary);
    INFO("test data file: " << relative);
    REQUIRE(in);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// Decodes bytes into a Document named `path` (its suffix decides the format).
inline extractor::Document document_from_bytes(std::string path, std::string_view bytes) {
    auto decoded = extractor::decode_text(bytes);
    INFO("decoding " << path);
    REQUIRE(decoded.has_value());
    return extractor::make_document(std::move(path), std::move(decoded).value());
}

// tests/data/<relative> as a Document whose path is `relative`.
inline extractor::Document load_document(const std::string& relative) {
    return document_from_bytes(relative, read_data_file(relative));
}

// The one snippet a small Markdown document holds; fails the test otherwise.
inline extractor::Snippet only_snippet(const std::string& markdown) {
    const extractor::Document document = document_from_bytes("doc.md", markdown);
    extractor::ExtractedDocument extracted = extractor::extract(document);
    REQUIRE(extracted.snippets.size() == 1);
    return extracted.snippets.front();
}

// Lines as strings, so a failed comparison prints them.
inline std::vector<std::string> strings_of(const std::vector<std::string_view>& lines) {
    return {lines.begin(), lines.end()};
}

// Consecutive document line numbers first, first + 1, ... (count of them).
inline std::vector<int> line_range(int first, int count) {
    std::vector<int> lines;
    for (int i = 0; i < count; ++i) {
        lines.push_back(first + i);
    }
    return lines;
}

}  // namespace snipcheck::test
