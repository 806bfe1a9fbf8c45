#include "runners/dockerfile/dockerfile_validation.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "runners/dockerfile/dockerfile_words.hpp"

namespace snipcheck::runners::dockerfile {
namespace {

enum class FlagKind { text, repeatable, boolean };

struct FlagSpec {
    std::string_view name;
    FlagKind kind;
};

// The flags each instruction takes in current BuildKit (labs-only ones included).
std::vector<FlagSpec> flags_of(std::string_view keyword) {
    using enum FlagKind;
    if (keyword == "FROM") {
        return {{"platform", text}};
    }
    if (keyword == "RUN") {
        return {{"mount", repeatable}, {"network", text}, {"security", text}, {"device", repeatable}};
    }
    if (keyword == "COPY") {
        return {{"from", text},     {"chown", text},       {"chmod", text},
                {"link", boolean},  {"parents", boolean},  {"exclude", repeatable}};
    }
    if (keyword == "ADD") {
        return {{"chown", text},           {"chmod", text},          {"link", boolean}, {"checksum", text},
                {"keep-git-dir", boolean}, {"exclude", repeatable},  {"unpack", boolean}};
    }
    if (keyword == "HEALTHCHECK") {
        return {{"interval", text}, {"timeout", text}, {"start-period", text}, {"start-interval", text},
                {"retries", text}};
    }
    return {};
}

std::string upper(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string unknown_instruction(std::string_view keyword) {
    static constexpr std::array<std::string_view, 18> k_known = {
        "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
        "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"};
    std::string_view best;
    std::size_t best_distance = 3;  // suggest only near misses
    for (const std::string_view known : k_known) {
        const std::size_t distance = edit_distance(keyword, known);
        if (distance < best_distance) {
            best = known;
            best_distance = distance;
        }
    }
    std::string message = fmt::format("unknown instruction \"{}\"", keyword);
    if (!best.empty()) {
        message += fmt::format(" (did you mean {}?)", best);
    }
    return message;
}

// Go's time.ParseDuration ("1m30s", "500ms", "0"), in seconds; false when malformed.
bool parse_go_duration(std::string_view text, double& seconds) {
    if (text == "0") {
        seconds = 0;
        return true;
    }
    static const std::map<std::string_view, double, std::less<>> k_units = {
        {"ns", 1e-9}, {"us", 1e-6}, {"\xC2\xB5s", 1e-6}, {"ms", 1e-3}, {"s", 1}, {"m", 60}, {"h", 3600}};
    seconds = 0;
    std::size_t i = text.empty() || (text[0] != '+' && text[0] != '-') ? 0 : 1;
    const bool negative = i == 1 && text[0] == '-';
    if (i == text.size()) {
        return false;
    }
    while (i < text.size()) {
        const std::size_t start = i;
        while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) != 0 || text[i] == '.')) {
            ++i;
        }
        const std::string number(text.substr(start, i - start));
        if (number.empty() || number == "." || std::count(number.begin(), number.end(), '.') > 1) {
            return false;
        }
        const std::size_t unit_start = i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) == 0 && text[i] != '.') {
            ++i;
        }
        const auto unit = k_units.find(text.substr(unit_start, i - unit_start));
        if (unit == k_units.end()) {
            return false;
        }
        seconds += std::stod(number) * unit->second;
    }
    seconds = negative ? -seconds : seconds;
    return true;
}

class Validator {
public:
    explicit Validator(ParsedDockerfile& parsed) : m_parsed(parsed) {}

    void run() {
        for (const Instruction& instruction : m_parsed.instructions) {
            if (!is_known_instruction(instruction.keyword)) {
                error(instruction, unknown_instruction(instruction.keyword));
                continue;
            }
            check_flags(instruction);
            check_arguments(instruction);
        }
        check_stages();
    }

private:
    void error(const Instruction& instruction, std::string message) {
        m_parsed.errors.push_back({instruction.line, std::move(message)});
    }

    void check_flags(const Instruction& instruction) {
        if (instruction.keyword == "ARG" || instruction.keyword == "STOPSIGNAL") {
            return;  // Docker never reads flags of these
        }
        const std::vector<FlagSpec> known = flags_of(instruction.keyword);
        std::set<std::string> seen;
        for (const std::string& flag : instruction.flags) {
            const std::string_view body = std::string_view(flag).substr(2);
            const std::size_t equals = body.find('=');
            const std::string name(body.substr(0, equals));
            const auto spec = std::find_if(known.begin(), known.end(),
                                           [&](const FlagSpec& candidate) { return candidate.name == name; });
            if (spec == known.end()) {
                error(instruction, fmt::format("unknown flag --{} for {}", name, instruction.keyword));
                continue;
            }
            if (spec->kind != FlagKind::repeatable && !seen.insert(name).second) {
                error(instruction, fmt::format("flag --{} is given twice", name));
            }
            const std::string_view value = equals == std::string_view::npos ? "" : body.substr(equals + 1);
            if (spec->kind == FlagKind::boolean) {
                if (equals != std::string_view::npos && value != "true" && value != "false") {
                    error(instruction, fmt::format("flag --{} takes true or false, not \"{}\"", name, value));
                }
            } else if (equals == std::string_view::npos) {
                error(instruction, fmt::format("flag --{} needs a value: --{}=...", name, name));
            } else if (instruction.keyword == "HEALTHCHECK") {
                check_healthcheck_flag(instruction, name, value);
            }
        }
    }

    void check_healthcheck_flag(const Instruction& instruction, const std::string& name, std::string_view value) {
        if (name == "retries") {
            const std::string text(value);
            if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || std::stol(text) < 1) {
                error(instruction, fmt::format("--retries must be a whole number of at least 1, not \"{}\"", value));
            }
            return;
        }
        double seconds = 0;
        if (!parse_go_duration(value, seconds)) {
            error(instruction, fmt::format("--{} takes a duration such as 30s or 1m30s, not \"{}\"", name, value));
        } else if (seconds < 1e-3) {
            error(instruction, fmt::format("--{} cannot be less than 1ms", name));
        }
    }

    void check_arguments(const Instruction& instruction) {
        const std::string& keyword = instruction.keyword;
        const std::vector<std::string>& words = instruction.words;
        if (keyword == "FROM") {
            check_from(instruction);
        } else if (keyword == "ENV" || keyword == "LABEL") {
            check_name_values(instruction);
        } else if (keyword == "ARG") {
            if (words.empty()) {
                error(instruction, "ARG needs a name: ARG NAME[=default]");
            }
            for (const std::string& word : words) {
                if (word.front() == '=') {
                    error(instruction, "ARG names can not be blank");
                }
            }
        } else if (keyword == "MAINTAINER" || keyword == "USER" || keyword == "WORKDIR" || keyword == "STOPSIGNAL") {
            if (words.empty()) {
                error(instruction, fmt::format("{} needs exactly one argument", keyword));
            }
        } else if (keyword == "EXPOSE" && words.empty()) {
            error(instruction, "EXPOSE needs at least one port");
        } else if (keyword == "VOLUME") {
            if (words.empty()) {
                error(instruction, "VOLUME needs at least one path");
            }
            if (std::any_of(words.begin(), words.end(), [](const std::string& w) { return trim_blanks(w).empty(); })) {
                error(instruction, "VOLUME can not be an empty string");
            }
        } else if (keyword == "COPY" || keyword == "ADD") {
            if (words.size() < 2) {
                error(instruction, fmt::format("{} needs at least a source and a destination", keyword));
            } else if (!instruction.exec_form && !heredoc_markers(words.back()).empty()) {
                error(instruction, fmt::format("{} cannot take a heredoc as its destination", keyword));
            }
        } else if (keyword == "ONBUILD") {
            check_onbuild(instruction);
        } else if (keyword == "HEALTHCHECK") {
            check_healthcheck(instruction);
        } else if (keyword == "SHELL") {
            if (!instruction.exec_form && !instruction.arguments.empty()) {
                error(instruction, "SHELL needs the JSON form: SHELL [\"executable\", \"parameters\"]");
            } else if (words.empty()) {
                error(instruction, "SHELL needs at least the shell's executable");
            }
        }
    }

    void check_from(const Instruction& instruction) {
        const std::vector<std::string>& words = instruction.words;
        if (words.empty()) {
            error(instruction, "FROM needs an image: FROM image [AS name]");
            return;
        }
        if (words.size() == 3 && upper(words[1]) == "AS") {
            std::string name = words[2];
            std::transform(name.begin(), name.end(), name.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            const bool valid = std::isalpha(static_cast<unsigned char>(name[0])) != 0 &&
                               name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_.") == std::string::npos;
            if (!valid) {
                error(instruction, fmt::format("invalid build stage name \"{}\": it must start with a letter and hold "
                                               "only letters, digits, '-', '_' and '.'",
                                               words[2]));
            }
            return;
        }
        if (words.size() != 1) {
            error(instruction, "FROM takes an image and optionally a stage name: FROM image [AS name]");
        }
    }

    void check_name_values(const Instruction& instruction) {
        const std::string& keyword = instruction.keyword;
        const std::vector<std::string>& words = instruction.words;
        if (words.empty()) {
            error(instruction, fmt::format("{} needs at least one NAME=value", keyword));
            return;
        }
        if (words[0].find('=') == std::string::npos) {
            // The legacy form `ENV NAME value`: everything after the name is the value.
            if (split_blank_separated(instruction.arguments).size() < 2) {
                error(instruction, fmt::format("{} {} has no value: write {} {}=value", keyword, words[0], keyword,
                                               words[0]));
            }
            return;
        }
        for (const std::string& word : words) {
            if (word.find('=') == std::string::npos) {
                error(instruction, fmt::format("{}: \"{}\" is not of the form NAME=value", keyword, word));
            } else if (word.front() == '=') {
                error(instruction, fmt::format("{} names can not be blank", keyword));
            }
        }
    }

    void check_onbuild(const Instruction& instruction) {
        if (instruction.words.empty()) {
            error(instruction, "ONBUILD needs an instruction to trigger");
            return;
        }
        const std::string trigger = upper(instruction.words[0]);
        if (trigger == "ONBUILD") {
            error(instruction, "ONBUILD ONBUILD is not allowed");
        } else if (trigger == "FROM" || trigger == "MAINTAINER") {
            error(instruction, fmt::format("{} is not allowed as an ONBUILD trigger", trigger));
        } else if (!is_known_instruction(trigger)) {
            error(instruction, "ONBUILD trigger: " + unknown_instruction(trigger));
        }
    }

    void check_healthcheck(const Instruction& instruction) {
        const std::vector<std::string>& words = instruction.words;
        if (words.empty()) {
            error(instruction, "HEALTHCHECK needs CMD command or NONE");
            return;
        }
        const std::string type = upper(words[0]);
        if (type == "NONE") {
            if (words.size() > 1) {
                error(instruction, "HEALTHCHECK NONE takes no arguments");
            }
        } else if (type != "CMD") {
            error(instruction, fmt::format("unknown HEALTHCHECK type \"{}\" (use CMD or NONE)", words[0]));
        } else if (words.size() < 2) {
            error(instruction, "HEALTHCHECK CMD needs a command");
        }
    }

    void check_stages() {
        const std::vector<Instruction>& instructions = m_parsed.instructions;
        const auto first_from = std::find_if(instructions.begin(), instructions.end(),
                                             [](const Instruction& i) { return i.keyword == "FROM"; });
        if (first_from == instructions.end()) {
            const int line = instructions.empty() ? 1 : instructions.front().line;
            m_parsed.errors.push_back({line, "no FROM instruction: a Dockerfile needs at least one build stage"});
            return;
        }
        for (auto it = instructions.begin(); it != first_from; ++it) {
            if (it->keyword != "ARG" && is_known_instruction(it->keyword)) {
                error(*it, fmt::format("{} before the first FROM: only ARG may come before FROM", it->keyword));
            }
        }
        std::map<std::string, int> stages;
        for (const Instruction& instruction : instructions) {
            if (instruction.keyword != "FROM" || instruction.words.size() != 3) {
                continue;
            }
            std::string name = instruction.words[2];
            std::transform(name.begin(), name.end(), name.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            const auto [previous, fresh] = stages.emplace(name, instruction.line);
            if (!fresh) {
                error(instruction, fmt::format("duplicate build stage name \"{}\" (first named on line {})",
                                               instruction.words[2], previous->second));
            }
        }
    }

    ParsedDockerfile& m_parsed;
};

}  // namespace

void validate_instructions(ParsedDockerfile& parsed) { Validator(parsed).run(); }

}  // namespace snipcheck::runners::dockerfile
