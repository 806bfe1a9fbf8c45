#include "runners/shell/shell_dialect.hpp"

#include <string>

#include "extractor/line_classifier.hpp"

namespace snipcheck::runners::shell {
namespace {

using extractor::trim;

std::string_view first_word(std::string_view text) {
    const std::size_t end = text.find_first_of(" \t");
    return end == std::string_view::npos ? text : text.substr(0, end);
}

std::string_view base_name(std::string_view path) {
    const std::size_t slash = path.find_last_of("/\\");
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    // A Windows image may name its shell "cmd.exe" or "powershell.exe".
    if (name.size() > 4 && name.substr(name.size() - 4) == ".exe") {
        name.remove_suffix(4);
    }
    return name;
}

}  // namespace

const char* dialect_name(ShellDialect dialect) {
    switch (dialect) {
    case ShellDialect::sh:
        return "sh";
    case ShellDialect::bash:
        return "bash";
    case ShellDialect::dash:
        return "dash";
    case ShellDialect::ksh:
        return "ksh";
    }
    return "sh";
}

std::optional<ShellDialect> dialect_of_program(std::string_view program) {
    program = trim(program);
    std::string_view name = base_name(first_word(program));
    if (name == "env") {
        // "/usr/bin/env bash" or "/usr/bin/env -S bash -e": the shell is the first non-option word.
        std::string_view rest = trim(program.substr(first_word(program).size()));
        while (!rest.empty() && rest.front() == '-') {
            rest = trim(rest.substr(first_word(rest).size()));
        }
        name = base_name(first_word(rest));
    }
    if (name == "sh" || name == "ash" || name == "busybox") {
        return ShellDialect::sh;
    }
    if (name == "bash") {
        return ShellDialect::bash;
    }
    if (name == "dash") {
        return ShellDialect::dash;
    }
    if (name == "ksh" || name == "mksh" || name == "ksh93" || name == "pdksh") {
        return ShellDialect::ksh;
    }
    return std::nullopt;
}

std::optional<ShellDialect> dialect_of_shebang(std::string_view script) {
    if (script.substr(0, 2) != "#!") {
        return std::nullopt;
    }
    const std::size_t end = script.find('\n');
    return dialect_of_program(script.substr(2, end == std::string_view::npos ? std::string_view::npos : end - 2));
}

}  // namespace snipcheck::runners::shell
