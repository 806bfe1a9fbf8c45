#include "runners/dotenv/dotenv_check.hpp"

#include <map>
#include <string>

#include <fmt/format.h>

#include "runners/error_findings.hpp"

namespace snipcheck::runners::dotenv {
namespace {

std::vector<std::string_view> split_lines(std::string_view code) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= code.size()) {
        std::size_t end = code.find('\n', start);
        if (end == std::string_view::npos) {
            end = code.size();
        }
        std::string_view line = code.substr(start, end - start);
        if (line.ends_with('\r')) {
            line.remove_suffix(1);
        }
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

std::string_view trim_left(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t");
    return first == std::string_view::npos ? std::string_view() : text.substr(first);
}

std::string_view trim_right(std::string_view text) {
    const std::size_t last = text.find_last_not_of(" \t");
    return last == std::string_view::npos ? std::string_view() : text.substr(0, last + 1);
}

bool is_key(std::string_view key) {
    if (key.empty() || (key[0] >= '0' && key[0] <= '9')) {
        return false;
    }
    for (char c : key) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!ok) {
            return false;
        }
    }
    return true;
}

// The index of the quote that closes a quoted value, searching `text` from
// `from`; a backslash escapes the character after it. npos when none.
std::size_t closing_quote(std::string_view text, std::size_t from, char quote) {
    for (std::size_t i = from; i < text.size(); ++i) {
        if (text[i] == '\\') {
            ++i;
        } else if (text[i] == quote) {
            return i;
        }
    }
    return std::string_view::npos;
}

class DotenvParser {
public:
    explicit DotenvParser(std::string_view code) : m_lines(split_lines(code)) {}

    std::vector<Finding> run() {
        while (m_next < m_lines.size()) {
            const std::size_t index = m_next++;
            parse_line(index);
        }
        return std::move(m_findings);
    }

private:
    void add(std::size_t index, const char* rule, Severity severity, std::string message) {
        m_findings.push_back({static_cast<int>(index) + 1, rule, severity, std::move(message)});
    }

    void parse_line(std::size_t index) {
        std::string_view text = trim_left(m_lines[index]);
        if (text.empty() || text.front() == '#') {
            return;
        }
        if (text.starts_with("export") && text.size() > 6 && (text[6] == ' ' || text[6] == '\t')) {
            text = trim_left(text.substr(6));
        }
        const std::size_t equals = text.find('=');
        if (equals == std::string_view::npos) {
            add(index, "dotenv-syntax", Severity::error,
                fmt::format("'{}' is not KEY=VALUE: every line of a .env file sets a variable, or is blank or a # comment",
                            trim_right(text)));
            return;
        }
        const std::string_view key = trim_right(text.substr(0, equals));
        if (!is_key(key)) {
            add(index, "dotenv-key", Severity::error,
                fmt::format("'{}' is not a variable name: letters, digits and _, not starting with a digit", key));
            return;
        }
        const std::string_view after = text.substr(equals + 1);
        const std::string_view value = trim_left(after);
        if (key.size() != equals || (value.size() != after.size() && !value.empty())) {
            add(index, "dotenv-spaces", Severity::warning,
                fmt::format("spaces around '=' after {}: python-dotenv strips them, but a shell (`source .env`) and "
                            "Docker's --env-file do not; write {}=VALUE",
                            key, key));
        }
        const std::string name(key);
        if (const auto [first, inserted] = m_first_line.try_emplace(name, index + 1); !inserted) {
            add(index, "dotenv-duplicate-key", Severity::warning,
                fmt::format("{} is set again (first at line {}); the last value wins", name, first->second));
        }
        if (!value.empty() && (value.front() == '\'' || value.front() == '"')) {
            parse_quoted(index, value);
        } else {
            parse_unquoted(index, value);
        }
    }

    // A quoted value may go on over the next lines; they are consumed.
    void parse_quoted(std::size_t index, std::string_view value) {
        const char quote = value.front();
        std::string_view rest = value;
        std::size_t from = 1;
        std::size_t line = index;
        std::size_t close = closing_quote(rest, from, quote);
        while (close == std::string_view::npos && m_next < m_lines.size()) {
            line = m_next++;
            rest = m_lines[line];
            from = 0;
            close = closing_quote(rest, from, quote);
        }
        if (close == std::string_view::npos) {
            add(index, "dotenv-quote", Severity::error,
                fmt::format("unterminated quote: the value opened with {} here never closes", quote));
            return;
        }
        const std::string_view trailer = trim_left(rest.substr(close + 1));
        if (!trailer.empty() && trailer.front() != '#') {
            add(line, "dotenv-syntax", Severity::error,
                fmt::format("'{}' after the closing quote: a quoted value ends at its quote (a comment needs #)",
                            trim_right(trailer)));
        }
    }

    void parse_unquoted(std::size_t index, std::string_view value) {
        // ` #` starts a comment after an unquoted value.
        std::size_t end = value.size();
        for (std::size_t i = 1; i < value.size(); ++i) {
            if (value[i] == '#' && (value[i - 1] == ' ' || value[i - 1] == '\t')) {
                end = i;
                break;
            }
        }
        const std::string_view text = trim_right(value.substr(0, end));
        if (text.find_first_of("'\"") != std::string_view::npos) {
            add(index, "dotenv-quote", Severity::warning,
                fmt::format("a quote inside the unquoted value {}: a shell reads it as the start of a quoted string; "
                            "quote the whole value",
                            text));
        }
    }

    std::vector<std::string_view> m_lines;
    std::size_t m_next = 0;  // the next line to read
    std::map<std::string, std::size_t> m_first_line;  // key -> 1-based line that first sets it
    std::vector<Finding> m_findings;
};

}  // namespace

std::vector<Finding> dotenv_findings(std::string_view code) { return DotenvParser(code).run(); }

RunOutput check_dotenv(const extractor::Snippet& snippet) {
    RunOutput output;
    output.static_check = true;
    output.findings = dotenv_findings(snippet.code);
    for (Finding& finding : output.findings) {
        finding.line = extractor::document_line(snippet, finding.line);
    }
    raise_first_error_finding(output, [](const Finding&) { return std::string("invalid .env"); });
    if (output.end == RunEnd::completed) {
        output.reason = "valid .env";
    }
    return output;
}

}  // namespace snipcheck::runners::dotenv
