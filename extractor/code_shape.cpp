#include "extractor/code_shape.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "extractor/line_classifier.hpp"
#include "extractor/python_tokens.hpp"
#include "src/ascii_case.hpp"

namespace snipcheck::extractor {
namespace {

// ASCII only, as std::isalnum in the C locale, but inline: these run on
// every line of plain-text documents.
bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool starts_with_word(std::string_view text, std::string_view word) {
    if (text.substr(0, word.size()) != word) {
        return false;
    }
    return text.size() == word.size() || !is_word_char(text[word.size()]);
}

std::string_view first_word(std::string_view text) {
    std::size_t end = 0;
    while (end < text.size() && is_word_char(text[end])) {
        ++end;
    }
    return text.substr(0, end);
}

// The operators that make a line a statement: `x = 1`, `n += 1`, `(y := f())`.
bool is_assignment_operator(std::string_view op) {
    if (op.size() == 1) {
        return op[0] == '=';
    }
    return op.size() == 2 && op[1] == '=' &&
           (op[0] == '+' || op[0] == '-' || op[0] == '*' || op[0] == '/' || op[0] == '|' || op[0] == ':');
}

// Punctuation prose uses as well: `,` `.` `:` `!` `?` `;` `-`.
bool is_prose_punctuation(std::string_view op) {
    return op.size() == 1 && is_one_of(op[0], ",.:!?;-");
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (ascii_upper(a[i]) != ascii_upper(b[i])) {
            return false;
        }
    }
    return true;
}

// Names that may stand before another name without an operator between.
bool may_precede_name(std::string_view word) {
    return is_python_keyword(word) || word == "match" || word == "case" || word == "type" || word == "print";
}

// The shape of one line from its tokens [begin, end).
// reStructuredText that the token checks below would let through: a
// heading's underline (`=====`, `*****`), a directive or footnote
// (`.. [#]`), a paragraph that opens a literal block (`Template``::`).
bool is_rst_markup(std::string_view text) {
    if (text.starts_with(".. ") || text == ".." || (text.size() > 2 && text.ends_with("::"))) {
        return true;
    }
    return text.size() >= 3 && is_one_of(text[0], "=-~*^+:") &&
           text.find_first_not_of(text[0]) == std::string_view::npos;
}

LineShape shape_from_tokens(std::string_view text, const PyToken* begin, const PyToken* end) {
    if (is_rst_markup(text)) {
        return LineShape::not_code;
    }
    // `Content-Type: text/x-rst`, `Python-Version: 3.12`: a header, whose
    // hyphenated key Python cannot annotate.
    if (end - begin >= 4 && begin[0].kind == PyTokenKind::name && begin[1].text == "-" &&
        begin[2].kind == PyTokenKind::name && begin[3].text == ":" &&
        begin[1].column == begin[0].column + static_cast<int>(begin[0].text.size()) &&
        begin[2].column == begin[1].column + 1) {
        return LineShape::not_code;
    }
    bool strong = false;
    bool operator_code = false;  // an operator prose does not use
    int names = 0;
    const PyToken* last_code = nullptr;
    const PyToken* previous = nullptr;
    int depth = 0;
    for (const PyToken* it = begin; it != end; ++it) {
        const PyToken& token = *it;
        if (token.kind == PyTokenKind::newline || token.kind == PyTokenKind::comment) {
            continue;
        }
        last_code = &token;
        if (token.kind == PyTokenKind::error) {
            // An unterminated string may continue on the next line.
            if (token.text.empty() || (token.text.front() != '\'' && token.text.front() != '"')) {
                return LineShape::not_code;
            }
        }
        if (token.kind == PyTokenKind::name) {
            ++names;
        }
        if (token.kind == PyTokenKind::op) {
            // Compared by character: this runs on every token of every line judged.
            const std::string_view op = token.text;
            const char bracket = op.size() == 1 ? op[0] : '\0';
            if (bracket == '$' || bracket == '?' || bracket == '`') {
                return LineShape::not_code;  // never Python 3 outside a string
            }
            // `https://...` outside a string: a link, not floor division.
            if (op == "//" && previous != nullptr && previous->text == ":" &&
                previous->column + 1 == token.column) {
                return LineShape::not_code;
            }
            if (bracket == '(' || bracket == '[' || bracket == '{') {
                ++depth;
                operator_code = operator_code || bracket != '(';
            } else if (bracket == ')' || bracket == ']' || bracket == '}') {
                --depth;
            } else if (depth == 0 && is_assignment_operator(op)) {
                strong = true;
            } else if (!is_prose_punctuation(op)) {
                operator_code = true;
            }
        }
        if (previous != nullptr) {
            const bool name_after_name = token.kind == PyTokenKind::name && previous->kind == PyTokenKind::name &&
                                         !may_precede_name(previous->text) && !is_python_keyword(token.text);
            const bool number_after_name = token.kind == PyTokenKind::number && previous->kind == PyTokenKind::name &&
                                           !is_python_keyword(previous->text);
            const bool name_after_value = (token.kind == PyTokenKind::name || token.kind == PyTokenKind::number) &&
                                          (previous->kind == PyTokenKind::number || previous->kind == PyTokenKind::string) &&
                                          !is_python_keyword(token.text);
            if (name_after_name || number_after_name || name_after_value) {
                return LineShape::not_code;
            }
        }
        previous = &token;
    }
    // `Example:` alone is a label a person wrote (`else:` is a keyword).
    const std::ptrdiff_t code_tokens = std::count_if(begin, end, [](const PyToken& t) {
        return t.kind != PyTokenKind::comment && t.kind != PyTokenKind::newline;
    });
    if (code_tokens == 2 && begin->kind == PyTokenKind::name && !is_python_keyword(begin->text) &&
        last_code != nullptr && last_code->text == ":") {
        return LineShape::not_code;
    }
    // `omit =` with nothing after it is a syntax error, and INI, not Python.
    if (last_code != nullptr && depth == 0 && last_code->text == "=") {
        return LineShape::not_code;
    }
    // Prose that slipped past the token checks has words and no operators.
    if (!strong && !operator_code && names >= 3 && looks_like_prose(text)) {
        return LineShape::not_code;
    }
    static constexpr std::array<std::string_view, 22> k_statement_words = {
        "def", "class", "import", "from", "return", "yield", "raise", "if", "elif", "for", "while", "with",
        "try", "except", "finally", "async", "await", "assert", "del", "global", "nonlocal", "lambda"};
    const std::string_view word = first_word(text);
    for (std::string_view keyword : k_statement_words) {
        if (word == keyword) {
            // `global` or `import` alone is no statement (an HAProxy section is).
            const bool needs_operand = word != "return" && word != "yield" && word != "raise" && word != "try" &&
                                       word != "finally" && word != "except";
            return code_tokens == 1 && needs_operand ? LineShape::not_code : LineShape::strong;
        }
    }
    if (text[0] == '@' && text.size() > 1 && (std::isalpha(static_cast<unsigned char>(text[1])) || text[1] == '_')) {
        return LineShape::strong;
    }
    if (text == "else:" || text == "try:" || text == "finally:" || text == "pass" || text == "break" ||
        text == "continue") {
        return LineShape::strong;
    }
    if (strong) {
        return LineShape::strong;
    }
    // A call statement: name(...), a.b(...), 'text'.upper() closing at the end of the line.
    if (begin != end && (begin->kind == PyTokenKind::name || begin->kind == PyTokenKind::string) &&
        last_code != nullptr && last_code->text == ")") {
        return LineShape::strong;
    }
    // An expression with an operator prose does not use: `[1] + [2]`, `False != 0.1`.
    if (operator_code && names + 1 < static_cast<int>(end - begin)) {
        return LineShape::strong;
    }
    return LineShape::weak;
}

// Whether the line starts with two names side by side that Python rejects
// (`Error field input ...`): what shape_from_tokens finds at the second
// token, found without tokenizing. Most lines the plain-text lexer judges
// are prose, and this is how they fail. False when unsure (a word before a
// quote may be a string prefix): the tokens then decide.
bool starts_with_adjacent_names(std::string_view text) {
    const auto is_start = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    const auto word_at = [&](std::size_t at) {
        std::size_t end = at;
        if (end < text.size() && is_start(text[end])) {
            while (end < text.size() && is_word_char(text[end])) {
                ++end;
            }
        }
        return text.substr(at, end - at);
    };
    const std::string_view first = word_at(0);
    std::size_t at = first.size();
    if (first.empty() || at >= text.size() || (text[at] != ' ' && text[at] != '\t' && text[at] != '\f')) {
        return false;
    }
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\f')) {
        ++at;
    }
    const std::string_view second = word_at(at);
    const std::size_t after = at + second.size();
    if (second.empty() || (after < text.size() && (text[after] == '\'' || text[after] == '"'))) {
        return false;
    }
    return !may_precede_name(first) && !is_python_keyword(second);
}

}  // namespace

LineShape python_line_shape(std::string_view line) {
    bool stands_alone = false;
    return python_line_shape(line, stands_alone);
}

LineShape python_line_shape(std::string_view line, bool& stands_alone) {
    std::string_view text = trim(line);
    stands_alone = text.empty() || text[0] == '#';
    if (stands_alone) {
        return LineShape::weak;
    }
    if (has_non_ascii_outside_quotes(text) || starts_with_adjacent_names(text)) {
        return LineShape::not_code;
    }
    // Called for many lines of many snippets: reuse one buffer per thread.
    thread_local std::vector<std::string_view> one_line(1);
    thread_local std::vector<PyToken> tokens;
    one_line[0] = text;
    tokenize_python(one_line, tokens);
    // A statement that ends on the line ends with a newline token at its
    // end; one the line leaves open gets it at column 0, after the line.
    // A lone line then has the newline a block gives it, and a block's next
    // line starts outside any bracket or string, as a lone one does.
    stands_alone = !tokens.empty() && tokens.back().kind == PyTokenKind::newline &&
                   tokens.back().column == static_cast<int>(text.size());
    return shape_from_tokens(text, tokens.data(), tokens.data() + tokens.size());
}

std::vector<LineShape> python_block_shapes(const std::vector<std::string_view>& lines, const std::vector<PyToken>& tokens,
                                           std::size_t line_limit) {
    std::vector<LineShape> shapes;
    python_block_shapes(lines, tokens, line_limit, shapes);
    return shapes;
}

void python_block_shapes(const std::vector<std::string_view>& lines, const std::vector<PyToken>& tokens,
                         std::size_t line_limit, std::vector<LineShape>& shapes) {
    const std::size_t count = std::min(lines.size(), line_limit);
    shapes.assign(count, LineShape::weak);
    // Which lines were judged: on the stack for the short samples callers
    // take (every block is judged, and each allocation showed).
    constexpr std::size_t k_on_stack = 64;
    std::array<bool, k_on_stack> judged_small{};
    std::vector<bool> judged_large(count > k_on_stack ? count : 0, false);
    const auto judged = [&](std::size_t line) -> bool {
        return count > k_on_stack ? judged_large[line] : judged_small[line];
    };
    const auto mark_judged = [&](std::size_t line) {
        if (count > k_on_stack) {
            judged_large[line] = true;
        } else {
            judged_small[line] = true;
        }
    };
    std::size_t i = 0;
    while (i < tokens.size()) {
        const int line = tokens[i].line;
        std::size_t end = i;
        while (end < tokens.size() && tokens[end].line == line) {
            ++end;
        }
        if (line >= 0 && static_cast<std::size_t>(line) < count && tokens[i].starts_line && !judged(line)) {
            mark_judged(line);
            std::string_view text = trim(lines[line]);
            if (!text.empty() && text[0] != '#') {
                shapes[line] = has_non_ascii_outside_quotes(text)
                                   ? LineShape::not_code
                                   : shape_from_tokens(text, tokens.data() + i, tokens.data() + end);
            }
        }
        if (static_cast<std::size_t>(line) >= count) {
            break;
        }
        i = end;
    }
}

bool is_dockerfile_instruction(std::string_view line) {
    static constexpr std::array<std::string_view, 18> k_instructions = {
        "FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
        "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL", "MAINTAINER"};
    std::string_view text = trim(line);
    const std::string_view word = first_word(text);
    if (word.size() == text.size()) {
        return false;  // an instruction always has arguments
    }
    for (std::string_view instruction : k_instructions) {
        if (word == instruction) {
            return true;
        }
    }
    return false;
}

bool is_sql_statement_start(std::string_view line) {
    static constexpr std::array<std::string_view, 16> k_starts = {
        "SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "ALTER", "DROP", "WITH",
        "TRUNCATE", "REPLACE", "GRANT", "REVOKE", "BEGIN", "COMMIT", "EXPLAIN", "PRAGMA"};
    std::string_view text = trim(line);
    const std::string_view word = first_word(text);
    for (std::string_view start : k_starts) {
        if (equals_ignoring_case(word, start)) {
            // Lower-case "select the rows" is prose; lower-case SQL has symbols.
            const bool upper = word == start;
            if (text.back() == ':') {
                return false;  // `with open(f) as x:` is Python
            }
            return upper || find_one_of(text, "*(;=,") != std::string_view::npos;
        }
    }
    return false;
}

bool is_assignment_statement(std::string_view line) {
    thread_local std::vector<std::string_view> one_line(1);
    thread_local std::vector<PyToken> tokens;
    one_line[0] = trim(line);
    tokenize_python(one_line, tokens);
    int depth = 0;
    for (const PyToken& token : tokens) {
        if (token.kind != PyTokenKind::op) {
            continue;
        }
        const std::string_view op = token.text;
        if (op == "(" || op == "[" || op == "{") {
            ++depth;
        } else if (op == ")" || op == "]" || op == "}") {
            --depth;
        } else if (depth == 0 && is_assignment_operator(op)) {
            return true;
        }
    }
    return false;
}

std::size_t shell_prompt_length(std::string_view line) {
    std::size_t at = 0;
    if (line.starts_with("(")) {  // a virtual environment: `(env) `
        const std::size_t close = line.find(')');
        if (close == std::string_view::npos || close > 40 || close + 1 >= line.size() || line[close + 1] != ' ' ||
            line.substr(1, close - 1).find(' ') != std::string_view::npos) {
            return 0;
        }
        at = close + 1;
        while (at < line.size() && line[at] == ' ') {
            ++at;
        }
    }
    // `user@host:~/src` or `~/project` before the `$`.
    std::size_t dollar = at;
    while (dollar < line.size() && (std::isalnum(static_cast<unsigned char>(line[dollar])) != 0 ||
                                    is_one_of(line[dollar], "_.@:~/-"))) {
        ++dollar;
    }
    if (dollar >= line.size() || line[dollar] != '$') {
        return 0;
    }
    if (dollar + 1 == line.size()) {
        return dollar + 1;
    }
    return line[dollar + 1] == ' ' ? dollar + 2 : 0;
}

bool is_shell_command(std::string_view line) {
    std::string_view text = trim(line);
    if (shell_prompt_length(text) > 0) {
        return true;
    }
    static constexpr std::array<std::string_view, 30> k_commands = {
        "pip", "pip3", "python", "python3", "django-admin", "sudo", "apt", "apt-get", "git", "docker",
        "docker-compose", "npm", "npx", "yarn", "cd", "mkdir", "export", "curl", "wget", "celery",
        "gunicorn", "uvicorn", "source", "chmod", "ls", "cat", "echo", "kubectl", "systemctl", "brew"};
    for (std::string_view command : k_commands) {
        if (!text.empty() && text[0] == command[0] && starts_with_word(text, command) && text.size() > command.size()) {
            return true;
        }
    }
    return text.substr(0, 2) == "./" || text.substr(0, 2) == "#!";
}

}  // namespace snipcheck::extractor
