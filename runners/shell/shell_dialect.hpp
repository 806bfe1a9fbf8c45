#pragma once
// The shell languages shellcheck understands, and how a program path (a
// SHELL instruction, a shebang) names one.

#include <optional>
#include <string_view>

namespace snipcheck::runners::shell {

enum class ShellDialect { sh, bash, dash, ksh };

// "sh", "bash", "dash" or "ksh": the name shellcheck's -s option takes.
const char* dialect_name(ShellDialect dialect);

// The dialect of a shell program given by path or name ("/bin/bash", "sh",
// "/usr/bin/env bash" as written after "#!"); empty for anything that is not
// a shell shellcheck knows (zsh, powershell, cmd, python).
std::optional<ShellDialect> dialect_of_program(std::string_view program);

// The dialect named by a script's "#!" line; empty when the script has no
// shebang or names a program that is not a known shell.
std::optional<ShellDialect> dialect_of_shebang(std::string_view script);

}  // namespace snipcheck::runners::shell
