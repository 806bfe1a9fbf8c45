#pragma once
// The configuration file: `snipcheck.toml`, or the [tool.snipcheck] table of
// a `pyproject.toml`. Found by `--config PATH` or by searching upward from
// the current folder; read with toml++ and validated strictly: every error
// is `FILE:LINE:COLUMN: error: ...` at the key or value it is about.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runners/sql/sql_runner.hpp"
#include "src/diagnostic.hpp"
#include "src/expected.hpp"
#include "src/fixture_choice.hpp"
#include "src/glob_pattern.hpp"
#include "src/path_rules.hpp"

namespace snipcheck {

// Where in the file a value was written (1-based; 0: not written).
struct ConfigPosition {
    int line = 0;
    int column = 0;
};

// Everything the file sets; unset fields leave the built-in default.
struct ConfigFile {
    std::string path;    // as shown in messages
    std::string folder;  // absolute: paths and globs in the file are relative to it
    std::vector<GlobPattern> include;  // what `snipcheck run` with no paths checks; empty: every document
    ConfigPosition include_position;
    std::vector<GlobPattern> exclude;  // never checked, wherever they come from
    std::optional<double> timeout_seconds;
    std::optional<int> jobs;
    std::optional<std::uintmax_t> cache_max_bytes;  // cache-max-mb
    std::string format;  // a --format list ("term,json=report.json"), its paths made absolute; empty: not set
    std::optional<runners::sql::SqlEngine> sql_engine;
    std::string python;  // resolved against `folder`; empty: not set
    ConfigPosition python_position;
    FixtureChoices fixtures;
    PathRules rules;  // [[overrides]] and allow-fail
};

enum class ConfigSearch { nearest, given, none };

// Which configuration file a run reads: the nearest one (the default), the
// one `--config PATH` names, or none (`--no-config`).
struct ConfigChoice {
    ConfigSearch search = ConfigSearch::nearest;
    std::string path;  // with ConfigSearch::given
};

// Every error found in the file, in file order (a TOML syntax error stops
// the reading, so it comes alone).
using ConfigErrors = std::vector<Diagnostic>;

// Parses the text of the file at `path` (named so in messages; a file named
// pyproject.toml is read from its [tool.snipcheck] table, which must exist).
// `folder` is the absolute folder relative paths in the file start from.
Expected<ConfigFile, ConfigErrors> parse_config(std::string_view text, const std::string& path,
                                              const std::string& folder);

// Reads and parses the file at `path`; fails when it cannot be read.
Expected<ConfigFile, ConfigErrors> read_config(const std::string& path);

// The nearest snipcheck.toml, or pyproject.toml with a [tool.snipcheck]
// table, in `start_folder` or a folder above it; the search stops at the
// filesystem root or after a folder holding `.git`. nullopt when there is
// none; an error when the file found is invalid. Paths in messages are
// relative to `start_folder`.
Expected<std::optional<ConfigFile>, ConfigErrors> find_config(const std::string& start_folder);

// What ConfigChoice asks for, searching from the current folder.
Expected<std::optional<ConfigFile>, ConfigErrors> load_config(const ConfigChoice& choice);

}  // namespace snipcheck
