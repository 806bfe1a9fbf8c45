#include "runners/shell/shell_commands.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace snipcheck::runners::shell {
namespace {

// fd_number: the 2 of "2>file", part of the redirection that follows.
enum class TokenKind { word, separator, redirection, fd_number };

struct Token {
    TokenKind kind = TokenKind::word;
    std::string text;
    int line = 0;
    bool assignment = false;  // NAME=... with the '=' unquoted
};

struct PendingHeredoc {
    std::string delimiter;
    bool strip_tabs = false;
};

bool is_operator_char(char c) {
    return c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<' || c == '>';
}

bool is_name(std::string_view text) {
    if (text.empty() || std::isdigit(static_cast<unsigned char>(text[0])) != 0) {
        return false;
    }
    for (const char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '_') {
            return false;
        }
    }
    return true;
}

class Lexer {
public:
    explicit Lexer(std::string_view script) : m_text(script) {}

    std::vector<Token> tokens() {
        std::vector<Token> out;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == ' ' || c == '\t' || c == '\r') {
                ++m_pos;
            } else if (c == '\\' && peek(1) == '\n') {
                m_pos += 2;
                ++m_line;
            } else if (c == '\n') {
                out.push_back({TokenKind::separator, "\n", m_line, false});
                ++m_pos;
                ++m_line;
                skip_heredoc_bodies();
            } else if (c == '#') {
                while (m_pos < m_text.size() && m_text[m_pos] != '\n') {
                    ++m_pos;
                }
            } else if (is_operator_char(c)) {
                read_operator(out);
            } else {
                out.push_back(read_word());
            }
        }
        return out;
    }

private:
    char peek(std::size_t ahead) const {
        return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : '\0';
    }

    void read_operator(std::vector<Token>& out) {
        static constexpr std::array<std::string_view, 12> k_redirections = {
            "<<<", "<<-", "&>>", "<<", ">>", ">|", ">&", "<&", "<>", "&>", ">", "<"};
        for (const std::string_view op : k_redirections) {
            if (m_text.substr(m_pos, op.size()) != op) {
                continue;
            }
            m_pos += op.size();
            if (op == "<<" || op == "<<-") {
                skip_blanks();
                const Token delimiter = read_word();
                m_pending.push_back({delimiter.text, op == "<<-"});
                return;  // the delimiter is not a word of the command
            }
            out.push_back({TokenKind::redirection, std::string(op), m_line, false});
            return;
        }
        const std::string_view two = m_text.substr(m_pos, 2);
        const std::size_t size = two == "&&" || two == "||" || two == ";;" || two == ";&" || two == "|&" ? 2 : 1;
        out.push_back({TokenKind::separator, std::string(m_text.substr(m_pos, size)), m_line, false});
        m_pos += size;
    }

    void skip_blanks() {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t')) {
            ++m_pos;
        }
    }

    // Copies a $(...), $((...)) or ${...} verbatim, with what it nests.
    void copy_nested(std::string& word, char open, char close) {
        int depth = 0;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            word += c;
            ++m_pos;
            if (c == '\n') {
                ++m_line;
            } else if (c == '\\' && m_pos < m_text.size()) {
                word += m_text[m_pos++];
            } else if (c == open) {
                ++depth;
            } else if (c == close && --depth == 0) {
                return;
            }
        }
    }

    void read_dollar(std::string& word) {
        const char next = peek(1);
        if (next == '(' || next == '{') {
            word += '$';
            ++m_pos;
            copy_nested(word, next, next == '(' ? ')' : '}');
        } else {
            word += '$';
            ++m_pos;
        }
    }

    void read_double_quoted(std::string& word) {
        ++m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] != '"') {
            const char c = m_text[m_pos];
            if (c == '\\' && peek(1) == '\n') {
                m_pos += 2;
                ++m_line;
            } else if (c == '\\' && (peek(1) == '"' || peek(1) == '\\' || peek(1) == '$' || peek(1) == '`')) {
                word += peek(1);
                m_pos += 2;
            } else if (c == '$') {
                read_dollar(word);
            } else {
                m_line += c == '\n' ? 1 : 0;
                word += c;
                ++m_pos;
            }
        }
        ++m_pos;
    }

    Token read_word() {
        Token token{TokenKind::word, {}, m_line, false};
        bool quoted = false;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || is_operator_char(c)) {
                break;
            }
            if (c == '\'') {
                const std::size_t close = m_text.find('\'', m_pos + 1);
                const std::size_t end = close == std::string_view::npos ? m_text.size() : close;
                const std::string_view inside = m_text.substr(m_pos + 1, end - m_pos - 1);
                token.text += inside;
                m_line += static_cast<int>(std::count(inside.begin(), inside.end(), '\n'));
                m_pos = end + 1;
                quoted = true;
            } else if (c == '"') {
                read_double_quoted(token.text);
                quoted = true;
            } else if (c == '\\') {
                if (peek(1) == '\n') {
                    ++m_line;
                } else if (m_pos + 1 < m_text.size()) {
                    token.text += m_text[m_pos + 1];
                }
                m_pos += 2;
                quoted = true;
            } else if (c == '$') {
                read_dollar(token.text);
            } else if (c == '`') {
                const std::size_t close = m_text.find('`', m_pos + 1);
                const std::size_t end = close == std::string_view::npos ? m_text.size() : close + 1;
                token.text += m_text.substr(m_pos, end - m_pos);
                m_pos = end;
            } else {
                if (c == '=' && !quoted && !token.assignment && is_name(token.text)) {
                    token.assignment = true;
                }
                token.text += c;
                ++m_pos;
            }
        }
        m_pos = std::min(m_pos, m_text.size());
        // "2>file": the digits name a file descriptor of the redirection that follows.
        if (!quoted && m_pos < m_text.size() && (m_text[m_pos] == '<' || m_text[m_pos] == '>') &&
            !token.text.empty() && token.text.find_first_not_of("0123456789") == std::string::npos) {
            token.kind = TokenKind::fd_number;
        }
        return token;
    }

    void skip_heredoc_bodies() {
        for (const PendingHeredoc& heredoc : m_pending) {
            while (m_pos < m_text.size()) {
                const std::size_t end = std::min(m_text.find('\n', m_pos), m_text.size());
                std::string_view line = m_text.substr(m_pos, end - m_pos);
                m_pos = end + 1;
                ++m_line;
                while (heredoc.strip_tabs && !line.empty() && line.front() == '\t') {
                    line.remove_prefix(1);
                }
                if (!line.empty() && line.back() == '\r') {
                    line.remove_suffix(1);
                }
                if (line == heredoc.delimiter) {
                    break;
                }
            }
        }
        m_pending.clear();
        m_pos = std::min(m_pos, m_text.size());
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_line = 1;
    std::vector<PendingHeredoc> m_pending;
};

bool is_reserved_word(const std::string& word) {
    static constexpr std::array<std::string_view, 14> k_reserved = {
        "!", "{", "}", "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "time", "esac"};
    return std::find(k_reserved.begin(), k_reserved.end(), word) != k_reserved.end();
}

bool starts_compound_header(const std::string& word) {
    return word == "for" || word == "case" || word == "select" || word == "function";
}

}  // namespace

std::vector<ShellCommand> simple_commands(std::string_view script) {
    const std::vector<Token> tokens = Lexer(script).tokens();
    std::vector<ShellCommand> commands;
    ShellCommand current;
    bool skipping = false;  // inside "for x in a b" or "case word in": no command there
    const auto finish = [&] {
        if (!current.words.empty()) {
            commands.push_back(std::move(current));
        }
        current = ShellCommand{};
        skipping = false;
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& token = tokens[i];
        if (token.kind == TokenKind::fd_number) {
            continue;
        }
        if (token.kind == TokenKind::separator) {
            finish();
            continue;
        }
        if (token.kind == TokenKind::redirection) {
            if (i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::word) {
                ++i;  // its target
            }
            continue;
        }
        if (skipping) {
            continue;
        }
        if (current.words.empty()) {
            if (token.assignment || is_reserved_word(token.text)) {
                continue;
            }
            if (starts_compound_header(token.text)) {
                skipping = true;
                continue;
            }
            current.line = token.line;
        }
        current.words.push_back(token.text);
    }
    finish();
    return commands;
}

}  // namespace snipcheck::runners::shell
