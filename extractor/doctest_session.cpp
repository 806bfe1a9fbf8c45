#include "extractor/doctest_session.hpp"

#include "extractor/code_shape.hpp"
#include "extractor/line_classifier.hpp"
#include "extractor/python_expectations.hpp"
#include "extractor/value_syntax.hpp"

namespace snipcheck::extractor {
namespace {

bool is_prompt(std::string_view line, std::string_view prompt) {
    return line.substr(0, 3) == prompt && (line.size() == 3 || line[3] == ' ');
}

std::string_view after_prompt(std::string_view line) {
    return line.size() > 4 ? line.substr(4) : std::string_view{};
}

bool is_comment(std::string_view line) { return trim(line).substr(0, 1) == "#"; }

// A statement that shows nothing at the prompt (an assignment, an import,
// a definition ...): a comment in words below it is the author's remark.
bool shows_nothing(std::string_view statement) {
    const std::string_view text = trim(statement);
    for (std::string_view word : {"import ", "from ", "def ", "class ", "assert ", "pass", "del ", "global "}) {
        if (text.starts_with(word)) {
            return true;
        }
    }
    return is_assignment_statement(text);
}

// How the interactive prompt shows an exception without the traceback
// header: a SyntaxError's `  File "<stdin>", line 1` lines, or the last
// line alone (`KeyError: 'ink'`). The exception's name, else empty.
std::string headerless_exception(const std::vector<std::string_view>& output, std::string_view statement) {
    const std::string name = traceback_exception(output);
    if (name.empty()) {
        return {};
    }
    const std::string_view first = trim(output.front());
    if (first.starts_with("File \"<stdin>\"") || first.starts_with("File \"<string>\"")) {
        return name;
    }
    // One line naming the exception; a print( may be printing that text,
    // and `Error: ...` or `Warning: ...` alone is how programs report.
    if (output.size() == 1 && !trim(statement).starts_with("print(") && name != "Error" && name != "Warning") {
        return name;
    }
    return {};
}

}  // namespace

std::string traceback_exception(const std::vector<std::string_view>& output) {
    for (auto it = output.rbegin(); it != output.rend(); ++it) {
        std::string_view line = trim(*it);
        if (line.empty() || (*it)[0] == ' ') {
            continue;
        }
        std::string_view name = line.substr(0, line.find(':'));
        std::string_view last = name.substr(name.rfind('.') == std::string_view::npos ? 0 : name.rfind('.') + 1);
        if (is_exception_name(last)) {
            return std::string(name);
        }
        break;
    }
    return {};
}

// What the interpreter prints before its first prompt: `Python 3.11.2
// (main, ...)`, `Type "help", ...`, Django's `(InteractiveConsole)`.
bool is_interpreter_banner(std::string_view text) {
    return text == "(InteractiveConsole)" || text.starts_with("Type \"help\"") ||
           ((text.starts_with("Python 2.") || text.starts_with("Python 3.")) && text.find(" (") != std::string_view::npos);
}

bool is_doctest_session(const std::vector<std::string_view>& lines) {
    // Comment lines may stand before the first prompt (`# Python 3.8+`), and
    // the interpreter's banner.
    for (std::string_view line : lines) {
        std::string_view text = trim(line);
        if (!text.empty() && text[0] != '#' && !is_interpreter_banner(text)) {
            return is_prompt(text, ">>>");
        }
    }
    return false;
}

std::size_t session_after_code(const std::vector<std::string_view>& lines) {
    if (is_doctest_session(lines)) {
        return 0;
    }
    int indent = -1;
    int triple_quotes = 0;  // odd: the line is inside a string (a docstring showing a session)
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (is_blank(lines[i])) {
            continue;
        }
        if (indent < 0) {
            indent = indent_width(lines[i]);  // the code's first line
        } else if (triple_quotes % 2 == 0 && indent_width(lines[i]) == indent &&
                   is_prompt(remove_indent(lines[i], indent), ">>>")) {
            return i;
        }
        for (std::string_view quote : {std::string_view("\"\"\""), std::string_view("'''")}) {
            for (std::size_t at = lines[i].find(quote); at != std::string_view::npos; at = lines[i].find(quote, at + 3)) {
                ++triple_quotes;
            }
        }
    }
    return 0;
}

DoctestSession parse_doctest_session(const std::vector<std::string_view>& lines, int first_line) {
    DoctestSession session;
    // At most one entry per line: reserved once rather than grown, which
    // cost a few allocations per session.
    session.code.reserve(lines.size());
    session.line_map.reserve(lines.size());
    session.example_lines.reserve(lines.size());
    const int indent = lines.empty() ? 0 : indent_width(lines.front());
    // Each example's output and traceback lines; their memory is reused
    // from example to example.
    std::vector<std::string_view> output;
    std::vector<std::string_view> traceback;
    std::size_t i = 0;
    while (i < lines.size()) {
        std::string_view line = remove_indent(lines[i], indent);
        if (!is_prompt(line, ">>>")) {
            ++i;
            continue;
        }
        const int statement_line = first_line + static_cast<int>(i);
        const std::size_t code_start = session.code.size();
        session.example_lines.push_back(statement_line);
        session.code.push_back(after_prompt(line));
        session.line_map.push_back(statement_line);
        ++i;
        while (i < lines.size() && is_prompt(remove_indent(lines[i], indent), "...")) {
            session.code.push_back(after_prompt(remove_indent(lines[i], indent)));
            session.line_map.push_back(first_line + static_cast<int>(i));
            ++i;
        }
        output.clear();
        const int output_line = first_line + static_cast<int>(i);
        // A shell prompt (`$` after `>>> exit()`) ends the session's output.
        const auto shell_prompt = [](std::string_view text) { return text == "$" || text.starts_with("$ "); };
        while (i < lines.size() && !is_blank(lines[i]) && !is_prompt(remove_indent(lines[i], indent), ">>>") &&
               !shell_prompt(trim(lines[i]))) {
            output.push_back(remove_indent(lines[i], indent));
            ++i;
        }
        // A warning the compiler wrote to stderr (`<stdin>:1: SyntaxWarning: ...`)
        // is no output: snipcheck compares what was printed to stdout.
        std::erase_if(output, [](std::string_view out) {
            const std::string_view text = trim(out);
            return text.starts_with("<stdin>:") && text.find("Warning: ") != std::string_view::npos;
        });
        if (output.empty()) {
            continue;
        }
        // Some documents write a prompt's output as comments (`>>> f()` then
        // `# 5`); a comment in words under a statement that shows nothing
        // (`>>> x = 1` then `# so far so good`) is a remark.
        bool all_comments = true;
        bool all_values = true;
        for (std::string_view out : output) {
            all_comments = all_comments && is_comment(out);
            all_values = all_values && reads_as_value(trim(trim(out).substr(1)));
        }
        if (all_comments) {
            if (!all_values && shows_nothing(session.code[code_start])) {
                continue;
            }
            for (std::string_view& out : output) {
                out = trim(out).substr(1);
                if (!out.empty() && out.front() == ' ') {
                    out.remove_prefix(1);
                }
            }
        }
        // Output, then the traceback of the exception that ended it.
        traceback.clear();
        for (std::size_t k = 1; k < output.size(); ++k) {
            if (trim(output[k]).starts_with("Traceback (most recent call last)")) {
                traceback.assign(output.begin() + static_cast<std::ptrdiff_t>(k), output.end());
                if (traceback_exception(traceback).empty()) {
                    traceback.clear();  // not a traceback after all: all of it is output
                    break;
                }
                output.resize(k);
                break;
            }
        }
        Expectation expectation;
        expectation.line = output_line;
        expectation.statement_line = statement_line;
        const std::string headerless = headerless_exception(output, session.code[code_start]);
        if (trim(output.front()).substr(0, 9) == "Traceback") {
            expectation.kind = ExpectationKind::raises;
            expectation.expected = traceback_exception(output);
        } else if (!headerless.empty()) {
            expectation.kind = ExpectationKind::raises;
            expectation.expected = headerless;
        } else {
            expectation.kind = ExpectationKind::doctest;
            for (std::size_t k = 0; k < output.size(); ++k) {
                if (k > 0) {
                    expectation.expected += '\n';
                }
                expectation.expected += trim(output[k]) == "<BLANKLINE>" ? std::string_view() : output[k];
            }
        }
        session.expectations.push_back(std::move(expectation));
        if (!traceback.empty()) {
            Expectation raised;
            raised.kind = ExpectationKind::raises;
            raised.line = output_line + static_cast<int>(output.size());
            raised.statement_line = statement_line;
            raised.expected = traceback_exception(traceback);
            session.expectations.push_back(std::move(raised));
        }
    }
    return session;
}

}  // namespace snipcheck::extractor
