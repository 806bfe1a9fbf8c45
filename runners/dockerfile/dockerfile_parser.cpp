#include "runners/dockerfile/dockerfile_parser.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "runners/dockerfile/dockerfile_validation.hpp"
#include "runners/dockerfile/dockerfile_words.hpp"
#include "src/ascii_case.hpp"

namespace snipcheck::runners::dockerfile {
namespace {

constexpr std::array<std::string_view, 18> k_instructions = {
    "FROM", "RUN",  "CMD",   "LABEL", "MAINTAINER", "EXPOSE",  "ENV",        "ADD",         "COPY",
    "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"};

std::string upper(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

std::string_view trim_left(std::string_view text) {
    while (!text.empty() && (is_blank(text.front()) || text.front() == '\n')) {
        text.remove_prefix(1);
    }
    return text;
}

// Physical lines without their line ends; a UTF-8 byte order mark is dropped.
std::vector<std::string_view> split_lines(std::string_view code) {
    if (code.substr(0, 3) == "\xEF\xBB\xBF") {
        code.remove_prefix(3);
    }
    std::vector<std::string_view> lines;
    while (!code.empty()) {
        const std::size_t end = code.find('\n');
        std::string_view line = code.substr(0, end);
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        lines.push_back(line);
        code.remove_prefix(end == std::string_view::npos ? code.size() : end + 1);
    }
    return lines;
}

// The escape character as the last non-blank character, itself not escaped,
// continues the instruction on the next line; `text` loses it and the
// blanks after it (BuildKit's continuation rule).
bool strip_continuation(std::string_view& text, char escape) {
    std::size_t end = text.size();
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) {
        --end;
    }
    if (end == 0 || text[end - 1] != escape || (end >= 2 && text[end - 2] == escape)) {
        return false;
    }
    text = text.substr(0, end - 1);
    return true;
}

bool is_comment(std::string_view line) {
    line = trim_left(line);
    return !line.empty() && line.front() == '#';
}

class DockerfileParser {
public:
    explicit DockerfileParser(std::string_view code) : m_lines(split_lines(code)) {}

    ParsedDockerfile parse() {
        while (m_next < m_lines.size()) {
            const int number = static_cast<int>(m_next) + 1;
            const std::string_view raw = m_lines[m_next++];
            if (!m_directives_done) {
                read_directive(trim_left(raw), number);
            }
            if (is_comment(raw)) {
                continue;
            }
            read_instruction(raw, number);
        }
        validate_instructions(m_result);
        std::stable_sort(m_result.errors.begin(), m_result.errors.end(),
                         [](const ParseError& a, const ParseError& b) { return a.line < b.line; });
        return std::move(m_result);
    }

private:
    void error(int line, std::string message) { m_result.errors.push_back({line, std::move(message)}); }

    // `# name = value` with a name BuildKit knows; anything else ends the directives.
    void read_directive(std::string_view line, int number) {
        m_directives_done = true;
        if (line.empty() || line.front() != '#') {
            return;
        }
        line = trim_left(line.substr(1));
        std::size_t name_end = 0;
        while (name_end < line.size() && std::isalnum(static_cast<unsigned char>(line[name_end])) != 0) {
            ++name_end;
        }
        if (name_end == 0 || std::isalpha(static_cast<unsigned char>(line[0])) == 0) {
            return;
        }
        const std::string name = lower(line.substr(0, name_end));
        std::string_view rest = trim_left(line.substr(name_end));
        if (rest.empty() || rest.front() != '=') {
            return;
        }
        const std::string_view value = trim_blanks(rest.substr(1));
        if (value.empty() || (name != "escape" && name != "syntax" && name != "check")) {
            return;
        }
        m_directives_done = false;
        if (!m_seen_directives.insert(name).second) {
            error(number, fmt::format("only one {} parser directive can be used", name));
            return;
        }
        if (name == "syntax") {
            m_result.syntax = std::string(value);
        } else if (name == "escape") {
            if (value == "\\" || value == "`") {
                m_result.escape = value.front();
            } else {
                error(number,
                      fmt::format("invalid escape character \"{}\": the escape directive takes ` or \\", value));
            }
        }
    }

    void read_instruction(std::string_view raw, int number) {
        Instruction instruction;
        instruction.line = number;
        std::string_view piece = trim_left(raw);
        bool more = strip_continuation(piece, m_result.escape);
        if (!more && piece.empty()) {
            return;  // a blank line
        }
        instruction.source.push_back({number, std::string(piece)});
        while (more && m_next < m_lines.size()) {
            const int continued = static_cast<int>(m_next) + 1;
            std::string_view line = m_lines[m_next++];
            if (is_comment(line)) {
                continue;
            }
            if (trim_left(line).empty()) {
                instruction.empty_continuation_line = true;
                continue;
            }
            more = strip_continuation(line, m_result.escape);
            instruction.source.push_back({continued, std::string(line)});
        }
        instruction.end_line = static_cast<int>(m_next);
        std::string joined;
        for (const InstructionLine& line : instruction.source) {
            joined += line.text;
        }
        if (trim_blanks(joined).empty()) {
            return;  // only continuation characters
        }
        split_command(instruction, joined);
        read_arguments(instruction);
        if (can_hold_heredocs(instruction)) {
            read_heredoc_bodies(instruction, heredoc_markers(joined));
        }
        m_result.instructions.push_back(std::move(instruction));
    }

    // Keyword, flags, and where the arguments begin in the joined text.
    static void split_command(Instruction& instruction, std::string_view joined) {
        std::size_t start = 0;
        while (start < joined.size() && (is_blank(joined[start]) || joined[start] == '\n')) {
            ++start;
        }
        std::size_t end = start;
        while (end < joined.size() && !is_blank(joined[end]) && joined[end] != '\n') {
            ++end;
        }
        instruction.keyword = upper(joined.substr(start, end - start));
        const LeadingFlags flags = extract_flags(joined.substr(end));
        instruction.flags = flags.flags;
        std::size_t offset = end + flags.rest;
        while (offset < joined.size() && (is_blank(joined[offset]) || joined[offset] == '\n')) {
            ++offset;
        }
        instruction.arguments_offset = offset;
        instruction.arguments = std::string(trim_blanks(joined.substr(offset)));
    }

    // Exec form when the text is a JSON array of strings; shell form otherwise.
    bool read_maybe_json(Instruction& instruction, std::string_view text) {
        JsonArray array = parse_json_array(text);
        if (array.status == JsonArrayStatus::not_strings) {
            error(instruction.line, fmt::format("{}: a JSON array (exec form) must hold only strings",
                                                instruction.keyword));
        }
        if (array.status != JsonArrayStatus::strings) {
            return false;
        }
        instruction.exec_form = true;
        instruction.exec_args = array.values;
        instruction.words.insert(instruction.words.end(), array.values.begin(), array.values.end());
        return true;
    }

    void read_arguments(Instruction& instruction) {
        const std::string& keyword = instruction.keyword;
        const std::string& arguments = instruction.arguments;
        if (keyword == "RUN" || keyword == "CMD" || keyword == "ENTRYPOINT" || keyword == "SHELL") {
            if (!read_maybe_json(instruction, arguments) && !arguments.empty()) {
                instruction.words = {arguments};
            }
        } else if (keyword == "ADD" || keyword == "COPY" || keyword == "VOLUME") {
            if (!read_maybe_json(instruction, arguments)) {
                instruction.words = split_blank_separated(arguments);
            }
        } else if (keyword == "HEALTHCHECK") {
            const std::vector<std::string> words = split_blank_separated(arguments);
            if (words.empty()) {
                return;
            }
            instruction.words = {words.front()};
            const std::string_view command = trim_blanks(std::string_view(arguments).substr(words.front().size()));
            if (!read_maybe_json(instruction, command) && !command.empty()) {
                instruction.words.emplace_back(command);
            }
        } else if (keyword == "ENV" || keyword == "LABEL" || keyword == "ARG") {
            instruction.words = split_words_keeping_quotes(arguments, m_result.escape);
        } else if (keyword == "MAINTAINER" || keyword == "USER" || keyword == "WORKDIR" || keyword == "STOPSIGNAL") {
            if (!arguments.empty()) {
                instruction.words = {arguments};
            }
        } else {
            instruction.words = split_blank_separated(arguments);
        }
    }

    // RUN, COPY and ADD in shell form, also as an ONBUILD trigger.
    static bool can_hold_heredocs(const Instruction& instruction) {
        const auto heredoc_keyword = [](std::string_view keyword) {
            return keyword == "RUN" || keyword == "COPY" || keyword == "ADD";
        };
        if (instruction.keyword == "ONBUILD" && !instruction.words.empty()) {
            const std::string_view trigger = instruction.arguments;
            const std::string_view after = trigger.substr(std::min(trigger.size(), instruction.words[0].size()));
            const LeadingFlags flags = extract_flags(after);
            return heredoc_keyword(upper(instruction.words[0])) &&
                   parse_json_array(after.substr(flags.rest)).status != JsonArrayStatus::strings;
        }
        return heredoc_keyword(instruction.keyword) && !instruction.exec_form;
    }

    void read_heredoc_bodies(Instruction& instruction, const std::vector<HeredocMarker>& markers) {
        for (const HeredocMarker& marker : markers) {
            Heredoc heredoc;
            heredoc.name = marker.name;
            heredoc.chomp = marker.chomp;
            heredoc.expand = marker.expand;
            heredoc.first_line = static_cast<int>(m_next) + 1;
            bool terminated = false;
            while (m_next < m_lines.size()) {
                const std::string_view line = m_lines[m_next++];
                std::string_view candidate = line;
                while (marker.chomp && !candidate.empty() && candidate.front() == '\t') {
                    candidate.remove_prefix(1);
                }
                if (candidate == marker.name) {
                    terminated = true;
                    break;
                }
                heredoc.content += std::string(line) + "\n";
            }
            heredoc.end_line = static_cast<int>(m_next);
            instruction.end_line = heredoc.end_line;
            heredoc.terminated = terminated;
            if (!terminated) {
                error(instruction.line, fmt::format("unterminated heredoc: no line \"{}\" closes the heredoc "
                                                    "that starts after line {}",
                                                    marker.name, heredoc.first_line - 1));
            }
            instruction.heredocs.push_back(std::move(heredoc));
        }
    }

    std::vector<std::string_view> m_lines;
    std::size_t m_next = 0;
    ParsedDockerfile m_result;
    bool m_directives_done = false;
    std::set<std::string> m_seen_directives;
};

}  // namespace

bool is_known_instruction(std::string_view keyword) {
    const std::string name = upper(keyword);
    return std::find(k_instructions.begin(), k_instructions.end(), name) != k_instructions.end();
}

ParsedDockerfile parse_dockerfile(std::string_view code) { return DockerfileParser(code).parse(); }

}  // namespace snipcheck::runners::dockerfile
