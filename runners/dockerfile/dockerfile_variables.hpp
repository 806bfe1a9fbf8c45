#pragma once
// ARG and ENV substitution as Docker does it in FROM, COPY, ADD, ENV, LABEL,
// EXPOSE, USER, WORKDIR, VOLUME and STOPSIGNAL: $NAME, ${NAME},
// ${NAME:-default}, ${NAME-default}, ${NAME:+alt}, ${NAME+alt},
// ${NAME:?message}, quotes removed and the escape character applied. For lint
// rules that judge a value after substitution.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runners/dockerfile/dockerfile_parser.hpp"

namespace snipcheck::runners::dockerfile {

// The variables in effect: name -> value. A declared ARG without a value is
// absent, as is a variable nobody set.
using Variables = std::map<std::string, std::string, std::less<>>;

struct Expansion {
    std::string text;                     // the word after substitution, quotes and escapes
    std::vector<std::string> unresolved;  // names used bare ($X, ${X}) without a value: text is a guess
    std::string error;                    // ${X:?message} with X unset, an unclosed ${ or quote; else empty
};

// Expands one word (or a whole value such as `ENV A some "text"`). Never
// fails: what Docker would refuse is in `error`, and `text` holds what could
// be expanded.
Expansion expand_variables(std::string_view word, const Variables& variables, char escape = '\\');

// `word` with its quotes and escapes removed, variables left as written.
std::string unquote(std::string_view word, char escape = '\\');

// One NAME=value of an ARG, ENV or LABEL instruction; the value as written
// (quotes kept), absent for `ARG NAME`.
struct Assignment {
    std::string name;
    std::optional<std::string> value;
};

// The assignments of an ARG, ENV or LABEL instruction, the legacy
// `ENV NAME value with spaces` form included; empty for other keywords and
// for words that are not assignments (the parser reports those).
std::vector<Assignment> assignments(const Instruction& instruction);

// The ARGs declared before the first FROM, with their defaults expanded:
// what FROM lines may use.
Variables global_arguments(const ParsedDockerfile& parsed);

}  // namespace snipcheck::runners::dockerfile
