#pragma once
// The JSON form of extractor values, following the report contract in
// DESIGN.md (schema 1). Shared by `list` and, later, the run reports.

#include <nlohmann/json.hpp>

#include "extractor/extractor.hpp"
#include "extractor/snippet.hpp"
#include "src/json_writer.hpp"

namespace snipcheck {

// The contract's snippet fields without a verdict (status, evidence, message).
nlohmann::json snippet_to_json(const extractor::Snippet& snippet);

// A document's summary: path, format, encoding, defects, snippet count.
nlohmann::json document_to_json(const std::string& path, const extractor::Document& document,
                                const extractor::ExtractedDocument& extracted);

// The same two, written as text without a tree (for `list` of huge
// documents): what dump(2) of the trees above gives, byte for byte. A field
// added above must be added below, in key order.
void write_snippet_json(JsonWriter& out, const extractor::Snippet& snippet);
void write_document_json(JsonWriter& out, const std::string& path, const extractor::Document& document,
                         const extractor::ExtractedDocument& extracted);


}  // namespace snipcheck
