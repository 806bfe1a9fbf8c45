#include "extractor/value_syntax.hpp"

#include <cctype>

#include "extractor/line_classifier.hpp"

namespace snipcheck::extractor {
namespace {

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// A recursive-descent reader over Python's literal and repr syntax.
class ValueReader {
public:
    explicit ValueReader(std::string_view text) : m_text(text) {}

    // Reads one or more space-separated values covering the whole text.
    bool read_all() {
        skip_spaces();
        if (at_end()) {
            return false;
        }
        while (!at_end()) {
            if (!value(0)) {
                return false;
            }
            skip_spaces();
        }
        return true;
    }

private:
    bool at_end() const { return m_pos >= m_text.size(); }
    char peek() const { return at_end() ? '\0' : m_text[m_pos]; }
    void skip_spaces() {
        while (!at_end() && std::isspace(static_cast<unsigned char>(peek()))) {
            ++m_pos;
        }
    }
    bool eat(char c) {
        skip_spaces();
        if (peek() == c) {
            ++m_pos;
            return true;
        }
        return false;
    }

    bool value(int depth) {
        if (depth > 64) {
            return false;
        }
        skip_spaces();
        const char c = peek();
        if (c == '-' || c == '+' || std::isdigit(static_cast<unsigned char>(c)) || (c == '.' && m_pos + 1 < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos + 1])))) {
            return number();
        }
        if (c == '\'' || c == '"') {
            return string();
        }
        if (c == '[') {
            return sequence('[', ']', depth);
        }
        if (c == '(') {
            return sequence('(', ')', depth);
        }
        if (c == '{') {
            return sequence('{', '}', depth);
        }
        if (c == '<') {
            return angle_repr();
        }
        if (m_text.substr(m_pos, 3) == "...") {
            m_pos += 3;
            return true;
        }
        if (is_ident_start(c)) {
            return name_or_call(depth);
        }
        return false;
    }

    bool number() {
        const std::size_t start = m_pos;
        if (peek() == '-' || peek() == '+') {
            ++m_pos;
        }
        bool digits = false;
        while (!at_end() && (std::isalnum(static_cast<unsigned char>(peek())) || peek() == '.' || peek() == '_' ||
                             ((peek() == '-' || peek() == '+') && (m_text[m_pos - 1] == 'e' || m_text[m_pos - 1] == 'E')))) {
            digits = digits || std::isdigit(static_cast<unsigned char>(peek()));
            ++m_pos;
        }
        std::string_view token = m_text.substr(start, m_pos - start);
        if (!digits) {
            return token == "-inf" || token == "inf" || token == "nan";
        }
        // Letters allowed only as an exponent, a complex `j`, or a hex/bin/oct prefix.
        for (std::size_t i = 0; i < token.size(); ++i) {
            const char ch = static_cast<char>(std::tolower(static_cast<unsigned char>(token[i])));
            if (std::isalpha(static_cast<unsigned char>(ch)) && ch != 'e' && ch != 'j' && ch != 'x' && ch != 'b' &&
                ch != 'o' && !(ch >= 'a' && ch <= 'f' && token.find_first_of("xX") != std::string_view::npos)) {
                return false;
            }
        }
        return true;
    }

    bool string() {
        const char quote = peek();
        ++m_pos;
        while (!at_end()) {
            if (peek() == '\\') {
                m_pos += 2;
                continue;
            }
            if (peek() == quote) {
                ++m_pos;
                return true;
            }
            ++m_pos;
        }
        return false;
    }

    bool sequence(char open, char close, int depth) {
        ++m_pos;
        if (eat(close)) {
            return true;
        }
        while (true) {
            // `name=value` inside a call-like repr, `k: v` in a dict.
            skip_spaces();
            const std::size_t save = m_pos;
            if (is_ident_start(peek())) {
                while (!at_end() && is_ident_char(peek())) {
                    ++m_pos;
                }
                if (!eat('=')) {
                    m_pos = save;
                }
            }
            if (!value(depth + 1)) {
                return false;
            }
            if (open == '{' && eat(':') && !value(depth + 1)) {
                return false;
            }
            if (eat(close)) {
                return true;
            }
            if (!eat(',')) {
                return false;
            }
            if (eat(close)) {
                return true;
            }
        }
    }

    bool angle_repr() {
        int depth = 0;
        while (!at_end()) {
            const char c = peek();
            ++m_pos;
            if (c == '<') {
                ++depth;
            } else if (c == '>' && --depth == 0) {
                return true;
            }
        }
        return false;
    }

    bool name_or_call(int depth) {
        const std::size_t start = m_pos;
        while (!at_end() && (is_ident_char(peek()) || peek() == '.')) {
            ++m_pos;
        }
        std::string_view name = m_text.substr(start, m_pos - start);
        if (peek() == '(') {
            return sequence('(', ')', depth);
        }
        if (peek() == '\'' || peek() == '"') {
            return name.size() <= 2 && string();  // b'..', r'..'
        }
        return name == "True" || name == "False" || name == "None" || name == "Ellipsis" || name == "NotImplemented" ||
               name == "inf" || name == "nan";
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

}  // namespace

bool reads_as_value(std::string_view text) {
    text = trim(text);
    if (text.empty() || text.size() > 4096) {
        return false;
    }
    return ValueReader(text).read_all();
}

std::string_view split_remark(std::string_view text, std::string_view* remark) {
    text = trim(text);
    if (remark != nullptr) {
        *remark = {};
    }
    if (text.empty() || text.back() != ')') {
        return text;
    }
    // Find the '(' matching the final ')'.
    int depth = 0;
    std::size_t open = std::string_view::npos;
    for (std::size_t i = text.size(); i-- > 0;) {
        if (text[i] == ')') {
            ++depth;
        } else if (text[i] == '(' && --depth == 0) {
            open = i;
            break;
        }
    }
    if (open == std::string_view::npos || open == 0 || text[open - 1] != ' ') {
        return text;
    }
    std::string_view inner = trim(text.substr(open + 1, text.size() - open - 2));
    std::string_view value = trim(text.substr(0, open));
    // "(Expected ['Banana'])" is a remark; "(1, 2)" after a value would be a second value.
    if (inner.empty() || !std::isalpha(static_cast<unsigned char>(inner[0])) || reads_as_value(inner) || value.empty()) {
        return text;
    }
    if (remark != nullptr) {
        *remark = text.substr(open);
    }
    return value;
}

}  // namespace snipcheck::extractor
