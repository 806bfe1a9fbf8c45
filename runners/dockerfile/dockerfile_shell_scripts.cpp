#include "runners/dockerfile/dockerfile_shell_scripts.hpp"

#include <algorithm>

#include "runners/dockerfile/dockerfile_stages.hpp"
#include "runners/dockerfile/dockerfile_words.hpp"

namespace snipcheck::runners::dockerfile {
namespace {

using shell::ShellDialect;

// Whether the leading tabs of heredoc lines go (`<<-` bodies Docker runs itself).
enum class LeadingTabs { keep, strip };

void add_line(ShellScript& script, std::string_view text, int code_line) {
    script.text += text;
    script.text += '\n';
    script.code_lines.push_back(code_line);
}

// The command part of the RUN, one script line per source line: where Docker
// glued two lines together, the script has `\` and a newline, which the shell
// removes, so it sees the same command.
void add_command_lines(ShellScript& script, const Instruction& run) {
    std::vector<std::pair<int, std::string_view>> lines;
    std::size_t start = 0;
    for (const InstructionLine& line : run.source) {
        const std::size_t end = start + line.text.size();
        if (end > run.arguments_offset) {
            const std::size_t from = run.arguments_offset > start ? run.arguments_offset - start : 0;
            lines.emplace_back(line.line, std::string_view(line.text).substr(from));
        }
        start = end;
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i + 1 < lines.size()) {
            add_line(script, std::string(lines[i].second) + "\\", lines[i].first);
        } else {
            add_line(script, lines[i].second, lines[i].first);
        }
    }
}

void add_body_lines(ShellScript& script, const Heredoc& heredoc, LeadingTabs tabs) {
    std::string_view content = heredoc.content;
    int line = heredoc.first_line;
    while (!content.empty()) {
        const std::size_t end = content.find('\n');
        std::string_view text = content.substr(0, end);
        while (tabs == LeadingTabs::strip && !text.empty() && text.front() == '\t') {
            text.remove_prefix(1);
        }
        add_line(script, text, line++);
        content.remove_prefix(end == std::string_view::npos ? content.size() : end + 1);
    }
}

// `RUN <<EOF` alone: Docker runs the body as the script.
bool is_single_heredoc(const Instruction& run) {
    const std::vector<std::string> words = split_blank_separated(run.arguments);
    return run.heredocs.size() == 1 && words.size() == 1 && heredoc_markers(words[0]).size() == 1;
}

// The shell named by a SHELL instruction; empty when it is not one shellcheck knows.
std::optional<ShellDialect> dialect_of_shell(const Instruction& instruction) {
    if (!instruction.exec_form || instruction.exec_args.empty()) {
        return std::nullopt;
    }
    return shell::dialect_of_program(instruction.exec_args[0]);
}

}  // namespace

std::optional<ShellScript> run_script(const Instruction& run, ShellDialect dialect) {
    if (run.keyword != "RUN" || run.exec_form) {
        return std::nullopt;
    }
    ShellScript script;
    script.dialect = dialect;
    if (is_single_heredoc(run)) {
        const Heredoc& body = run.heredocs.front();
        const std::size_t tabs = body.chomp ? body.content.find_first_not_of('\t') : 0;
        const std::string_view first = std::string_view(body.content).substr(std::min(tabs, body.content.size()));
        if (first.substr(0, 2) == "#!") {
            const std::optional<ShellDialect> named = shell::dialect_of_shebang(first);
            if (!named) {
                return std::nullopt;  // a Python or Perl script
            }
            script.dialect = *named;
        }
        add_body_lines(script, body, body.chomp ? LeadingTabs::strip : LeadingTabs::keep);
        return script;
    }
    add_command_lines(script, run);
    for (const Heredoc& heredoc : run.heredocs) {
        // The shell reads the bodies after the command line and strips <<- tabs itself.
        add_body_lines(script, heredoc, LeadingTabs::keep);
        if (heredoc.terminated) {
            add_line(script, heredoc.name, heredoc.end_line);
        }
    }
    return script;
}

std::vector<ShellScript> shell_scripts(const ParsedDockerfile& parsed) {
    std::vector<ShellScript> scripts;
    const std::vector<Stage> stages = build_stages(parsed);
    // The shell at the end of each stage, for stages built on it.
    std::vector<std::optional<ShellDialect>> final_shell(stages.size(), ShellDialect::sh);
    for (std::size_t s = 0; s < stages.size(); ++s) {
        const Stage& stage = stages[s];
        std::optional<ShellDialect> current = stage.parent ? final_shell[*stage.parent] : ShellDialect::sh;
        for (std::size_t i = stage.from_index + 1; i < stage.end_index; ++i) {
            const Instruction& instruction = parsed.instructions[i];
            if (instruction.keyword == "SHELL") {
                current = dialect_of_shell(instruction);
            } else if (instruction.keyword == "RUN" && current) {
                if (std::optional<ShellScript> script = run_script(instruction, *current)) {
                    script->instruction_index = i;
                    scripts.push_back(std::move(*script));
                }
            }
        }
        final_shell[s] = current;
    }
    return scripts;
}

}  // namespace snipcheck::runners::dockerfile
