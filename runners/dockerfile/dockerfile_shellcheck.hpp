#pragma once
// shellcheck over a Dockerfile: every RUN script (see
// dockerfile_shell_scripts.hpp) checked in the shell its stage uses, the
// findings mapped back to Dockerfile code lines.

#include <string>
#include <vector>

#include "runners/dockerfile/dockerfile_parser.hpp"
#include "src/expected.hpp"
#include "src/finding.hpp"

namespace snipcheck::runners::dockerfile {

// shellcheck's findings on the RUN scripts of `parsed`, at 1-based code
// lines, sorted by line, rules "SC2086". Codes that cannot be right about a
// RUN line are left out (SC2154, SC1090, SC1091: see the .cpp). An error value
// when shellcheck could not run; an empty list when it ran and found nothing,
// or when there is no RUN script to check.
Expected<std::vector<Finding>, std::string> shellcheck_dockerfile(const ParsedDockerfile& parsed);

}  // namespace snipcheck::runners::dockerfile
