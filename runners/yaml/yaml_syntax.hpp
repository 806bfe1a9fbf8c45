#pragma once
// Strict YAML syntax, by libyaml: the parser PyYAML and Ruby's Psych use.
// yaml-cpp reads the documents for the structure checks but lets through
// text those tools refuse (two top-level values without `---`).

#include <string>

namespace snipcheck::runners::yaml {

struct YamlSyntaxError {
    int line = 0;  // 1-based line of the code; 0 when the text is valid
    std::string message;
};

// Parses every document in `code`; line 0 when all are valid.
YamlSyntaxError check_yaml_syntax(const std::string& code);

}  // namespace snipcheck::runners::yaml
