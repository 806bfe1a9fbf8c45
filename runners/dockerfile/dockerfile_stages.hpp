#pragma once
// Build stages and what is in scope inside them: the FROM that opens each
// stage, the stage or image it builds on, and the ARG and ENV values an
// instruction sees (global ARGs only on FROM lines; inside a stage its own
// ARGs, which take a global default when redeclared bare, and the ENVs of the
// stage and of the earlier stage it builds on, ENV winning over ARG).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "runners/dockerfile/dockerfile_parser.hpp"
#include "runners/dockerfile/dockerfile_variables.hpp"

namespace snipcheck::runners::dockerfile {

struct Stage {
    std::size_t from_index = 0;  // its FROM among the instructions
    std::size_t end_index = 0;   // one past its last instruction
    std::string name;            // lower case; empty when not named with AS
    std::string base;            // the image after substitution of global ARGs
    bool base_resolved = true;   // false when the base uses an ARG without a value
    std::optional<std::size_t> parent;  // the earlier stage named as base
};

// The stages in order; empty when there is no FROM. Instructions before the
// first FROM belong to none.
std::vector<Stage> build_stages(const ParsedDockerfile& parsed);

// The variables instructions[index] sees, before its own effect. Never fails;
// an index past the end gives the scope at the end of the file.
Variables variables_at(const ParsedDockerfile& parsed, std::size_t index);

}  // namespace snipcheck::runners::dockerfile
