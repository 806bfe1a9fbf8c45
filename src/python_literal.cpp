#include "src/python_literal.hpp"

#include "extractor/text_decoder.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace snipcheck {
namespace {

// Ints in another base are converted to decimal by long multiplication,
// quadratic in the digits: cap them so no input takes long.
constexpr std::size_t k_max_based_digits = 2000;

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}


// Digits (no prefix, no underscores) in `base` -> canonical decimal text.
std::string to_decimal(std::string_view digits, int base) {
    std::vector<int> decimal{0};  // little-endian decimal digits
    for (char c : digits) {
        int carry = hex_value(c);
        for (int& d : decimal) {
            const int v = d * base + carry;
            d = v % 10;
            carry = v / 10;
        }
        while (carry > 0) {
            decimal.push_back(carry % 10);
            carry /= 10;
        }
    }
    while (decimal.size() > 1 && decimal.back() == 0) {
        decimal.pop_back();
    }
    std::string out;
    for (auto it = decimal.rbegin(); it != decimal.rend(); ++it) {
        out += static_cast<char>('0' + *it);
    }
    return out;
}

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
                negate(*operand);
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

    // After a unary sign: a number, `inf` or `nan`.
    std::optional<PyValue> read_operand_number() {
        const char c = peek();
        if (is_digit(c) || (c == '.' && is_digit(peek(1)))) {
            return read_number();
        }
        if (is_ident_start(c)) {
            const std::size_t start = m_pos;
            while (is_ident_char(peek())) {
                ++m_pos;
            }
            std::optional<PyValue> special = special_float(m_text.substr(start, m_pos - start));
            if (special) {
                return special;
            }
        }
        return std::nullopt;
    }

    static std::optional<PyValue> special_float(std::string_view word) {
        if (word == "inf" || word == "nan") {
            PyValue value = make(PyKind::floating);
            value.real = word == "inf" ? HUGE_VAL : std::nan("");
            return value;
        }
        return std::nullopt;
    }

    static void negate(PyValue& value) {
        if (value.kind == PyKind::integer) {
            if (value.text != "0") {
                value.text = value.text.starts_with('-') ? value.text.substr(1) : "-" + value.text;
            }
        } else {
            value.real = -value.real;
            value.imag = -value.imag;
        }
    }

    std::optional<PyValue> read_number() {
        if (peek() == '0' && std::isalpha(static_cast<unsigned char>(peek(1)))) {
            const char base_letter = static_cast<char>(std::tolower(static_cast<unsigned char>(peek(1))));
            const int base = base_letter == 'x' ? 16 : base_letter == 'o' ? 8 : base_letter == 'b' ? 2 : 0;
            if (base != 0) {
                m_pos += 2;
                return read_based_int(base);
            }
        }
        std::string digits;
        bool is_float = false;
        if (!read_digit_run(&digits) && peek() != '.') {
            return std::nullopt;
        }
        if (peek() == '.') {
            is_float = true;
            digits += '.';
            ++m_pos;
            if (is_digit(peek()) && !read_digit_run(&digits)) {
                return std::nullopt;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            is_float = true;
            digits += 'e';
            ++m_pos;
            if (peek() == '+' || peek() == '-') {
                digits += peek();
                ++m_pos;
            }
            if (!read_digit_run(&digits)) {
                return std::nullopt;
            }
        }
        bool imaginary = false;
        if (peek() == 'j' || peek() == 'J') {
            imaginary = true;
            ++m_pos;
        }
        if (is_ident_char(peek()) || peek() == '.') {
            return std::nullopt;  // `1abc`, `1.2.3`
        }
        if (imaginary) {
            PyValue value = make(PyKind::complex);
            value.imag = std::strtod(digits.c_str(), nullptr);
            return value;
        }
        if (is_float) {
            PyValue value = make(PyKind::floating);
            value.real = std::strtod(digits.c_str(), nullptr);
            return value;
        }
        // Python 3 rejects `01`; `00` is zero.
        const std::size_t first_nonzero = digits.find_first_not_of('0');
        if (first_nonzero == std::string::npos) {
            return make(PyKind::integer, "0");
        }
        if (first_nonzero != 0) {
            return std::nullopt;
        }
        return make(PyKind::integer, std::move(digits));
    }

    // Decimal digits with single underscores between them, appended to *out.
    bool read_digit_run(std::string* out) {
        if (!is_digit(peek())) {
            return false;
        }
        while (is_digit(peek()) || (peek() == '_' && is_digit(peek(1)))) {
            if (peek() != '_') {
                *out += peek();
            }
            ++m_pos;
        }
        return true;
    }

    std::optional<PyValue> read_based_int(int base) {
        std::string digits;
        if (peek() == '_') {
            ++m_pos;  // 0x_FF is allowed
        }
        while (true) {
            const int v = hex_value(peek());
            if (v >= 0 && v < base) {
                digits += peek();
                ++m_pos;
            } else if (peek() == '_' && !digits.empty() && hex_value(peek(1)) >= 0 && hex_value(peek(1)) < base) {
                ++m_pos;
            } else {
                break;
            }
        }
        if (digits.empty() || digits.size() > k_max_based_digits || is_ident_char(peek()) || peek() == '.') {
            return std::nullopt;
        }
        return make(PyKind::integer, to_decimal(digits, base));
    }

    std::optional<PyValue> read_string(bool raw, bool bytes) {
        const char quote = peek();
        const bool triple = peek(1) == quote && peek(2) == quote;
        m_pos += triple ? 3 : 1;
        PyValue value = make(bytes ? PyKind::bytes : PyKind::str);
        std::string& out = value.text;
        while (!at_end()) {
            const char c = peek();
            if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) {
                m_pos += triple ? 3 : 1;
                return value;
            }
            if ((c == '\n' || c == '\r') && !triple) {
                return std::nullopt;
            }
            if (bytes && static_cast<unsigned char>(c) >= 0x80) {
                return std::nullopt;  // bytes literals hold ASCII only
            }
            if (c == '\\') {
                if (raw) {
                    // A raw string keeps the backslash, yet `\'` still does not end it.
                    out += c;
                    ++m_pos;
                    if (!at_end()) {
                        out += peek();
                        ++m_pos;
                    }
                    continue;
                }
                if (!read_escape(bytes, &out)) {
                    return std::nullopt;
                }
                continue;
            }
            out += c;
            ++m_pos;
        }
        return std::nullopt;
    }

    // At a backslash: decodes one escape into *out.
    bool read_escape(bool bytes, std::string* out) {
        ++m_pos;
        if (at_end()) {
            return false;
        }
        const char c = peek();
        ++m_pos;
        switch (c) {
        case '\n': return true;  // line continuation
        case '\\': *out += '\\'; return true;
        case '\'': *out += '\''; return true;
        case '"': *out += '"'; return true;
        case 'a': *out += '\a'; return true;
        case 'b': *out += '\b'; return true;
        case 'f': *out += '\f'; return true;
        case 'n': *out += '\n'; return true;
        case 'r': *out += '\r'; return true;
        case 't': *out += '\t'; return true;
        case 'v': *out += '\v'; return true;
        case 'x': return read_code(2, bytes, out);
        case 'u':
        case 'U':
            if (bytes) {
                break;
            }
            return read_code(c == 'u' ? 4 : 8, false, out);
        default: break;
        }
        if (c >= '0' && c <= '7') {
            std::uint32_t code = static_cast<std::uint32_t>(c - '0');
            for (int i = 0; i < 2 && peek() >= '0' && peek() <= '7'; ++i) {
                code = code * 8 + static_cast<std::uint32_t>(peek() - '0');
                ++m_pos;
            }
            return emit(code, bytes, out);
        }
        // Unknown escapes (and \N{...}) stay as written, as Python keeps them.
        *out += '\\';
        *out += c;
        return true;
    }

    bool read_code(int length, bool bytes, std::string* out) {
        std::uint32_t code = 0;
        for (int i = 0; i < length; ++i) {
            const int v = hex_value(peek());
            if (v < 0) {
                return false;
            }
            code = code * 16 + static_cast<std::uint32_t>(v);
            ++m_pos;
        }
        return emit(code, bytes, out);
    }

    static bool emit(std::uint32_t code, bool bytes, std::string* out) {
        if (bytes) {
            *out += static_cast<char>(code & 0xFF);
            return true;
        }
        if (code > 0x10FFFF) {
            return false;
        }
        extractor::append_utf8(*out, code);
        return true;
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
        if (std::optional<PyValue> special = special_float(name)) {
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
