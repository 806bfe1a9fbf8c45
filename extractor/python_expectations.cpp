#include "extractor/python_expectations.hpp"

#include <cctype>
#include <string>

#include "extractor/line_classifier.hpp"
#include "extractor/value_syntax.hpp"
#include "src/ascii_case.hpp"

namespace snipcheck::extractor {
namespace {


// "Output: 11" -> "11" (also "Out:", "Outputs:", "Prints:"), case-insensitive.
bool strip_output_label(std::string_view text, std::string_view* value) {
    static constexpr std::string_view k_labels[] = {"outputs:", "output:", "out:", "prints:", "output =", "output ->"};
    for (std::string_view label : k_labels) {
        if (text.size() < label.size()) {
            continue;
        }
        bool same = true;
        for (std::size_t i = 0; i < label.size() && same; ++i) {
            same = ascii_lower(text[i]) == label[i];
        }
        if (same) {
            *value = trim(text.substr(label.size()));
            return true;
        }
    }
    return false;
}

// "raises ValueError", "Raises: KeyError", "ValueError: bad", "ZeroDivisionError".
bool read_raises(std::string_view text, bool trailing, std::string* name) {
    std::string_view rest = text;
    bool said_raises = false;
    for (std::string_view prefix : {"raises:", "raises", "Raises:", "Raises", "-> raises", "=> raises"}) {
        if (rest.starts_with(prefix)) {
            rest = trim(rest.substr(prefix.size()));
            said_raises = true;
            break;
        }
    }
    if (said_raises) {
        for (std::string_view article : {"an ", "a ", "the "}) {
            if (rest.starts_with(article)) {
                rest = trim(rest.substr(article.size()));
                break;
            }
        }
    }
    std::size_t end = 0;
    while (end < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[end])) || rest[end] == '_' || rest[end] == '.')) {
        ++end;
    }
    std::string_view word = rest.substr(0, end);
    std::string_view after = trim(rest.substr(end));
    if (!is_exception_name(word.substr(word.rfind('.') == std::string_view::npos ? 0 : word.rfind('.') + 1))) {
        return false;
    }
    // Without "raises", only a trailing "ValueError" or "ValueError: message" counts.
    if (!said_raises && (!trailing || !(after.empty() || after.front() == ':' || after.front() == '('))) {
        return false;
    }
    *name = std::string(word);
    return true;
}

// Calls visit(i, depth) for each character of `text` outside quotes, with
// the bracket depth before it; stops early when visit returns true.
template <typename Visit>
void walk_outside_quotes(std::string_view text, Visit visit) {
    int depth = 0;
    char quote = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (quote != 0) {
            quote = ch == quote ? 0 : quote;
        } else if (ch == '\'' || ch == '"') {
            quote = ch;
        } else if (visit(i, depth)) {
            return;
        } else if (ch == '(' || ch == '[' || ch == '{') {
            ++depth;
        } else if (ch == ')' || ch == ']' || ch == '}') {
            --depth;
        }
    }
}

// Where `c` stands outside quotes, brackets and `<...>` reprs in `text`, or
// npos. For '#' only after a blank (a comment, not a `#` inside a value).
std::size_t find_top_level(std::string_view text, char c) {
    std::size_t found = std::string_view::npos;
    int angles = 0;  // `<Issue #12>`, `<Point: 1, 2>`
    walk_outside_quotes(text, [&](std::size_t i, int depth) {
        angles += text[i] == '<' ? 1 : text[i] == '>' && angles > 0 ? -1 : 0;
        if (text[i] == c && depth == 0 && angles == 0 &&
            (c != '#' || (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')))) {
            found = i;
            return true;
        }
        return false;
    });
    return found;
}

// An arrow's value and what the author wrote after it: a second comment
// (`-4.0  # floats too`), words after a comma (`True, both names are one
// list`), a parenthetical remark. Sets *remark (empty when there is none).
std::string_view split_arrow_remark(std::string_view text, std::string_view* remark) {
    text = trim(text);
    if (const std::size_t hash = find_top_level(text, '#'); hash != std::string_view::npos && hash > 0) {
        *remark = text.substr(hash);
        return trim(text.substr(0, hash));
    }
    if (const std::size_t comma = find_top_level(text, ','); comma != std::string_view::npos) {
        const std::string_view value = trim(text.substr(0, comma));
        if (!value.empty() && reads_as_value(value) && plain_word_run(text.substr(comma + 1)) >= 3) {
            *remark = text.substr(comma);
            return value;
        }
    }
    return split_remark(text, remark);
}

// Open minus closed brackets outside quotes.
int bracket_balance(std::string_view text) {
    int balance = 0;
    walk_outside_quotes(text, [&](std::size_t i, int depth) {
        const char c = text[i];
        balance = depth + (c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0);
        return false;
    });
    return balance;
}

struct Comment {
    const PyToken* token;
    int index;             // code line index
    bool trailing;         // code precedes it on its line
    std::string_view text; // after '#', trimmed
};

class ExpectationParser {
public:
    ExpectationParser(const std::vector<std::string_view>& lines, const std::vector<int>& line_map,
                      const std::vector<PyToken>& tokens)
        : m_lines(lines), m_line_map(line_map), m_tokens(tokens) {}

    std::vector<Expectation> run() {
        int top_level_start = -1;      // code line where the current top-level statement began
        int statement_start = -1;      // top-level start of the current logical line
        int last_statement = -1;       // start line of the last complete logical line
        bool print_statement = false;  // the current logical line starts with print(
        bool line_has_code = false;
        int current_line = -1;
        std::size_t i = 0;
        while (i < m_tokens.size()) {
            const PyToken& token = m_tokens[i];
            if (token.line != current_line) {
                current_line = token.line;
                line_has_code = false;
            }
            if (token.kind == PyTokenKind::newline) {
                if (statement_start >= 0) {
                    last_statement = statement_start;
                }
                statement_start = -1;
                ++i;
                continue;
            }
            if (token.kind != PyTokenKind::comment) {
                if (statement_start < 0) {
                    // Output printed inside a compound statement belongs to the
                    // top-level statement, so expectations point there.
                    if (token.column == 0 || top_level_start < 0) {
                        top_level_start = token.line;
                    }
                    statement_start = top_level_start;
                    print_statement = token.kind == PyTokenKind::name && token.text == "print";
                }
                line_has_code = true;
                ++i;
                continue;
            }
            Comment comment{&token, token.line, line_has_code, trim(token.text.substr(1))};
            const int statement = line_has_code ? statement_start : last_statement;
            const std::size_t next = read_comment(comment, statement, print_statement && line_has_code, i);
            // A multi-line expectation may have read past the end of the statement.
            for (std::size_t k = i + 1; k < next && k < m_tokens.size(); ++k) {
                if (m_tokens[k].kind == PyTokenKind::newline) {
                    if (statement_start >= 0) {
                        last_statement = statement_start;
                    }
                    statement_start = -1;
                }
            }
            i = next;
        }
        return std::move(m_expectations);
    }

private:
    int doc_line(int index) const { return index >= 0 && index < static_cast<int>(m_line_map.size()) ? m_line_map[index] : 0; }

    void add(int index, int statement, ExpectationKind kind, std::string_view value, std::string_view remark = {}) {
        Expectation expectation;
        expectation.line = doc_line(index);
        expectation.statement_line = doc_line(statement);
        expectation.kind = kind;
        expectation.expected = std::string(value);
        expectation.remark = std::string(remark);
        m_expectations.push_back(std::move(expectation));
    }

    // Own-line comments directly after token i, as (token index, text) pairs.
    std::size_t next_comment_line(std::size_t i) const {
        std::size_t next = i + 1;
        if (next < m_tokens.size() && m_tokens[next].kind == PyTokenKind::newline && m_tokens[next].line == m_tokens[i].line) {
            ++next;  // after a trailing comment comes the end of its logical line
        }
        if (next < m_tokens.size() && m_tokens[next].kind == PyTokenKind::comment && m_tokens[next].starts_line &&
            m_tokens[next].line == m_tokens[i].line + 1) {
            return next;
        }
        return 0;
    }

    // Reads one comment at token i; returns the next token index to visit.
    std::size_t read_comment(const Comment& comment, int statement, bool on_print, std::size_t i) {
        std::string_view text = comment.text;
        if (text.starts_with("snipcheck:")) {
            return i + 1;
        }
        if (comment.token->text.starts_with("#>")) {
            // pytest-examples style: consecutive `#> line` comments are one output.
            std::string value(trim(comment.token->text.substr(2)));
            std::size_t last = i;
            while (std::size_t next = next_comment_line(last)) {
                if (!std::string_view(m_tokens[next].text).starts_with("#>")) {
                    break;
                }
                value += '\n';
                value += trim(m_tokens[next].text.substr(2));
                last = next;
            }
            add(comment.index, statement, ExpectationKind::arrow, value);
            return last + 1;
        }
        std::string exception;
        if (read_raises(text, comment.trailing, &exception)) {
            add(comment.index, statement, ExpectationKind::raises, exception);
            return i + 1;
        }
        std::string_view value;
        if (strip_output_label(text, &value)) {
            if (value.empty() && !comment.trailing) {
                return read_output_lines(comment, statement, i);
            }
            if (!value.empty()) {
                std::string_view remark;
                std::string_view kept = split_remark(value, &remark);
                std::string expected(kept);
                const std::size_t last = remark.empty() ? read_output_continuation(comment, value, i, expected) : i;
                add(comment.index, statement, ExpectationKind::output_comment, expected, remark);
                return last + 1;
            }
            return i + 1;
        }
        if (text.starts_with("=>") || text.starts_with("->")) {
            std::string arrow_value(trim(text.substr(2)));
            std::size_t last = i;
            // A value with open brackets goes on in the next `# =>` comments.
            while (bracket_balance(arrow_value) > 0) {
                const std::size_t next = next_comment_line(last);
                if (next == 0) {
                    break;
                }
                std::string_view more = trim(m_tokens[next].text.substr(1));
                if (!more.starts_with("=>") && !more.starts_with("->")) {
                    break;
                }
                arrow_value += '\n';
                arrow_value += trim(more.substr(2));
                last = next;
            }
            std::string_view remark;
            std::string_view kept = split_arrow_remark(arrow_value, &remark);
            if (!kept.empty()) {
                add(comment.index, statement, ExpectationKind::arrow, kept, remark);
            }
            return last + 1;
        }
        if (on_print && comment.trailing) {
            std::string_view remark;
            std::string_view kept = split_remark(text, &remark);
            if (reads_as_value(kept)) {
                add(comment.index, statement, ExpectationKind::value_comment, kept, remark);
            }
        }
        return i + 1;
    }

    // `# Output: a` goes on in the comments right below it that are aligned
    // under its value (`#         b`), or that say `# Output: b` again: one
    // statement's output, a line per comment. A comment aligned otherwise is
    // a remark of its own. Appends to `expected`; returns the last token read.
    std::size_t read_output_continuation(const Comment& comment, std::string_view value, std::size_t i,
                                         std::string& expected) {
        const PyToken& first = *comment.token;
        const std::size_t indent = static_cast<std::size_t>(value.data() - first.text.data()) - 1;  // after the `#`
        std::size_t last = i;
        while (std::size_t next = next_comment_line(last)) {
            const PyToken& token = m_tokens[next];
            const std::string_view body = std::string_view(token.text).substr(1);
            std::string_view more;
            std::string_view remark;
            const std::size_t blanks = body.find_first_not_of(' ');
            if (strip_output_label(trim(body), &more)) {
                more = split_remark(more, &remark);
                if (more.empty() || !remark.empty()) {
                    break;
                }
            } else if (token.column == first.column && blanks != std::string_view::npos && blanks >= indent) {
                more = body.substr(indent);
                while (!more.empty() && (more.back() == ' ' || more.back() == '\t')) {
                    more.remove_suffix(1);
                }
            } else {
                break;
            }
            expected += '\n';
            expected += more;
            last = next;
        }
        return last;
    }

    // `# Output:` alone, then `# line` comments: the lines printed since the
    // previous expectation.
    std::size_t read_output_lines(const Comment& comment, int statement, std::size_t i) {
        std::string value;
        std::size_t last = i;
        bool first = true;
        while (std::size_t next = next_comment_line(last)) {
            std::string_view body = m_tokens[next].text.substr(1);
            if (!body.empty() && body.front() == ' ') {
                body.remove_prefix(1);
            }
            std::string_view probe;
            if (strip_output_label(trim(body), &probe) || trim(body).starts_with("snipcheck:")) {
                break;
            }
            if (!first) {
                value += '\n';
            }
            value += body;
            first = false;
            last = next;
        }
        if (!first) {
            add(comment.index, statement, ExpectationKind::output_lines, value);
        }
        return last + 1;
    }

    const std::vector<std::string_view>& m_lines;
    const std::vector<int>& m_line_map;
    const std::vector<PyToken>& m_tokens;
    std::vector<Expectation> m_expectations;
};

}  // namespace

bool is_exception_name(std::string_view word) {
    if (word.empty() || !std::isupper(static_cast<unsigned char>(word[0]))) {
        return false;
    }
    for (char c : word) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') {
            return false;
        }
    }
    static constexpr std::string_view k_suffixes[] = {"Error", "Exception", "Warning", "Exit", "Interrupt"};
    for (std::string_view suffix : k_suffixes) {
        if (word.ends_with(suffix)) {
            return true;
        }
    }
    return word == "StopIteration" || word == "StopAsyncIteration" || word == "DoesNotExist" ||
           word == "MultipleObjectsReturned" || word == "GeneratorExit";
}

std::vector<Expectation> parse_python_expectations(const std::vector<std::string_view>& lines,
                                                   const std::vector<int>& line_map,
                                                   const std::vector<PyToken>& tokens) {
    return ExpectationParser(lines, line_map, tokens).run();
}

}  // namespace snipcheck::extractor
