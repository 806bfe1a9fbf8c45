#include "src/cli.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <ostream>
#include <string_view>

#include "src/cli_reports.hpp"
#include "src/config_file.hpp"
#include "src/diagnostic.hpp"
#include "src/document_selection.hpp"
#include "src/list_command.hpp"
#include "src/run_command.hpp"
#include "src/run_configuration.hpp"

namespace snipcheck {

int usage_error(std::ostream& err, const std::string& message) {
    err << "snipcheck: error: " << message << "\n" << "(snipcheck --help shows the usage)\n";
    return 2;
}

namespace {

constexpr const char* k_usage =
    "usage: snipcheck run [PATHS...] [--jobs N] [--timeout S] [--format FMT[=PATH],...]\n"
    "                     [--output FILE] [--python PATH] [--sql-engine sqlite|mariadb|postgres|auto]\n"
    "                     [--no-cache] [--cache-dir DIR] [--verbose] [--baseline REPORT.json] [--shard K/N]\n"
    "                     [--fail-on error|fail|regressed|never] [--update | --diff]\n"
    "                     [--config FILE | --no-config]\n"
    "       snipcheck list [PATHS...] [--format table|json] [--output FILE] [--config FILE | --no-config]\n"
    "       snipcheck diff OLD.json NEW.json [--format term|json] [--output FILE]\n"
    "       snipcheck merge REPORT.json... [--format json|term|junit] [--output FILE]\n"
    "                       [--fail-on error|fail|regressed|never] [--verbose]\n"
    "       snipcheck --version | --help\n"
    "\n"
    "PATHS are Markdown or plain-text documents, folders (searched for .md,\n"
    ".markdown and .txt files), or - for standard input. Without PATHS, run\n"
    "and list take what the configuration file (snipcheck.toml) includes.\n"
    "run --format: term, json, junit, sarif, github, html, several with commas\n"
    "(term,json=report.json,html=report.html); see README.md.\n";

int parse_list(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
    ListOptions options;
    ConfigChoice config;
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
        } else if (argument == "--config") {
            const std::string* path = value(argument);
            if (path == nullptr) {
                return 2;
            }
            config.search = ConfigSearch::given;
            config.path = *path;
        } else if (argument == "--no-config") {
            config.search = ConfigSearch::none;
        } else if (argument.size() > 1 && argument[0] == '-') {
            return usage_error(err, "unknown option '" + argument + "' for list");
        } else {
            options.paths.push_back(argument);
        }
    }
    // The same documents `run` would check: the file's include when no path
    // is named, never what its exclude matches.
    auto loaded = load_config(config);
    if (!loaded) {
        for (const Diagnostic& error : loaded.error()) {
            err << format_diagnostic(error) << '\n';
        }
        return 2;
    }
    if (loaded->has_value()) {
        auto selection = select_documents(**loaded, options.paths);
        if (!selection) {
            err << format_diagnostic(selection.error()) << '\n';
            return 2;
        }
        for (const Diagnostic& note : selection->notes) {
            err << format_diagnostic(note) << '\n';
        }
        options.paths = std::move(selection->paths);
    } else if (options.paths.empty()) {
        return usage_error(err, "list needs at least one file or folder (or - for standard input), "
                                "or a snipcheck.toml saying what to include");
    }
    return run_list(options, out, err);
}

bool parse_number(const std::string& text, double& value) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    return ec == std::errc() && ptr == end;
}

// What the command line says beyond RunOptions.
struct RunArguments {
    std::string formats;  // --format as given; empty: the default
    std::string output;
    ConfigChoice config;
};

// Reads the command line over `options`; 0, or 2 after a usage error.
int parse_run_arguments(const std::vector<std::string>& arguments, RunOptions& options, RunArguments& given,
                        std::ostream& err) {
    std::string& formats = given.formats;
    std::string& output = given.output;
    for (std::size_t i = 1; i < arguments.size(); ++i) {
        std::string argument = arguments[i];
        std::string inline_value;
        bool has_inline = false;
        if (argument.rfind("--", 0) == 0) {
            if (const auto equals = argument.find('='); equals != std::string::npos) {
                inline_value = argument.substr(equals + 1);
                argument.resize(equals);
                has_inline = true;
            }
        }
        const auto value = [&](std::string& into) -> bool {
            if (has_inline) {
                into = inline_value;
                return true;
            }
            if (i + 1 >= arguments.size()) {
                usage_error(err, argument + " needs a value");
                return false;
            }
            into = arguments[++i];
            return true;
        };
        std::string text;
        if (argument == "--jobs" || argument == "-j") {
            if (!value(text)) {
                return 2;
            }
            double jobs = 0;
            if (!parse_number(text, jobs) || jobs < 1 || jobs > 256 || jobs != static_cast<int>(jobs)) {
                return usage_error(err, "--jobs is a whole number from 1 to 256, not '" + text + "'");
            }
            options.jobs = static_cast<int>(jobs);
        } else if (argument == "--timeout") {
            if (!value(text)) {
                return 2;
            }
            if (!parse_number(text, options.timeout_seconds) || options.timeout_seconds <= 0 ||
                options.timeout_seconds > 86400) {
                return usage_error(err, "--timeout is a number of seconds above 0, not '" + text + "'");
            }
        } else if (argument == "--format") {
            if (!value(formats)) {
                return 2;
            }
            if (formats.empty()) {
                return usage_error(err, "--format needs a format (term, json, junit, sarif, github, html)");
            }
        } else if (argument == "--output" || argument == "-o") {
            if (!value(output)) {
                return 2;
            }
        } else if (argument == "--python") {
            if (!value(options.python)) {
                return 2;
            }
        } else if (argument == "--sql-engine") {
            if (!value(text)) {
                return 2;
            }
            if (text == "sqlite") {
                options.sql_engine = runners::sql::SqlEngine::sqlite;
            } else if (text == "mariadb" || text == "mysql") {
                options.sql_engine = runners::sql::SqlEngine::mariadb;
            } else if (text == "postgres" || text == "postgresql") {
                options.sql_engine = runners::sql::SqlEngine::postgres;
            } else if (text == "auto") {
                options.sql_engine = runners::sql::SqlEngine::auto_select;
            } else {
                return usage_error(err, "--sql-engine is sqlite, mariadb, postgres or auto, not '" + text + "'");
            }
        } else if (argument == "--no-cache") {
            options.no_cache = true;
        } else if (argument == "--cache-dir") {
            if (!value(options.cache_dir)) {
                return 2;
            }
            if (options.cache_dir.empty()) {
                return usage_error(err, "--cache-dir needs a folder");
            }
        } else if (argument == "--verbose" || argument == "-v") {
            options.verbose = true;
        } else if (argument == "--baseline") {
            if (!value(options.baseline)) {
                return 2;
            }
        } else if (argument == "--shard") {
            if (!value(text)) {
                return 2;
            }
            auto shard = parse_shard(text);
            if (!shard) {
                return usage_error(err, shard.error());
            }
            options.shard = *shard;
        } else if (argument == "--fail-on") {
            if (!value(text)) {
                return 2;
            }
            options.fail_on = fail_on_from_name(text);
            if (!options.fail_on) {
                return usage_error(err, "--fail-on is error, fail, regressed or never, not '" + text + "'");
            }
        } else if (argument == "--update" || argument == "--diff") {
            const UpdateMode mode = argument == "--update" ? UpdateMode::update : UpdateMode::diff;
            if (options.update != UpdateMode::none && options.update != mode) {
                return usage_error(err, "--update and --diff exclude each other (--diff shows what --update would write)");
            }
            options.update = mode;
        } else if (argument == "--config") {
            given.config.search = ConfigSearch::given;
            if (!value(given.config.path)) {
                return 2;
            }
        } else if (argument == "--no-config") {
            given.config.search = ConfigSearch::none;
        } else if (argument.size() > 1 && argument[0] == '-') {
            return usage_error(err, "unknown option '" + arguments[i] + "' for run");
        } else {
            options.paths.push_back(argument);
        }
    }
    return 0;
}

// Built-in defaults, then the configuration file, then the command line.
int parse_run(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err) {
    RunOptions options;
    RunArguments given;
    if (const int status = parse_run_arguments(arguments, options, given, err); status != 0) {
        return status;
    }
    auto config = load_config(given.config);
    if (!config) {
        for (const Diagnostic& error : config.error()) {
            err << format_diagnostic(error) << '\n';
        }
        return 2;
    }
    if (config->has_value()) {
        // The command line again, over what the file set: it wins.
        options = run_options_from(**config);
        given = RunArguments{};
        parse_run_arguments(arguments, options, given, err);
        if (given.formats.empty()) {
            given.formats = (*config)->format;
        }
        auto notes = finish_configured_run(**config, options);
        if (!notes) {
            err << format_diagnostic(notes.error()) << '\n';
            return 2;
        }
        for (const Diagnostic& note : *notes) {
            err << format_diagnostic(note) << '\n';
        }
    } else if (options.paths.empty()) {
        return usage_error(err, "run needs at least one file or folder (or - for standard input), "
                                "or a snipcheck.toml saying what to include");
    }
    const std::string& formats = given.formats;
    const std::string& output = given.output;
    if (options.baseline == "-" && std::find(options.paths.begin(), options.paths.end(), "-") != options.paths.end()) {
        return usage_error(err, "standard input cannot be both a document and the --baseline report");
    }
    if (options.fail_on == FailOn::regressed && options.baseline.empty()) {
        return usage_error(err, "--fail-on regressed needs --baseline REPORT.json to compare with");
    }
    if (options.update != UpdateMode::none &&
        std::find(options.paths.begin(), options.paths.end(), "-") != options.paths.end()) {
        // It can be neither rewritten nor read a second time to confirm the values.
        return usage_error(err, std::string(options.update == UpdateMode::update ? "--update" : "--diff") +
                                    " cannot work on standard input (-): name the document's file");
    }
    const char* github_actions = std::getenv("GITHUB_ACTIONS");
    auto reports = plan_reports(formats, output, github_actions != nullptr && std::string_view(github_actions) == "true");
    if (!reports) {
        return usage_error(err, reports.error());
    }
    options.reports = std::move(reports.value());
    return run_run(options, out, err);
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
        return parse_run(arguments, out, err);
    }
    if (command == "diff") {
        return parse_diff(arguments, out, err);
    }
    if (command == "merge") {
        return parse_merge(arguments, out, err);
    }
    return usage_error(err, "unknown command '" + command + "'");
}

}  // namespace snipcheck
