#pragma once
// How a configuration file and the command line make one RunOptions.
// Precedence: built-in defaults, then the file, then the command line; a
// document's own directive beats an [[overrides]] table for its snippet.
// The command line is parsed twice: once to find --config, then over the
// options the file set, so what it says wins by construction.

#include <vector>

#include "src/config_file.hpp"
#include "src/diagnostic.hpp"
#include "src/expected.hpp"
#include "src/run_command.hpp"

namespace snipcheck {

// The built-in defaults with what the file sets put over them (all but
// `format`, which the command line planner takes with --output).
RunOptions run_options_from(const ConfigFile& config);

// Once the command line is read over run_options_from(config): checks the
// interpreter the file names (when the command line kept it) and replaces
// `options.paths` with the documents to check (the file's include when the
// command line named none, less its exclude). Returns notes for the user
// (files named but excluded); fails at the place in the file that is wrong.
Expected<std::vector<Diagnostic>, Diagnostic> finish_configured_run(const ConfigFile& config, RunOptions& options);

}  // namespace snipcheck
