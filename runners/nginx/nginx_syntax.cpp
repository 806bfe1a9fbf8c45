#include "runners/nginx/nginx_syntax.hpp"

namespace snipcheck::runners::nginx {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool ends_word(char c) {
    return is_space(c) || c == ';' || c == '{' || c == '}';
}

// `...` or `…` standing where a document elides part of a configuration.
bool is_placeholder(const NginxToken& token) {
    if (token.quoted || token.text.empty()) {
        return false;
    }
    std::string_view rest = token.text;
    while (!rest.empty()) {
        if (rest.front() == '.') {
            rest.remove_prefix(1);
        } else if (rest.starts_with("\xE2\x80\xA6")) {
            rest.remove_prefix(3);
        } else {
            return false;
        }
    }
    return token.text != ".";
}

class Tokenizer {
public:
    explicit Tokenizer(std::string_view code) : m_code(code) {}

    std::vector<NginxToken> run() {
        while (m_pos < m_code.size()) {
            const char c = m_code[m_pos];
            if (c == '\n') {
                ++m_line;
                ++m_pos;
            } else if (is_space(c)) {
                ++m_pos;
            } else if (c == '#') {
                while (m_pos < m_code.size() && m_code[m_pos] != '\n') {
                    ++m_pos;
                }
            } else if (c == ';' || c == '{' || c == '}') {
                NginxToken token;
                token.kind = c == ';'   ? NginxToken::Kind::semicolon
                             : c == '{' ? NginxToken::Kind::open_brace
                                        : NginxToken::Kind::close_brace;
                token.begin = m_pos;
                token.end = ++m_pos;
                token.line = m_line;
                m_tokens.push_back(token);
            } else if (c == '"' || c == '\'') {
                read_quoted(c);
            } else {
                read_word();
            }
        }
        return std::move(m_tokens);
    }

private:
    void read_quoted(char quote) {
        NginxToken token;
        token.quoted = true;
        token.begin = m_pos++;
        token.line = m_line;
        while (m_pos < m_code.size() && m_code[m_pos] != quote) {
            char c = m_code[m_pos];
            if (c == '\\' && m_pos + 1 < m_code.size()) {
                const char next = m_code[m_pos + 1];
                // nginx unescapes only the quotes and the backslash itself.
                if (next == '"' || next == '\'' || next == '\\') {
                    c = next;
                    ++m_pos;
                }
            }
            if (c == '\n') {
                ++m_line;
                token.spans_lines = true;
            }
            token.text += c;
            ++m_pos;
        }
        if (m_pos < m_code.size()) {
            ++m_pos;
        }
        token.end = m_pos;
        m_tokens.push_back(token);
    }

    void read_word() {
        NginxToken token;
        token.begin = m_pos;
        token.line = m_line;
        bool in_variable = false;
        while (m_pos < m_code.size()) {
            const char c = m_code[m_pos];
            if (c == '\\' && m_pos + 1 < m_code.size() && m_code[m_pos + 1] != '\n') {
                token.text += m_code.substr(m_pos, 2);
                m_pos += 2;
                continue;
            }
            if (c == '{' && !token.text.empty() && token.text.back() == '$') {
                in_variable = true;
            } else if (c == '}' && in_variable) {
                in_variable = false;
            } else if (ends_word(c)) {
                break;
            }
            token.text += c;
            ++m_pos;
        }
        token.end = m_pos;
        m_tokens.push_back(token);
    }

    std::string_view m_code;
    std::size_t m_pos = 0;
    int m_line = 1;
    std::vector<NginxToken> m_tokens;
};

}  // namespace

NginxSyntax read_nginx_syntax(std::string_view code) {
    NginxSyntax syntax;
    syntax.tokens = Tokenizer(code).run();
    syntax.line_count = 1;
    for (const char c : code) {
        syntax.line_count += c == '\n' ? 1 : 0;
    }
    if (!code.empty() && code.back() == '\n') {
        --syntax.line_count;
    }
    std::vector<int> open;  // indexes of the block statements not yet closed
    int current = -1;       // statement whose `;` or `{` has not come yet
    for (std::size_t i = 0; i < syntax.tokens.size(); ++i) {
        const NginxToken& token = syntax.tokens[i];
        if (token.kind == NginxToken::Kind::word) {
            if (current >= 0) {
                syntax.statements[current].args.push_back(i);
                continue;
            }
            if (is_placeholder(token)) {
                std::size_t end = token.end;
                if (i + 1 < syntax.tokens.size() && syntax.tokens[i + 1].kind == NginxToken::Kind::semicolon) {
                    end = syntax.tokens[++i].end;  // `...;` goes as a whole
                }
                syntax.placeholders.emplace_back(token.begin, end);
                continue;
            }
            NginxStatement statement;
            statement.name = token.text;
            statement.first_line = token.line;
            statement.begin = token.begin;
            statement.depth = static_cast<int>(open.size());
            statement.parent = open.empty() ? -1 : open.back();
            syntax.statements.push_back(statement);
            current = static_cast<int>(syntax.statements.size()) - 1;
        } else if (token.kind == NginxToken::Kind::semicolon || token.kind == NginxToken::Kind::open_brace) {
            if (current < 0) {
                continue;  // a stray `;` or `{`: nginx reports it, the layout does not care
            }
            NginxStatement& statement = syntax.statements[current];
            statement.head_line = token.line;
            statement.last_line = token.line;
            statement.end = token.end;
            statement.head_end = token.end;
            if (token.kind == NginxToken::Kind::open_brace) {
                statement.block = true;
                open.push_back(current);
            }
            current = -1;
        } else {
            if ((current >= 0 || open.empty()) && syntax.balanced) {
                syntax.balanced = false;
                syntax.unbalanced_line = current >= 0 ? syntax.statements[current].first_line : token.line;
            }
            if (current >= 0) {
                syntax.statements[current].head_line = token.line;
                syntax.statements[current].last_line = token.line;
                syntax.statements[current].end = token.begin;
                syntax.statements[current].head_end = token.begin;
                current = -1;
            }
            if (!open.empty()) {
                syntax.statements[open.back()].last_line = token.line;
                syntax.statements[open.back()].end = token.end;
                open.pop_back();
            }
        }
    }
    if (current >= 0 || !open.empty()) {
        if (syntax.balanced) {
            syntax.unbalanced_line = current >= 0 ? syntax.statements[current].first_line
                                                  : syntax.statements[open.back()].first_line;
        }
        syntax.balanced = false;
        const int last = syntax.line_count;
        if (current >= 0) {
            syntax.statements[current].head_line = last;
            syntax.statements[current].last_line = last;
            syntax.statements[current].end = code.size();
            syntax.statements[current].head_end = code.size();
        }
        for (const int index : open) {
            syntax.statements[index].last_line = last;
            syntax.statements[index].end = code.size();
        }
    }
    return syntax;
}

const std::string& statement_arg(const NginxSyntax& syntax, const NginxStatement& statement, std::size_t index) {
    static const std::string k_none;
    return index < statement.args.size() ? syntax.tokens[statement.args[index]].text : k_none;
}

bool directive_is(std::string_view name, std::string_view base) {
    if (name == base) {
        return true;
    }
    return name.size() > base.size() && name.ends_with(base) && name[name.size() - base.size() - 1] == '_';
}

}  // namespace snipcheck::runners::nginx
