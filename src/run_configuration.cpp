#include "src/run_configuration.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include "src/document_selection.hpp"

namespace snipcheck {

RunOptions run_options_from(const ConfigFile& config) {
    RunOptions options;
    options.timeout_seconds = config.timeout_seconds.value_or(options.timeout_seconds);
    options.jobs = config.jobs.value_or(options.jobs);
    options.cache_max_bytes = config.cache_max_bytes.value_or(options.cache_max_bytes);
    options.sql_engine = config.sql_engine.value_or(options.sql_engine);
    if (!config.python.empty()) {
        options.python = config.python;
    }
    options.fixtures = config.fixtures;
    options.path_rules = config.rules;
    return options;
}

Expected<std::vector<Diagnostic>, Diagnostic> finish_configured_run(const ConfigFile& config, RunOptions& options) {
    // Checked here rather than when reading the file: --python may replace it.
    if (!config.python.empty() && options.python == config.python && ::access(config.python.c_str(), X_OK) != 0) {
        return unexpected(Diagnostic{config.path, config.python_position.line, Severity::error,
                                     fmt::format("'python': {} is not an executable file", config.python),
                                     config.python_position.column});
    }
    auto selection = select_documents(config, options.paths);
    if (!selection) {
        return unexpected(selection.error());
    }
    options.paths = std::move(selection->paths);
    return std::move(selection->notes);
}

}  // namespace snipcheck
