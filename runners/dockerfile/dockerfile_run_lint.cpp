#include "runners/dockerfile/dockerfile_run_lint.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "runners/dockerfile/dockerfile_shell_scripts.hpp"
#include "runners/dockerfile/dockerfile_stages.hpp"
#include "runners/shell/shell_commands.hpp"
#include "src/ascii_case.hpp"
#include "src/join.hpp"

namespace snipcheck::runners::dockerfile {
namespace {

using Words = std::vector<std::string>;

std::string base_name(const std::string& word) {
    const std::size_t slash = word.rfind('/');
    return slash == std::string::npos ? word : word.substr(slash + 1);
}

bool starts_with(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

// What a command runs once wrappers are peeled off: `sudo -u app env X=1 pip
// install` runs pip. `used_sudo` tells whether sudo was one of them.
Words peel_wrappers(Words words, bool& used_sudo) {
    while (!words.empty()) {
        const std::string name = base_name(words[0]);
        if (name != "sudo" && name != "env" && name != "exec" && name != "nohup" && name != "command" &&
            name != "time" && name != "nice") {
            break;
        }
        used_sudo = used_sudo || name == "sudo";
        std::size_t i = 1;
        const auto is_option = [&](const std::string& word) {
            return starts_with(word, "-") || (name == "env" && word.find('=') != std::string::npos);
        };
        while (i < words.size() && is_option(words[i])) {
            // sudo -u user, sudo -g group, nice -n 10: options that take the next word.
            const bool takes_value = (name == "sudo" && (words[i] == "-u" || words[i] == "-g" || words[i] == "-C" ||
                                                         words[i] == "-U" || words[i] == "-h" || words[i] == "-p")) ||
                                     (name == "nice" && words[i] == "-n") || (name == "env" && words[i] == "-u");
            i += takes_value ? 2 : 1;
        }
        words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(std::min(i, words.size())));
    }
    return words;
}

// apt-get's options that take the next word as their value.
bool apt_option_takes_value(const std::string& word) {
    return word == "-o" || word == "-c" || word == "-t" || word == "--option" || word == "--config-file" ||
           word == "--target-release" || word == "--default-release";
}

struct AptCommand {
    std::string subcommand;
    Words options;   // with the values of -o and the like
    Words packages;
};

AptCommand read_apt(const Words& words) {
    AptCommand apt;
    for (std::size_t i = 1; i < words.size(); ++i) {
        if (starts_with(words[i], "-")) {
            apt.options.push_back(words[i]);
            if (apt_option_takes_value(words[i]) && i + 1 < words.size()) {
                apt.options.push_back(words[++i]);
            }
        } else if (apt.subcommand.empty()) {
            apt.subcommand = words[i];
        } else {
            apt.packages.push_back(words[i]);
        }
    }
    return apt;
}

bool has_option(const AptCommand& apt, std::string_view option) {
    return std::find(apt.options.begin(), apt.options.end(), option) != apt.options.end();
}

bool has_setting(const AptCommand& apt, std::string_view setting) {
    return std::any_of(apt.options.begin(), apt.options.end(),
                       [&](const std::string& option) { return lower(option).find(setting) != std::string::npos; });
}

// -y, --yes, --assume-yes, -qq (quiet level 2 implies yes), clusters like -qy.
bool answers_yes(const AptCommand& apt) {
    for (const std::string& option : apt.options) {
        if (option == "--yes" || option == "--assume-yes" || option == "--quiet=2" || option == "-q=2") {
            return true;
        }
        if (option.size() > 1 && option[0] == '-' && option[1] != '-' &&
            (option.find('y') != std::string::npos || std::count(option.begin(), option.end(), 'q') >= 2)) {
            return true;
        }
    }
    return has_setting(apt, "assume-yes=true") || has_setting(apt, "assume-yes=1");
}

// pip's subcommand, for `pip install`, `pip3.12 install`, `python3 -m pip install`.
std::string pip_subcommand(const Words& words) {
    const std::string name = base_name(words[0]);
    std::size_t i = 1;
    if (starts_with(name, "python")) {
        const auto module = std::find(words.begin(), words.end(), "-m");
        if (module == words.end() || module + 1 == words.end() || *(module + 1) != "pip") {
            return {};
        }
        i = static_cast<std::size_t>(module - words.begin()) + 2;
    } else if (name != "pip" && !starts_with(name, "pip3")) {
        return {};
    }
    for (; i < words.size(); ++i) {
        if (!starts_with(words[i], "-")) {
            return words[i];
        }
    }
    return {};
}

bool has_cache_mount(const Instruction& run, std::string_view target) {
    return std::any_of(run.flags.begin(), run.flags.end(), [&](const std::string& flag) {
        return starts_with(flag, "--mount=") && flag.find("type=cache") != std::string::npos &&
               flag.find(target) != std::string::npos;
    });
}

class RunLinter {
public:
    RunLinter(const ParsedDockerfile& parsed, std::vector<Finding>& findings)
        : m_parsed(parsed), m_findings(findings) {}

    void lint(const ShellScript& script) {
        const Instruction& run = m_parsed.instructions[script.instruction_index];
        const Variables scope = variables_at(m_parsed, script.instruction_index);
        const std::vector<shell::ShellCommand> commands = shell::simple_commands(script.text);
        m_cleans_lists = std::any_of(commands.begin(), commands.end(), [](const shell::ShellCommand& c) {
            bool ignored = false;
            const Words words = peel_wrappers(c.words, ignored);
            return !words.empty() && base_name(words[0]) == "rm" &&
                   std::any_of(words.begin(), words.end(),
                               [](const std::string& w) { return starts_with(w, "/var/lib/apt/lists"); });
        });
        m_cleanup_reported = false;
        bool cd_reported = false;
        for (const shell::ShellCommand& command : commands) {
            const int line = script.code_lines[static_cast<std::size_t>(command.line - 1)];
            bool used_sudo = false;
            const Words words = peel_wrappers(command.words, used_sudo);
            if (used_sudo) {
                add(line, "run-sudo", Severity::warning,
                    "sudo in RUN: the build already runs as root or as the USER set; switch with USER instead");
            }
            if (words.empty()) {
                continue;
            }
            const std::string name = base_name(words[0]);
            if (name == "cd" && !cd_reported) {
                cd_reported = true;
                add(line, "run-cd", Severity::note,
                    "cd in RUN lasts only for this RUN: use WORKDIR to set the directory for what follows");
            }
            if (name == "apt-get" || name == "apt") {
                const AptCommand apt = read_apt(words);
                if (apt.subcommand == "install") {
                    lint_apt_install(apt, name, line, run);
                } else if (apt.subcommand == "upgrade" || apt.subcommand == "dist-upgrade" ||
                           apt.subcommand == "full-upgrade") {
                    add(line, "apt-get-upgrade", Severity::warning,
                        fmt::format("{} {} makes the image depend on the day it is built: use a newer base image "
                                    "instead",
                                    name, apt.subcommand));
                }
            }
            if (pip_subcommand(words) == "install" &&
                std::find(words.begin(), words.end(), "--no-cache-dir") == words.end() &&
                scope.count("PIP_NO_CACHE_DIR") == 0 && !has_cache_mount(run, "/root/.cache")) {
                add(line, "pip-cache", Severity::warning,
                    "pip install without --no-cache-dir keeps pip's download cache in the image layer");
            }
        }
    }

private:
    void add(int line, const char* rule, Severity severity, std::string message) {
        m_findings.push_back({line, rule, severity, std::move(message)});
    }

    void lint_apt_install(const AptCommand& apt, const std::string& name, int line, const Instruction& run) {
        if (!answers_yes(apt)) {
            add(line, "apt-get-missing-yes", Severity::warning,
                fmt::format("{} install without -y stops at its confirmation prompt, which a build cannot answer",
                            name));
        }
        if (!has_option(apt, "--no-install-recommends") && !has_setting(apt, "install-recommends=false") &&
            !has_setting(apt, "install-recommends=0")) {
            add(line, "apt-get-install-recommends", Severity::note,
                fmt::format("{} install without --no-install-recommends also installs recommended packages", name));
        }
        if (!m_cleans_lists && !m_cleanup_reported && !has_cache_mount(run, "/var/lib/apt")) {
            m_cleanup_reported = true;
            add(line, "apt-get-no-cleanup", Severity::warning,
                fmt::format("{} install without rm -rf /var/lib/apt/lists/* in the same RUN leaves the package "
                            "lists in the image layer",
                            name));
        }
        Words unpinned;
        for (const std::string& package : apt.packages) {
            // Pinned (name=version), a local .deb, or a variable: nothing to say.
            if (package.find('=') == std::string::npos && package.find('/') == std::string::npos &&
                package.find('$') == std::string::npos) {
                unpinned.push_back(package);
            }
        }
        if (!unpinned.empty()) {
            add(line, "apt-get-unpinned", Severity::note,
                fmt::format("{} install without versions ({}): the packages change from build to build; pin them "
                            "as name=version",
                            name, join_first(unpinned, 3)));
        }
    }

    const ParsedDockerfile& m_parsed;
    std::vector<Finding>& m_findings;
    bool m_cleans_lists = false;      // this RUN removes /var/lib/apt/lists
    bool m_cleanup_reported = false;  // one apt-get-no-cleanup per RUN
};

}  // namespace

void lint_run_commands(const ParsedDockerfile& parsed, std::vector<Finding>& findings) {
    RunLinter linter(parsed, findings);
    for (const ShellScript& script : shell_scripts(parsed)) {
        linter.lint(script);
    }
}

}  // namespace snipcheck::runners::dockerfile
