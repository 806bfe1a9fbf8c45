#pragma once
// Lint rules for the habits reviewers flag in Dockerfiles, on a parsed file.
// Stable rule ids, each finding at the 1-based code line it is about:
//   image-latest-tag, image-untagged      FROM judged after ARG substitution
//   shell-form-cmd, exec-form-invalid-json, multiple-cmd, multiple-entrypoint
//   add-instead-of-copy, runs-as-root, workdir-relative, maintainer-deprecated,
//   expose-invalid-port, empty-continuation-line
//   apt-get-*, pip-cache, run-cd, run-sudo  (see dockerfile_run_lint.hpp)
// Severity warning, or note for advice that is often fine to ignore.

#include <vector>

#include "runners/dockerfile/dockerfile_parser.hpp"
#include "src/finding.hpp"

namespace snipcheck::runners::dockerfile {

// The lint findings of `parsed`, sorted by line. Never fails; instructions
// the parser refused are judged as far as they can be.
std::vector<Finding> lint_dockerfile(const ParsedDockerfile& parsed);

}  // namespace snipcheck::runners::dockerfile
