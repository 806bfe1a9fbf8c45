#pragma once
// The JSON form of extractor values, following the report contract in
// DESIGN.md (schema 1). Shared by `list` and, later, the run reports.

#include <nlohmann/json.hpp>

#include "extractor/extractor.hpp"
#include "extractor/snippet.hpp"

namespace snipcheck {

// The contract's snippet fields without a verdict (status, evidence, message).
nlohmann::json snippet_to_json(const extractor::Snippet& snippet);

// A document's summary: path, format, encoding, defects, snippet count.
nlohmann::json document_to_json(const std::string& path, const extractor::Document& document,
                                const extractor::ExtractedDocument& extracted);

}  // namespace snipcheck
