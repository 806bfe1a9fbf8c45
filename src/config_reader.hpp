#pragma once
// The configuration's keys and values: a parsed TOML table checked key by
// key into a ConfigFile. Only config_file.cpp needs it (and toml++).

#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "src/config_file.hpp"

namespace snipcheck {

// Reads `table` (the whole snipcheck.toml, or pyproject.toml's
// [tool.snipcheck]; `table_name` is "" or "[tool.snipcheck]" for messages)
// into `config`, whose path and folder are set. Every unknown key, wrong
// type, bad glob or out-of-range value is an error at its line and column.
ConfigErrors read_config_table(const toml::table& table, std::string_view table_name, ConfigFile& config);

}  // namespace snipcheck
