#include "src/cli_reports.hpp"

#include <functional>
#include <optional>
#include <ostream>

#include "src/cli.hpp"
#include "src/diff_command.hpp"
#include "src/merge_command.hpp"

namespace snipcheck {
namespace {

// Walks the arguments after the command word: `--name value`, `--name=value`
// and `-o value` go to `option` (which returns 0 to go on, or an exit
// status), anything else not starting with '-' to `operand`.
int for_each_argument(const std::vector<std::string>& arguments, std::ostream& err,
                      const std::function<int(const std::string& name, const std::string& value)>& option,
                      const std::function<bool(const std::string& name)>& takes_value,
                      std::vector<std::string>& operands) {
    for (std::size_t i = 1; i < arguments.size(); ++i) {
        std::string name = arguments[i];
        if (name == "-" || name.empty() || name[0] != '-') {
            operands.push_back(name);
            continue;
        }
        std::optional<std::string> value;
        if (const std::size_t equals = name.find('='); name.rfind("--", 0) == 0 && equals != std::string::npos) {
            value = name.substr(equals + 1);
            name.resize(equals);
        }
        if (!takes_value(name)) {
            if (value) {
                return usage_error(err, name + " takes no value");
            }
            if (const int status = option(name, ""); status != 0) {
                return status;
            }
            continue;
        }
        if (!value) {
            if (i + 1 >= arguments.size()) {
                return usage_error(err, name + " needs a value");
            }
            value = arguments[++i];
        }
        if (const int status = option(name, *value); status != 0) {
            return status;
        }
    }
    return 0;
}

}  // namespace

int parse_diff(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
    DiffOptions options;
    std::vector<std::string> reports;
    const auto takes_value = [](const std::string& name) {
        return name == "--format" || name == "--output" || name == "-o";
    };
    const auto option = [&](const std::string& name, const std::string& value) {
        if (name == "--format") {
            if (value != "term" && value != "json") {
                return usage_error(err, "--format is term or json, not '" + value + "'");
            }
            options.format = value == "json" ? DiffFormat::json : DiffFormat::term;
        } else if (name == "--output" || name == "-o") {
            options.output = value;
        } else {
            return usage_error(err, "unknown option '" + name + "' for diff");
        }
        return 0;
    };
    if (const int status = for_each_argument(arguments, err, option, takes_value, reports); status != 0) {
        return status;
    }
    if (reports.size() != 2) {
        return usage_error(err, "diff needs two reports: OLD.json NEW.json (from snipcheck run --format json)");
    }
    options.old_report = reports[0];
    options.new_report = reports[1];
    return run_diff(options, out, err);
}

int parse_merge(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
    MergeOptions options;
    const auto takes_value = [](const std::string& name) {
        return name == "--format" || name == "--output" || name == "-o" || name == "--fail-on";
    };
    const auto option = [&](const std::string& name, const std::string& value) {
        if (name == "--format") {
            if (value == "json") {
                options.format = MergeFormat::json;
            } else if (value == "term") {
                options.format = MergeFormat::term;
            } else if (value == "junit") {
                options.format = MergeFormat::junit;
            } else {
                return usage_error(err, "--format is json, term or junit, not '" + value + "'");
            }
        } else if (name == "--output" || name == "-o") {
            options.output = value;
        } else if (name == "--fail-on") {
            options.fail_on = fail_on_from_name(value);
            if (!options.fail_on) {
                return usage_error(err, "--fail-on is error, fail, regressed or never, not '" + value + "'");
            }
        } else if (name == "--verbose" || name == "-v") {
            options.verbose = true;
        } else {
            return usage_error(err, "unknown option '" + name + "' for merge");
        }
        return 0;
    };
    if (const int status = for_each_argument(arguments, err, option, takes_value, options.inputs);
        status != 0) {
        return status;
    }
    if (options.inputs.empty()) {
        return usage_error(err, "merge needs at least one report (from snipcheck run --format json)");
    }
    return run_merge(options, out, err);
}

}  // namespace snipcheck
