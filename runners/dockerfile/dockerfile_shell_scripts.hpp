#pragma once
// The shell scripts a Dockerfile runs: each shell-form RUN as the shell sees
// it (continuations joined, comment and blank lines dropped, as Docker does,
// but kept on their own script lines with `\` so every script line maps back
// to a Dockerfile line), with its heredoc bodies; a RUN that is a single
// heredoc is its body. For shellcheck and for lint rules about commands.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "runners/dockerfile/dockerfile_parser.hpp"
#include "runners/shell/shell_dialect.hpp"

namespace snipcheck::runners::dockerfile {

struct ShellScript {
    std::string text;              // the script, each line ending in '\n'
    std::vector<int> code_lines;   // code_lines[i]: the Dockerfile line of script line i + 1
    shell::ShellDialect dialect = shell::ShellDialect::sh;  // from SHELL, or the heredoc's "#!"
    std::size_t instruction_index = 0;  // its RUN among parsed.instructions
};

// The script of one RUN when `dialect` is the shell in effect; empty for the
// exec (JSON) form, for anything but RUN, and for a heredoc whose "#!" names
// a program that is not a shell.
std::optional<ShellScript> run_script(const Instruction& run, shell::ShellDialect dialect);

// The scripts of all RUN instructions, in order, with the shell each stage
// uses (/bin/sh unless SHELL says otherwise, inherited from the stage it
// builds on). RUNs under a SHELL that is not a shell shellcheck knows
// (powershell, cmd, zsh) and ONBUILD triggers are left out.
std::vector<ShellScript> shell_scripts(const ParsedDockerfile& parsed);

}  // namespace snipcheck::runners::dockerfile
