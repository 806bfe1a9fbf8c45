#include "src/result_cell_compare.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

#include "src/result_table_cells.hpp"

namespace snipcheck {
namespace {

// A number as written: its digits kept for whole-number and precision rules.
struct WrittenNumber {
    bool negative = false;
    std::string_view whole;     // digits before the point
    std::string_view fraction;  // digits after the point
    bool has_point = false;
    bool has_exponent = false;
    int exponent = 0;
    double value = 0;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::size_t count_digits(std::string_view text, std::size_t from) {
    std::size_t end = from;
    while (end < text.size() && is_digit(text[end])) {
        ++end;
    }
    return end - from;
}

// `[+-]digits[.digits][e[+-]digits]` with a digit somewhere before the
// exponent; nullopt for anything else (`inf`, `1,000`, `0x1F`, `$5`).
std::optional<WrittenNumber> read_number(std::string_view text) {
    text = trim_blanks(text);
    WrittenNumber number;
    std::size_t at = 0;
    if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
        number.negative = text[at] == '-';
        ++at;
    }
    const std::size_t unsigned_start = at;
    number.whole = text.substr(at, count_digits(text, at));
    at += number.whole.size();
    if (at < text.size() && text[at] == '.') {
        number.has_point = true;
        number.fraction = text.substr(at + 1, count_digits(text, at + 1));
        at += 1 + number.fraction.size();
    }
    if (number.whole.empty() && number.fraction.empty()) {
        return std::nullopt;
    }
    if (at < text.size() && (text[at] == 'e' || text[at] == 'E')) {
        number.has_exponent = true;
        std::size_t digits_at = at + 1;
        if (digits_at < text.size() && (text[digits_at] == '+' || text[digits_at] == '-')) {
            ++digits_at;
        }
        const std::size_t digits = count_digits(text, digits_at);
        if (digits == 0 || digits > 4) {
            return std::nullopt;
        }
        const std::string_view exponent = text.substr(at + 1, digits_at + digits - at - 1);
        std::from_chars(exponent.data() + (exponent.front() == '+' ? 1 : 0), exponent.data() + exponent.size(),
                        number.exponent);
        at = digits_at + digits;
    }
    if (at != text.size()) {
        return std::nullopt;
    }
    const std::string_view unsigned_text = text.substr(unsigned_start);
    const auto [end, error] =
        std::from_chars(unsigned_text.data(), unsigned_text.data() + unsigned_text.size(), number.value);
    if (error != std::errc() || end != unsigned_text.data() + unsigned_text.size()) {
        return std::nullopt;
    }
    if (number.negative) {
        number.value = -number.value;
    }
    return number;
}

bool is_whole_number(const WrittenNumber& number) { return !number.has_point && !number.has_exponent; }

// Sign and digits without leading zeros; "-0" and "000" are "0".
std::string canonical_whole(const WrittenNumber& number) {
    const std::size_t first = std::min(number.whole.find_first_not_of('0'), number.whole.size());
    const std::string_view digits = number.whole.substr(first);
    if (digits.empty()) {
        return "0";
    }
    std::string whole = number.negative ? "-" : "";
    return whole.append(digits);
}

bool numbers_match(const WrittenNumber& expected, const WrittenNumber& actual) {
    if (is_whole_number(expected) && is_whole_number(actual)) {
        return canonical_whole(expected) == canonical_whole(actual);
    }
    if (!expected.has_point) {
        return expected.value == actual.value;
    }
    // Half a unit of the last place the document wrote, plus what binary
    // floating point loses on either value.
    const double places = static_cast<double>(expected.fraction.size()) - expected.exponent;
    const double half_unit = 0.5 * std::pow(10.0, -places) * (1 + 1e-9);
    const double rounding =
        4 * std::numeric_limits<double>::epsilon() * std::max(std::fabs(expected.value), std::fabs(actual.value));
    return std::fabs(expected.value - actual.value) <= half_unit + rounding;
}

// The content of a quoted cell ('it''s' is it's), nullopt when not quoted.
std::optional<std::string> unquoted(std::string_view text) {
    if (text.size() < 2 || (text.front() != '\'' && text.front() != '"') || text.back() != text.front()) {
        return std::nullopt;
    }
    const char quote = text.front();
    const std::string_view inner = text.substr(1, text.size() - 2);
    std::string out;
    for (std::size_t i = 0; i < inner.size(); ++i) {
        out += inner[i];
        if (inner[i] == quote && i + 1 < inner.size() && inner[i + 1] == quote) {
            ++i;
        }
    }
    return out;
}

}  // namespace

bool is_decimal_number(std::string_view text) { return read_number(text).has_value(); }

CellMatch match_cell(const std::optional<std::string>& expected, const std::optional<std::string>& actual) {
    if (!expected || !actual) {
        return !expected && !actual ? CellMatch::exact : CellMatch::differ;
    }
    const std::string_view written = trim_blanks(*expected);
    const std::string_view returned = trim_blanks(*actual);
    if (written == returned) {
        return CellMatch::exact;
    }
    const std::optional<WrittenNumber> written_number = read_number(written);
    const std::optional<WrittenNumber> returned_number = read_number(returned);
    if (written_number && returned_number && numbers_match(*written_number, *returned_number)) {
        return CellMatch::numeric;
    }
    const std::optional<std::string> content = unquoted(written);
    if (content && *content == returned) {
        return CellMatch::unquoted;
    }
    return CellMatch::differ;
}

}  // namespace snipcheck
