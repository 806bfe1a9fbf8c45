#pragma once
// Lint rules about the commands RUN instructions run, read from their shell
// scripts: apt-get install without -y (apt-get-missing-yes), without
// --no-install-recommends (apt-get-install-recommends), without removing
// /var/lib/apt/lists in the same RUN (apt-get-no-cleanup), without version
// pins (apt-get-unpinned); apt-get upgrade (apt-get-upgrade); pip install
// without --no-cache-dir (pip-cache); cd (run-cd); sudo (run-sudo).

#include <vector>

#include "runners/dockerfile/dockerfile_parser.hpp"
#include "src/finding.hpp"

namespace snipcheck::runners::dockerfile {

// Appends the findings of the RUN command rules, at the Dockerfile line of
// each command, to `findings`.
void lint_run_commands(const ParsedDockerfile& parsed, std::vector<Finding>& findings);

}  // namespace snipcheck::runners::dockerfile
