#include "runners/yaml/yaml_syntax.hpp"

#include <yaml.h>

namespace snipcheck::runners::yaml {

YamlSyntaxError check_yaml_syntax(const std::string& code) {
    YamlSyntaxError result;
    yaml_parser_t parser;
    if (yaml_parser_initialize(&parser) == 0) {
        result.line = 1;
        result.message = "libyaml could not start";
        return result;
    }
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(code.data()), code.size());
    while (true) {
        yaml_event_t event;
        if (yaml_parser_parse(&parser, &event) == 0) {
            result.line = static_cast<int>(parser.problem_mark.line) + 1;
            result.message = parser.problem != nullptr ? parser.problem : "invalid YAML";
            if (parser.context != nullptr) {
                result.message = std::string(parser.context) + ": " + result.message;
            }
            break;
        }
        const bool done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) {
            break;
        }
    }
    yaml_parser_delete(&parser);
    return result;
}

}  // namespace snipcheck::runners::yaml
