#pragma once
// A light reading of a shell script as the simple commands it runs, for
// lint rules that look for habits (`apt-get install` without `-y`, `cd`,
// `sudo`). Not a shell: no expansion, and the commands inside `$(...)` and
// backticks are not looked into; heredoc bodies are skipped, since they are
// data for the command that reads them.

#include <string>
#include <string_view>
#include <vector>

namespace snipcheck::runners::shell {

struct ShellCommand {
    int line = 0;                    // 1-based script line of the command's first word
    std::vector<std::string> words;  // quotes removed; $VAR, ${...}, $(...) kept as written
};

// The simple commands of `script`, split at newlines, `;`, `&&`, `||`, `|`,
// `&` and parentheses; leading `NAME=value` assignments, redirections and
// reserved words (if, then, do, ...) are left out. Never fails: text it
// cannot make sense of (an unclosed quote) ends the last command.
std::vector<ShellCommand> simple_commands(std::string_view script);

}  // namespace snipcheck::runners::shell
