#pragma once
// A RunOutput as JSON and back, every field, for the result cache: what a
// runner produced is stored and the checker judges it again when it is
// read, so a cached snippet gets the verdict a fresh run would.

#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "src/run_output.hpp"

namespace snipcheck {

nlohmann::json run_output_to_json(const RunOutput& run);

// nullopt when `value` is not what run_output_to_json writes (a missing
// field, a wrong type, an unknown end): a damaged or foreign cache entry.
// Never throws.
std::optional<RunOutput> run_output_from_json(const nlohmann::json& value);

// Lint findings alone, in the form run_output_to_json gives them.
nlohmann::json findings_to_json(const std::vector<Finding>& findings);
std::optional<std::vector<Finding>> findings_from_json(const nlohmann::json& value);

}  // namespace snipcheck
