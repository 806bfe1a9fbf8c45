#include "src/python_number_literal.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "src/python_string_literal.hpp"

namespace snipcheck {
namespace {

// Ints in another base are converted to decimal by long multiplication,
// quadratic in the digits: cap them so no input takes long.
constexpr std::size_t k_max_based_digits = 2000;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

PyValue make_value(PyKind kind, std::string text = {}) {
    PyValue value;
    value.kind = kind;
    value.text = std::move(text);
    return value;
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

// Decimal digits with single underscores between them, appended to *out.
bool read_digit_run(LiteralCursor& cursor, std::string* out) {
    if (!is_digit(cursor.peek())) {
        return false;
    }
    while (is_digit(cursor.peek()) || (cursor.peek() == '_' && is_digit(cursor.peek(1)))) {
        if (cursor.peek() != '_') {
            *out += cursor.peek();
        }
        ++cursor.pos;
    }
    return true;
}

std::optional<PyValue> read_based_int(LiteralCursor& cursor, int base) {
    std::string digits;
    if (cursor.peek() == '_') {
        ++cursor.pos;  // 0x_FF is allowed
    }
    while (true) {
        const int v = hex_value(cursor.peek());
        if (v >= 0 && v < base) {
            digits += cursor.peek();
            ++cursor.pos;
        } else if (cursor.peek() == '_' && !digits.empty() && hex_value(cursor.peek(1)) >= 0 && hex_value(cursor.peek(1)) < base) {
            ++cursor.pos;
        } else {
            break;
        }
    }
    if (digits.empty() || digits.size() > k_max_based_digits || is_ident_char(cursor.peek()) || cursor.peek() == '.') {
        return std::nullopt;
    }
    return make_value(PyKind::integer, to_decimal(digits, base));
}

}  // namespace

std::optional<PyValue> read_number_literal(LiteralCursor& cursor) {
    if (cursor.peek() == '0' && std::isalpha(static_cast<unsigned char>(cursor.peek(1)))) {
        const char base_letter = static_cast<char>(std::tolower(static_cast<unsigned char>(cursor.peek(1))));
        const int base = base_letter == 'x' ? 16 : base_letter == 'o' ? 8 : base_letter == 'b' ? 2 : 0;
        if (base != 0) {
            cursor.pos += 2;
            return read_based_int(cursor, base);
        }
    }
    std::string digits;
    bool is_float = false;
    if (!read_digit_run(cursor, &digits) && cursor.peek() != '.') {
        return std::nullopt;
    }
    if (cursor.peek() == '.') {
        is_float = true;
        digits += '.';
        ++cursor.pos;
        if (is_digit(cursor.peek()) && !read_digit_run(cursor, &digits)) {
            return std::nullopt;
        }
    }
    if (cursor.peek() == 'e' || cursor.peek() == 'E') {
        is_float = true;
        digits += 'e';
        ++cursor.pos;
        if (cursor.peek() == '+' || cursor.peek() == '-') {
            digits += cursor.peek();
            ++cursor.pos;
        }
        if (!read_digit_run(cursor, &digits)) {
            return std::nullopt;
        }
    }
    bool imaginary = false;
    if (cursor.peek() == 'j' || cursor.peek() == 'J') {
        imaginary = true;
        ++cursor.pos;
    }
    if (is_ident_char(cursor.peek()) || cursor.peek() == '.') {
        return std::nullopt;  // `1abc`, `1.2.3`
    }
    if (imaginary) {
        PyValue value = make_value(PyKind::complex);
        value.imag = std::strtod(digits.c_str(), nullptr);
        return value;
    }
    if (is_float) {
        PyValue value = make_value(PyKind::floating);
        value.real = std::strtod(digits.c_str(), nullptr);
        return value;
    }
    // Python 3 rejects `01`; `00` is zero.
    const std::size_t first_nonzero = digits.find_first_not_of('0');
    if (first_nonzero == std::string::npos) {
        return make_value(PyKind::integer, "0");
    }
    if (first_nonzero != 0) {
        return std::nullopt;
    }
    return make_value(PyKind::integer, std::move(digits));
}

std::optional<PyValue> special_float_literal(std::string_view word) {
    if (word == "inf" || word == "nan") {
        PyValue value = make_value(PyKind::floating);
        value.real = word == "inf" ? HUGE_VAL : std::nan("");
        return value;
    }
    return std::nullopt;
}

std::optional<PyValue> read_signed_number(LiteralCursor& cursor) {
    const char c = cursor.peek();
    if (is_digit(c) || (c == '.' && is_digit(cursor.peek(1)))) {
        return read_number_literal(cursor);
    }
    if (is_ident_start(c)) {
        const std::size_t start = cursor.pos;
        while (is_ident_char(cursor.peek())) {
            ++cursor.pos;
        }
        std::optional<PyValue> special = special_float_literal(cursor.text.substr(start, cursor.pos - start));
        if (special) {
            return special;
        }
    }
    return std::nullopt;
}

void negate_number(PyValue& value) {
    if (value.kind == PyKind::integer) {
        if (value.text != "0") {
            value.text = value.text.starts_with('-') ? value.text.substr(1) : "-" + value.text;
        }
    } else {
        value.real = -value.real;
        value.imag = -value.imag;
    }
}

}  // namespace snipcheck
