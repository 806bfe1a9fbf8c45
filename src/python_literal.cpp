#include "src/python_literal.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "src/python_number_literal.hpp"
#include "src/python_string_literal.hpp"

namespace snipcheck {
namespace {

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

int compare_doubles(double a, double b) {
    const bool a_nan = std::isnan(a);
    const bool b_nan = std::isnan(b);
    if (a_nan || b_nan) {
        return a_nan == b_nan ? 0 : (a_nan ? 1 : -1);
    }
    if (a < b) {
        return -1;
    }
    if (a > b) {
        return 1;
    }
    // Python prints -0.0 and 0.0 differently.
    return std::signbit(b) - std::signbit(a);
}

int compare_text(const std::string& a, const std::string& b) {
    const int c = a.compare(b);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

// A total order on canonical trees; 0 means equal as printed.
int compare_values(const PyValue& a, const PyValue& b) {
    if (a.kind != b.kind) {
        return static_cast<int>(a.kind) < static_cast<int>(b.kind) ? -1 : 1;
    }
    if (int c = compare_text(a.keyword, b.keyword); c != 0) {
        return c;
    }
    if (int c = compare_text(a.text, b.text); c != 0) {
        return c;
    }
    if (int c = compare_doubles(a.real, b.real); c != 0) {
        return c;
    }
    if (int c = compare_doubles(a.imag, b.imag); c != 0) {
        return c;
    }
    const std::size_t n = std::min(a.items.size(), b.items.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (int c = compare_values(a.items[i], b.items[i]); c != 0) {
            return c;
        }
    }
    if (a.items.size() != b.items.size()) {
        return a.items.size() < b.items.size() ? -1 : 1;
    }
    return 0;
}

void sort_canonically(std::vector<PyValue>& items) {
    std::sort(items.begin(), items.end(),
              [](const PyValue& a, const PyValue& b) { return compare_values(a, b) < 0; });
}

PyValue make(PyKind kind, std::string text = {}) {
    PyValue value;
    value.kind = kind;
    value.text = std::move(text);
    return value;
}

// A recursive-descent reader over Python's literal syntax plus `Name(args)`
// reprs. Every member returns nullopt/false on the first thing it does not
// understand; nothing throws.
class LiteralParser {
public:
    explicit LiteralParser(std::string_view text) : m_text(text) {}

    std::optional<std::vector<PyValue>> values() {
        std::vector<PyValue> out;
        skip_blank();
        while (!at_end()) {
            std::optional<PyValue> value = read_value(0);
            if (!value) {
                return std::nullopt;
            }
            out.push_back(std::move(*value));
            const std::size_t before = m_pos;
            skip_blank();
            if (!at_end() && m_pos == before) {
                return std::nullopt;  // `1'a'`: print() separates values by a space
            }
        }
        if (out.empty()) {
            return std::nullopt;
        }
        return out;
    }

private:
    bool at_end() const { return m_pos >= m_text.size(); }
    char peek(std::size_t ahead = 0) const { return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : '\0'; }

    // Spaces and tabs; newlines too inside brackets, as Python allows there.
    void skip_blank() {
        while (!at_end()) {
            const char c = peek();
            if (c == ' ' || c == '\t' || ((c == '\n' || c == '\r') && m_brackets > 0)) {
                ++m_pos;
            } else {
                break;
            }
        }
    }

    bool eat(char c) {
        skip_blank();
        if (peek() == c) {
            ++m_pos;
            return true;
        }
        return false;
    }

    std::optional<PyValue> read_value(int depth) {
        if (depth > k_max_literal_depth) {
            return std::nullopt;
        }
        skip_blank();
        const char c = peek();
        if (c == '-' || c == '+') {
            ++m_pos;
            std::optional<PyValue> operand = read_operand_number();
            if (operand && c == '-') {
                negate_number(*operand);
            }
            return operand;
        }
        if (is_digit(c) || (c == '.' && is_digit(peek(1)))) {
            return read_number();
        }
        if (c == '\'' || c == '"') {
            return read_string(false, false);
        }
        if (c == '[') {
            return read_list(depth);
        }
        if (c == '(') {
            return read_paren(depth);
        }
        if (c == '{') {
            return read_brace(depth);
        }
        if (is_ident_start(c)) {
            return read_name(depth);
        }
        return std::nullopt;
    }

    // The readers of numbers and strings take the position and give it back.
    template <typename Read>
    auto through_cursor(Read read) {
        LiteralCursor cursor{m_text, m_pos};
        auto value = read(cursor);
        m_pos = cursor.pos;
        return value;
    }

    std::optional<PyValue> read_number() { return through_cursor(read_number_literal); }
    std::optional<PyValue> read_operand_number() { return through_cursor(read_signed_number); }

    std::optional<PyValue> read_string(bool raw, bool bytes) {
        std::optional<std::string> text =
            through_cursor([&](LiteralCursor& cursor) { return read_string_literal(cursor, raw, bytes); });
        if (!text) {
            return std::nullopt;
        }
        return make(bytes ? PyKind::bytes : PyKind::str, std::move(*text));
    }

    // Comma-separated items up to `close`, a trailing comma allowed; in a
    // call's parentheses an item may be `keyword=value`.
    bool read_items(char close, int depth, bool call, std::vector<PyValue>* items) {
        while (true) {
            if (eat(close)) {
                return true;
            }
            std::optional<PyValue> item = read_item(depth, call);
            if (!item) {
                return false;
            }
            items->push_back(std::move(*item));
            if (!eat(',')) {
                return eat(close);
            }
        }
    }

    std::optional<PyValue> read_item(int depth, bool call) {
        skip_blank();
        std::string keyword;
        if (call && is_ident_start(peek())) {
            const std::size_t save = m_pos;
            while (is_ident_char(peek())) {
                ++m_pos;
            }
            keyword = std::string(m_text.substr(save, m_pos - save));
            if (!eat('=') || peek() == '=') {
                m_pos = save;
                keyword.clear();
            }
        }
        std::optional<PyValue> item = read_value(depth + 1);
        if (item) {
            item->keyword = std::move(keyword);
        }
        return item;
    }

    std::optional<PyValue> read_list(int depth) {
        ++m_pos;
        PyValue value = make(PyKind::list);
        ++m_brackets;
        const bool ok = read_items(']', depth, false, &value.items);
        --m_brackets;
        if (!ok) {
            return std::nullopt;
        }
        return value;
    }

    std::optional<PyValue> read_paren(int depth) {
        ++m_pos;
        ++m_brackets;
        std::optional<PyValue> result = read_paren_body(depth);
        --m_brackets;
        return result;
    }

    std::optional<PyValue> read_paren_body(int depth) {
        PyValue tuple = make(PyKind::tuple);
        if (eat(')')) {
            return tuple;
        }
        skip_blank();
        const bool negative = peek() == '-';
        std::optional<PyValue> first = read_value(depth + 1);
        if (!first) {
            return std::nullopt;
        }
        if (first->kind == PyKind::integer || first->kind == PyKind::floating) {
            if (std::optional<PyValue> number = read_complex_rest(*first, negative)) {
                return number;
            }
        }
        if (eat(')')) {
            return first;  // parentheses only group
        }
        if (!eat(',')) {
            return std::nullopt;
        }
        tuple.items.push_back(std::move(*first));
        if (!read_items(')', depth, false, &tuple.items)) {
            return std::nullopt;
        }
        return tuple;
    }

    // After the real part of `(1+2j)` / `(-0-1j)`, how Python prints a
    // complex: the signed imaginary part and `)`. Leaves the position
    // unchanged when the text goes on otherwise. `negative`: the real part
    // was written with a minus, so an int `-0` is the float -0.0.
    std::optional<PyValue> read_complex_rest(const PyValue& real, bool negative) {
        const std::size_t save = m_pos;
        skip_blank();
        const char sign = peek();
        if (sign == '+' || sign == '-') {
            ++m_pos;
            skip_blank();
            std::optional<PyValue> imag = read_operand_number();
            if (imag && imag->kind == PyKind::complex && eat(')')) {
                PyValue number = make(PyKind::complex);
                number.real = real.kind == PyKind::integer ? std::strtod(real.text.c_str(), nullptr) : real.real;
                if (negative && number.real == 0) {
                    number.real = -0.0;
                }
                number.imag = sign == '-' ? -imag->imag : imag->imag;
                return number;
            }
        }
        m_pos = save;
        return std::nullopt;
    }

    std::optional<PyValue> read_brace(int depth) {
        ++m_pos;
        ++m_brackets;
        std::optional<PyValue> result = read_brace_body(depth);
        --m_brackets;
        return result;
    }

    std::optional<PyValue> read_brace_body(int depth) {
        if (eat('}')) {
            return make(PyKind::dict);
        }
        std::optional<PyValue> first = read_value(depth + 1);
        if (!first) {
            return std::nullopt;
        }
        const bool is_dict = eat(':');
        PyValue result = make(is_dict ? PyKind::dict : PyKind::set);
        std::optional<PyValue> item = std::move(first);
        while (true) {
            if (is_dict) {
                std::optional<PyValue> val = read_value(depth + 1);
                if (!val) {
                    return std::nullopt;
                }
                PyValue pair = make(PyKind::pair);
                pair.items.push_back(std::move(*item));
                pair.items.push_back(std::move(*val));
                result.items.push_back(std::move(pair));
            } else {
                result.items.push_back(std::move(*item));
            }
            if (eat('}')) {
                break;
            }
            if (!eat(',')) {
                return std::nullopt;
            }
            if (eat('}')) {
                break;
            }
            item = read_value(depth + 1);
            if (!item || (is_dict && !eat(':'))) {
                return std::nullopt;
            }
        }
        sort_canonically(result.items);
        return result;
    }

    // A constant, a string prefix, `Name(args)`, or a bare name inside a call.
    std::optional<PyValue> read_name(int depth) {
        const std::size_t start = m_pos;
        while (is_ident_char(peek())) {
            ++m_pos;
        }
        std::string_view word = m_text.substr(start, m_pos - start);
        if ((peek() == '\'' || peek() == '"') && word.size() <= 2) {
            std::string prefix;
            for (char c : word) {
                prefix += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
            if (prefix == "r" || prefix == "u" || prefix == "b" || prefix == "rb" || prefix == "br") {
                return read_string(prefix.find('r') != std::string::npos, prefix.find('b') != std::string::npos);
            }
            return std::nullopt;  // f-strings are not literals
        }
        while (peek() == '.' && is_ident_start(peek(1))) {
            ++m_pos;
            while (is_ident_char(peek())) {
                ++m_pos;
            }
        }
        const std::string name(m_text.substr(start, m_pos - start));
        if (peek() == '(') {
            return read_call(name, depth);
        }
        if (name == "None") {
            return make(PyKind::none);
        }
        if (name == "True" || name == "False") {
            return make(PyKind::boolean, name);
        }
        if (name == "Ellipsis" || name == "NotImplemented") {
            return make(PyKind::constant, name);
        }
        if (std::optional<PyValue> special = special_float_literal(name)) {
            return special;
        }
        if (m_in_call > 0) {
            return make(PyKind::name, name);
        }
        return std::nullopt;
    }

    std::optional<PyValue> read_call(const std::string& name, int depth) {
        ++m_pos;
        PyValue call = make(PyKind::call, name);
        ++m_brackets;
        ++m_in_call;
        const bool ok = read_items(')', depth, true, &call.items);
        --m_in_call;
        --m_brackets;
        if (!ok) {
            return std::nullopt;
        }
        // `set()` is how Python prints an empty set.
        if (name == "set" && call.items.empty()) {
            return make(PyKind::set);
        }
        return call;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_brackets = 0;
    int m_in_call = 0;
};

}  // namespace

std::optional<std::vector<PyValue>> parse_python_values(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
        text.remove_suffix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
        text.remove_prefix(1);
    }
    return LiteralParser(text).values();
}

std::optional<PyValue> parse_python_literal(std::string_view text) {
    std::optional<std::vector<PyValue>> values = parse_python_values(text);
    if (!values || values->size() != 1) {
        return std::nullopt;
    }
    return std::move(values->front());
}

bool python_values_equal(const PyValue& a, const PyValue& b) { return compare_values(a, b) == 0; }

}  // namespace snipcheck
