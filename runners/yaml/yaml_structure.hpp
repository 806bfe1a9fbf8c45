#pragma once
// What docker compose and GitHub Actions require of their YAML files,
// checked on a parsed document. Findings carry 1-based lines of the code.

#include <vector>

#include <yaml-cpp/yaml.h>

#include "src/finding.hpp"

namespace snipcheck::runners::yaml {

enum class YamlKind { plain, compose, actions_workflow };

// A compose file has top-level `services`; a workflow has `on` and `jobs`.
YamlKind yaml_kind(const YAML::Node& root);

// Services with neither image nor build, depends_on naming no service,
// named volumes never declared, malformed ports, the obsolete `version`.
std::vector<Finding> check_compose(const YAML::Node& root);

// Jobs without runs-on (or a reusable `uses`), without steps, steps with
// neither `uses` nor `run`, `needs` naming no job.
std::vector<Finding> check_actions_workflow(const YAML::Node& root);

}  // namespace snipcheck::runners::yaml
