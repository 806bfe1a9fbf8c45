#include "src/cli.hpp"

#include <ostream>

#include "src/list_command.hpp"

namespace snipcheck {
namespace {

constexpr const char* k_usage =
    "usage: snipcheck list PATHS... [--format table|json] [--output FILE]\n"
    "       snipcheck --version | --help\n"
    "\n"
    "PATHS are Markdown or plain-text documents, folders (searched for .md,\n"
    ".markdown and .txt files), or - for standard input.\n";

int usage_error(std::ostream& err, const std::string& message) {
    err << "snipcheck: error: " << message << "\n" << "(snipcheck --help shows the usage)\n";
    return 2;
}

int parse_list(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
    ListOptions options;
    for (std::size_t i = 1; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        const auto value = [&](const std::string& name) -> const std::string* {
            if (i + 1 >= arguments.size()) {
                usage_error(err, name + " needs a value");
                return nullptr;
            }
            return &arguments[++i];
        };
        if (argument == "--format") {
            const std::string* format = value(argument);
            if (format == nullptr) {
                return 2;
            }
            if (*format == "table") {
                options.format = ListFormat::table;
            } else if (*format == "json") {
                options.format = ListFormat::json;
            } else {
                return usage_error(err, "--format is table or json, not '" + *format + "'");
            }
        } else if (argument.rfind("--format=", 0) == 0) {
            const std::string format = argument.substr(9);
            if (format != "table" && format != "json") {
                return usage_error(err, "--format is table or json, not '" + format + "'");
            }
            options.format = format == "json" ? ListFormat::json : ListFormat::table;
        } else if (argument == "--output" || argument == "-o") {
            const std::string* output = value(argument);
            if (output == nullptr) {
                return 2;
            }
            options.output = *output;
        } else if (argument.rfind("--output=", 0) == 0) {
            options.output = argument.substr(9);
        } else if (argument.size() > 1 && argument[0] == '-') {
            return usage_error(err, "unknown option '" + argument + "' for list");
        } else {
            options.paths.push_back(argument);
        }
    }
    if (options.paths.empty()) {
        return usage_error(err, "list needs at least one file or folder (or - for standard input)");
    }
    return run_list(options, out, err);
}

}  // namespace

int run_cli(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
    if (arguments.empty()) {
        err << k_usage;
        return 2;
    }
    const std::string& command = arguments.front();
    if (command == "--help" || command == "-h" || command == "help") {
        out << k_usage;
        return 0;
    }
    if (command == "--version") {
        out << "snipcheck " << SNIPCHECK_VERSION << "\n";
        return 0;
    }
    if (command == "list") {
        return parse_list(arguments, out, err);
    }
    if (command == "run") {
        return usage_error(err, "'run' is not available yet: this build extracts snippets only (use 'list')");
    }
    return usage_error(err, "unknown command '" + command + "'");
}

}  // namespace snipcheck
