#pragma once
// The messages between the C++ side and harness.py: what a snippet looks
// like to the harness, and a harness "result" read back as a RunOutput.
// harness.py's Snippet and Runner._finish are the other half.

#include <cstddef>

#include <nlohmann/json.hpp>

#include "extractor/snippet.hpp"
#include "src/run_output.hpp"

namespace snipcheck::runners::python {

// One snippet of the request; `position` is its index in the document's job.
nlohmann::json snippet_request(const extractor::Snippet& snippet, std::size_t position, double timeout);

// A harness "result" message; fields it lacks keep their defaults.
RunOutput output_from_result(const nlohmann::json& result);

}  // namespace snipcheck::runners::python
