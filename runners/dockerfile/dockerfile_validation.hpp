#pragma once
// What Docker refuses in instructions that split fine: an unknown keyword,
// wrong argument counts, unknown or valueless flags, bad HEALTHCHECK
// durations, SHELL not in JSON form, an instruction before the first FROM
// other than ARG, duplicate stage names, no FROM at all. The messages are
// ours, the judgements Docker's (BuildKit's instruction parser).

#include "runners/dockerfile/dockerfile_parser.hpp"

namespace snipcheck::runners::dockerfile {

// Appends an error for each refused instruction of `parsed` to its errors
// (unsorted), at the instruction's first line.
void validate_instructions(ParsedDockerfile& parsed);

}  // namespace snipcheck::runners::dockerfile
