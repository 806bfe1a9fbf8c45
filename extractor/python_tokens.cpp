#include "extractor/python_tokens.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "extractor/line_classifier.hpp"

namespace snipcheck::extractor {
namespace {

// Character classes by table: the tokenizer asks about every byte of every
// Python snippet, and one load beats a chain of range compares.
enum CharClass : std::uint8_t { k_ident_start = 1, k_digit = 2 };

constexpr std::array<std::uint8_t, 256> k_char_classes = [] {
    std::array<std::uint8_t, 256> classes{};
    for (int c = 0; c < 256; ++c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80) {
            classes[static_cast<std::size_t>(c)] = k_ident_start;
        } else if (c >= '0' && c <= '9') {
            classes[static_cast<std::size_t>(c)] = k_digit;
        }
    }
    return classes;
}();

bool is_ident_start(unsigned char c) { return k_char_classes[c] == k_ident_start; }
bool is_ident_char(unsigned char c) { return k_char_classes[c] != 0; }
bool is_digit(unsigned char c) { return k_char_classes[c] == k_digit; }

// String prefixes Python accepts before a quote (case-insensitive).
bool is_string_prefix(std::string_view word) {
    if (word.size() > 2) {
        return false;
    }
    for (char c : word) {
        char lower = static_cast<char>(c | 0x20);
        if (lower != 'r' && lower != 'b' && lower != 'u' && lower != 'f') {
            return false;
        }
    }
    return true;
}

class Tokenizer {
public:
    Tokenizer(const std::vector<std::string_view>& lines, std::vector<PyToken>& tokens) : m_lines(lines), m_tokens(tokens) {
        m_tokens.clear();
    }

    void run() {
        std::size_t bytes = 0;
        for (std::string_view line : m_lines) {
            bytes += line.size();
        }
        m_tokens.reserve(bytes / 3 + 4);
        for (m_line = 0; m_line < static_cast<int>(m_lines.size()); ++m_line) {
            scan_line();
        }
        if (m_has_logical_content) {
            emit_newline(static_cast<int>(m_lines.size()) - 1, 0);
        }
    }

private:
    void scan_line() {
        std::string_view text = m_lines[m_line];
        int col = 0;
        const int size = static_cast<int>(text.size());
        bool first = true;
        bool continued = false;
        if (m_open_string.active) {
            col = continue_string(text);
            if (m_open_string.active) {
                return;
            }
            first = false;
        }
        while (col < size) {
            const auto c = static_cast<unsigned char>(text[col]);
            if (c == ' ' || c == '\t' || c == '\f') {
                ++col;
                continue;
            }
            if (c == '\\' && col == size - 1) {
                continued = true;
                break;
            }
            // Filled in place: a token built aside and copied in cost a
            // store-forwarding stall per token.
            PyToken& token = m_tokens.emplace_back();
            token.line = m_line;
            token.column = col;
            token.starts_line = first;
            first = false;
            if (c == '#') {
                token.kind = PyTokenKind::comment;
                token.text = text.substr(col);
                col = size;
            } else if (is_ident_start(c)) {
                int end = col + 1;
                while (end < size && is_ident_char(static_cast<unsigned char>(text[end]))) {
                    ++end;
                }
                std::string_view word = text.substr(col, end - col);
                if (end < size && (text[end] == '\'' || text[end] == '"') && is_string_prefix(word)) {
                    col = scan_string(text, col, end, token);
                } else {
                    token.kind = PyTokenKind::name;
                    token.text = word;
                    col = end;
                }
            } else if (c == '\'' || c == '"') {
                col = scan_string(text, col, col, token);
            } else if (is_digit(c) || (c == '.' && col + 1 < size && is_digit(static_cast<unsigned char>(text[col + 1])))) {
                int end = col + 1;
                while (end < size) {
                    const auto d = static_cast<unsigned char>(text[end]);
                    const bool exponent_sign = (d == '+' || d == '-') && (text[end - 1] == 'e' || text[end - 1] == 'E') &&
                                               !(text[col] == '0' && col + 1 < size && (text[col + 1] == 'x' || text[col + 1] == 'X'));
                    if (is_ident_char(d) || d == '.' || exponent_sign) {
                        ++end;
                    } else {
                        break;
                    }
                }
                token.kind = PyTokenKind::number;
                token.text = text.substr(col, end - col);
                col = end;
            } else {
                col = scan_operator(text, col, token);
            }
            if (token.kind == PyTokenKind::string && m_open_string.active) {
                // A triple-quoted string goes on past this line; its end
                // position is set when it closes.
                m_open_string.token_index = static_cast<int>(m_tokens.size()) - 1;
                m_has_logical_content = true;
                return;
            }
            if (token.kind != PyTokenKind::comment) {
                m_has_logical_content = true;
            }
        }
        if (!continued && m_depth == 0 && m_has_logical_content) {
            emit_newline(m_line, size);
        }
    }

    void emit_newline(int line, int column) {
        PyToken& newline = m_tokens.emplace_back();
        newline.kind = PyTokenKind::newline;
        newline.line = line;
        newline.column = column;
        newline.end_line = line;
        newline.end_column = column;
        m_has_logical_content = false;
    }

    // Scans a string starting at `start` (prefix start) whose quote is at `quote_at`.
    int scan_string(std::string_view text, int start, int quote_at, PyToken& token) {
        const int size = static_cast<int>(text.size());
        const char quote = text[quote_at];
        const bool triple = quote_at + 2 < size && text[quote_at + 1] == quote && text[quote_at + 2] == quote;
        token.kind = PyTokenKind::string;
        int col = quote_at + (triple ? 3 : 1);
        while (col < size) {
            if (text[col] == '\\') {
                col += 2;
                continue;
            }
            if (text[col] == quote) {
                if (!triple) {
                    token.text = text.substr(start, col + 1 - start);
                    token.end_line = m_line;
                    token.end_column = col + 1;
                    return col + 1;
                }
                if (col + 2 < size && text[col + 1] == quote && text[col + 2] == quote) {
                    token.text = text.substr(start, col + 3 - start);
                    token.end_line = m_line;
                    token.end_column = col + 3;
                    return col + 3;
                }
            }
            ++col;
        }
        token.text = text.substr(start);
        if (triple || (size > 0 && text[size - 1] == '\\')) {
            m_open_string = {true, triple, quote, -1};
            return size;
        }
        // An unterminated one-line string: Python would reject it; keep going.
        token.kind = PyTokenKind::error;
        token.end_line = m_line;
        token.end_column = size;
        return size;
    }

    // Continues an open multi-line string on the current line; returns the column after it.
    int continue_string(std::string_view text) {
        const int size = static_cast<int>(text.size());
        int col = 0;
        while (col < size) {
            if (text[col] == '\\') {
                col += 2;
                continue;
            }
            if (text[col] == m_open_string.quote) {
                const bool closes = !m_open_string.triple ||
                                    (col + 2 < size && text[col + 1] == m_open_string.quote && text[col + 2] == m_open_string.quote);
                if (closes) {
                    const int end = col + (m_open_string.triple ? 3 : 1);
                    PyToken& token = m_tokens[m_open_string.token_index];
                    token.end_line = m_line;
                    token.end_column = end;
                    m_open_string.active = false;
                    return end;
                }
            }
            ++col;
        }
        if (!m_open_string.triple && !(size > 0 && text[size - 1] == '\\')) {
            m_open_string.active = false;  // a broken continuation: stop here
        }
        return size;
    }

    // Operators by their first character; no table scan, no string compares.
    int scan_operator(std::string_view text, int col, PyToken& token) {
        token.kind = PyTokenKind::op;
        const int size = static_cast<int>(text.size());
        const char c = text[col];
        const char next = col + 1 < size ? text[col + 1] : '\0';
        const char third = col + 2 < size ? text[col + 2] : '\0';
        int width = 1;
        switch (c) {
        case '(': case '[': case '{':
            ++m_depth;
            break;
        case ')': case ']': case '}':
            m_depth = std::max(0, m_depth - 1);
            break;
        case '*': case '/': case '<': case '>':
            if (next == c) {
                width = third == '=' ? 3 : 2;
            } else if (next == '=' || (c == '<' && next == '>')) {
                width = 2;
            }
            break;
        case '.':
            width = next == '.' && third == '.' ? 3 : 1;
            break;
        case '-':
            width = next == '>' || next == '=' ? 2 : 1;
            break;
        case ':': case '=': case '!': case '+': case '%': case '&': case '|': case '^': case '@':
            width = next == '=' ? 2 : 1;
            break;
        case ',': case ';': case '~': case '$': case '?': case '`':
            break;
        default:
            token.kind = PyTokenKind::error;
            break;
        }
        token.text = text.substr(col, static_cast<std::size_t>(width));
        return col + width;
    }

    struct OpenString {
        bool active = false;
        bool triple = false;
        char quote = '"';
        int token_index = -1;
    };

    const std::vector<std::string_view>& m_lines;
    std::vector<PyToken>& m_tokens;
    OpenString m_open_string;
    int m_line = 0;
    int m_depth = 0;
    bool m_has_logical_content = false;
};

}  // namespace

std::vector<PyToken> tokenize_python(const std::vector<std::string_view>& lines) {
    std::vector<PyToken> tokens;
    Tokenizer(lines, tokens).run();
    return tokens;
}

void tokenize_python(const std::vector<std::string_view>& lines, std::vector<PyToken>& tokens) {
    Tokenizer(lines, tokens).run();
}

bool is_python_keyword(std::string_view word) {
    // Checked on every name in every snippet: dispatch on length first.
    switch (word.size()) {
    case 2: return word == "as" || word == "if" || word == "in" || word == "is" || word == "or";
    case 3: return word == "and" || word == "def" || word == "del" || word == "for" || word == "not" || word == "try";
    case 4: return word == "None" || word == "True" || word == "elif" || word == "else" || word == "from" ||
                   word == "pass" || word == "with";
    case 5: return word == "False" || word == "async" || word == "await" || word == "break" || word == "class" ||
                   word == "raise" || word == "while" || word == "yield";
    case 6: return word == "assert" || word == "except" || word == "global" || word == "import" || word == "lambda" ||
                   word == "return";
    case 7: return word == "finally";
    case 8: return word == "continue" || word == "nonlocal";
    default: return false;
    }
}

std::string_view string_literal_body(std::string_view token_text) {
    std::size_t quote = find_one_of(token_text, "'\"");
    if (quote == std::string_view::npos) {
        return {};
    }
    const char q = token_text[quote];
    std::size_t width = 1;
    if (token_text.size() >= quote + 6 && token_text[quote + 1] == q && token_text[quote + 2] == q) {
        width = 3;
    }
    if (token_text.size() < quote + 2 * width) {
        return {};
    }
    return token_text.substr(quote + width, token_text.size() - quote - 2 * width);
}

}  // namespace snipcheck::extractor
