#include "runners/dockerfile/dockerfile_lint.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

#include "runners/dockerfile/dockerfile_run_lint.hpp"
#include "runners/dockerfile/dockerfile_stages.hpp"
#include "runners/dockerfile/dockerfile_words.hpp"
#include "src/ascii_case.hpp"

namespace snipcheck::runners::dockerfile {
namespace {

bool ends_with(const std::string& text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

class Linter {
public:
    explicit Linter(const ParsedDockerfile& parsed) : m_parsed(parsed), m_stages(build_stages(parsed)) {}

    std::vector<Finding> run() {
        for (const Stage& stage : m_stages) {
            lint_base_image(stage);
            lint_repeated(stage, "CMD", "multiple-cmd");
            lint_repeated(stage, "ENTRYPOINT", "multiple-entrypoint");
        }
        for (std::size_t i = 0; i < m_parsed.instructions.size(); ++i) {
            lint_instruction(i);
        }
        lint_user();
        lint_run_commands(m_parsed, m_findings);
        std::stable_sort(m_findings.begin(), m_findings.end(),
                         [](const Finding& a, const Finding& b) { return a.line < b.line; });
        return std::move(m_findings);
    }

private:
    void add(int line, const char* rule, Severity severity, std::string message) {
        m_findings.push_back({line, rule, severity, std::move(message)});
    }

    const Instruction& at(std::size_t index) const { return m_parsed.instructions[index]; }

    // scratch and earlier stages need no tag; an image behind an ARG without a value cannot be judged.
    void lint_base_image(const Stage& stage) {
        if (stage.parent || !stage.base_resolved || stage.base.empty() || lower(stage.base) == "scratch") {
            return;
        }
        const std::string& image = stage.base;
        if (image.find('@') != std::string::npos) {
            return;  // pinned by digest
        }
        const std::size_t slash = image.rfind('/');
        const std::size_t colon = image.find(':', slash == std::string::npos ? 0 : slash);
        const int line = at(stage.from_index).line;
        if (colon == std::string::npos) {
            add(line, "image-untagged", Severity::warning,
                fmt::format("FROM {} has no tag, so it takes whatever \"latest\" is on the day of the build: name a "
                            "version",
                            image));
        } else if (image.substr(colon + 1) == "latest") {
            add(line, "image-latest-tag", Severity::warning,
                fmt::format("FROM {} changes whenever a new version is pushed: name a version", image));
        }
    }

    // Only the last CMD (ENTRYPOINT) of a stage takes effect.
    void lint_repeated(const Stage& stage, std::string_view keyword, const char* rule) {
        std::vector<std::size_t> found;
        for (std::size_t i = stage.from_index + 1; i < stage.end_index; ++i) {
            if (at(i).keyword == keyword) {
                found.push_back(i);
            }
        }
        for (std::size_t k = 0; k + 1 < found.size(); ++k) {
            add(at(found[k]).line, rule, Severity::warning,
                fmt::format("this {} has no effect: the {} on line {} replaces it (only the last one of a stage "
                            "counts)",
                            keyword, keyword, at(found.back()).line));
        }
    }

    void lint_instruction(std::size_t index) {
        const Instruction& instruction = at(index);
        const std::string& keyword = instruction.keyword;
        if (instruction.empty_continuation_line) {
            add(instruction.line, "empty-continuation-line", Severity::warning,
                "a blank line inside a continued instruction: Docker warns and means to refuse it");
        }
        if ((keyword == "CMD" || keyword == "ENTRYPOINT" || keyword == "RUN") && !instruction.exec_form &&
            looks_like_json(instruction.arguments)) {
            add(instruction.line, "exec-form-invalid-json", Severity::warning,
                fmt::format("this {} looks like the exec form but is not valid JSON (strings need double quotes), so "
                            "Docker runs it as a shell command",
                            keyword));
        } else if ((keyword == "CMD" || keyword == "ENTRYPOINT") && !instruction.exec_form &&
                   !instruction.arguments.empty()) {
            add(instruction.line, "shell-form-cmd", Severity::warning,
                fmt::format("{} in shell form runs under /bin/sh -c: the program is not PID 1 and does not get the "
                            "stop signal; use the JSON form {} [\"program\", \"arg\"]",
                            keyword, keyword));
        } else if (keyword == "ADD") {
            lint_add(index);
        } else if (keyword == "WORKDIR") {
            lint_workdir(index);
        } else if (keyword == "MAINTAINER") {
            add(instruction.line, "maintainer-deprecated", Severity::warning,
                "MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors=\"...\"");
        } else if (keyword == "EXPOSE") {
            lint_expose(index);
        }
    }

    // `['a', 'b']`, `["a" "b"]`: meant as exec form; `[ -f x ]` is the test command.
    static bool looks_like_json(std::string_view arguments) {
        return arguments.size() >= 2 && arguments.front() == '[' && arguments.back() == ']' &&
               (arguments[1] == '"' || arguments[1] == '\'' || arguments.find(',') != std::string_view::npos);
    }

    void lint_add(std::size_t index) {
        const Instruction& add_instruction = at(index);
        const std::vector<std::string>& words = add_instruction.words;
        if (words.size() < 2) {
            return;
        }
        const Variables scope = variables_at(m_parsed, index);
        static constexpr std::array<std::string_view, 12> k_archives = {
            ".tar", ".tgz", ".tbz", ".tbz2", ".txz", ".tzst", ".gz", ".bz2", ".xz", ".zst", ".lz4", ".zip"};
        for (std::size_t i = 0; i + 1 < words.size(); ++i) {
            const Expansion source = expand_variables(words[i], scope, m_parsed.escape);
            const std::string path = lower(source.text);
            const bool remote = path.find("://") != std::string::npos || path.rfind("git@", 0) == 0;
            const bool archive = std::any_of(k_archives.begin(), k_archives.end(),
                                             [&](std::string_view suffix) { return ends_with(path, suffix); });
            if (remote || archive || !source.unresolved.empty()) {
                return;
            }
        }
        add(add_instruction.line, "add-instead-of-copy", Severity::warning,
            "ADD of local files: COPY does the same without ADD's URL download and archive extraction");
    }

    void lint_workdir(std::size_t index) {
        const Instruction& workdir = at(index);
        if (workdir.words.empty()) {
            return;
        }
        const Expansion path = expand_variables(workdir.words[0], variables_at(m_parsed, index), m_parsed.escape);
        const std::string& text = path.text;
        const bool windows_absolute = text.size() >= 3 && std::isalpha(static_cast<unsigned char>(text[0])) != 0 &&
                                      text[1] == ':' && (text[2] == '\\' || text[2] == '/');
        if (!path.unresolved.empty() || text.empty() || text[0] == '/' || text[0] == '\\' || windows_absolute) {
            return;
        }
        add(workdir.line, "workdir-relative", Severity::warning,
            fmt::format("WORKDIR {} is relative: it depends on the WORKDIR before it; use an absolute path", text));
    }

    void lint_expose(std::size_t index) {
        const Instruction& expose = at(index);
        const Variables scope = variables_at(m_parsed, index);
        for (const std::string& word : expose.words) {
            const Expansion port = expand_variables(word, scope, m_parsed.escape);
            if (!port.unresolved.empty()) {
                continue;
            }
            const std::string problem = port_problem(port.text);
            if (!problem.empty()) {
                add(expose.line, "expose-invalid-port", Severity::warning,
                    fmt::format("EXPOSE {}: {}", port.text, problem));
            }
        }
    }

    // Why `text` is not port[-port][/tcp|udp|sctp], or empty when it is.
    static std::string port_problem(const std::string& text) {
        if (text.find(':') != std::string::npos) {
            return "EXPOSE takes container ports; a host:container mapping belongs to docker run -p";
        }
        const std::size_t slash = text.find('/');
        const std::string protocol = slash == std::string::npos ? "tcp" : lower(text.substr(slash + 1));
        if (protocol != "tcp" && protocol != "udp" && protocol != "sctp") {
            return fmt::format("the protocol must be tcp, udp or sctp, not \"{}\"", text.substr(slash + 1));
        }
        const std::string ports = text.substr(0, slash);
        const std::size_t dash = ports.find('-');
        int low = 0;
        int high = 0;
        if (!read_port(ports.substr(0, dash), low) ||
            (dash != std::string::npos && !read_port(ports.substr(dash + 1), high))) {
            return "a port is a number from 1 to 65535";
        }
        if (dash != std::string::npos && high < low) {
            return "the range ends before it starts";
        }
        return {};
    }

    static bool read_port(const std::string& text, int& port) {
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
        return error == std::errc() && end == text.data() + text.size() && !text.empty() && port >= 1 &&
               port <= 65535;
    }

    // The final stage (and the stages it builds on) decides who the container runs as.
    void lint_user() {
        if (m_stages.empty()) {
            return;
        }
        const Stage& final_stage = m_stages.back();
        const Instruction* last_user = nullptr;
        std::size_t last_user_index = 0;
        for (const Stage* stage = &final_stage; stage != nullptr && last_user == nullptr;
             stage = stage->parent ? &m_stages[*stage->parent] : nullptr) {
            for (std::size_t i = stage->from_index + 1; i < stage->end_index; ++i) {
                if (at(i).keyword == "USER" && !at(i).words.empty()) {
                    last_user = &at(i);
                    last_user_index = i;
                }
            }
        }
        if (last_user == nullptr) {
            add(at(final_stage.from_index).line, "runs-as-root", Severity::note,
                "no USER in the final stage: the container runs as root unless the base image sets a user");
            return;
        }
        const Expansion user =
            expand_variables(last_user->words[0], variables_at(m_parsed, last_user_index), m_parsed.escape);
        const std::string name = user.text.substr(0, user.text.find(':'));
        if (name == "root" || name == "0") {
            add(last_user->line, "runs-as-root", Severity::warning,
                "the last USER is root: the container runs as root; switch to an unprivileged user at the end");
        }
    }

    const ParsedDockerfile& m_parsed;
    std::vector<Stage> m_stages;
    std::vector<Finding> m_findings;
};

}  // namespace

std::vector<Finding> lint_dockerfile(const ParsedDockerfile& parsed) { return Linter(parsed).run(); }

}  // namespace snipcheck::runners::dockerfile
