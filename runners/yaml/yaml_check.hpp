#pragma once
// YAML and JSON snippets: parsed with real parsers (yaml-cpp, nlohmann
// json); a parse error is an `error` at its document line. YAML that is a
// docker-compose file or a GitHub Actions workflow is also checked for the
// structure those tools require (findings).

#include "extractor/snippet.hpp"
#include "src/run_output.hpp"

namespace snipcheck::runners::yaml {

// Parses a yaml snippet; never throws.
RunOutput check_yaml(const extractor::Snippet& snippet);

// Parses a json snippet; never throws.
RunOutput check_json(const extractor::Snippet& snippet);

}  // namespace snipcheck::runners::yaml
