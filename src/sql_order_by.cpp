#include "src/sql_order_by.hpp"

#include <cctype>
#include <optional>

namespace snipcheck {
namespace {

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$'; }

bool is_word(std::string_view word, std::string_view keyword) {
    if (word.size() != keyword.size()) {
        return false;
    }
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (std::toupper(static_cast<unsigned char>(word[i])) != keyword[i]) {
            return false;
        }
    }
    return true;
}

// Where the quoted text opened at `at` by `quote` ends (just past the
// closing quote; a doubled quote stays inside), nullopt when it never does.
std::optional<std::size_t> end_of_quoted(std::string_view sql, std::size_t at, char closing) {
    for (std::size_t i = at + 1; i < sql.size(); ++i) {
        if (sql[i] != closing) {
            continue;
        }
        if (i + 1 < sql.size() && sql[i + 1] == closing && closing != ']') {
            ++i;
            continue;
        }
        return i + 1;
    }
    return std::nullopt;
}

// The `$tag$` opening a PostgreSQL dollar-quoted string at `at`, if one does.
std::optional<std::string_view> dollar_tag(std::string_view sql, std::size_t at) {
    if (at > 0 && is_word_char(sql[at - 1])) {
        return std::nullopt;
    }
    std::size_t end = at + 1;
    while (end < sql.size() && sql[end] != '$' &&
           (std::isalpha(static_cast<unsigned char>(sql[end])) != 0 || sql[end] == '_' ||
            (end > at + 1 && std::isdigit(static_cast<unsigned char>(sql[end])) != 0))) {
        ++end;
    }
    if (end >= sql.size() || sql[end] != '$') {
        return std::nullopt;
    }
    return sql.substr(at, end + 1 - at);
}

}  // namespace

bool query_orders_rows(std::string_view sql) {
    std::size_t depth = 0;
    bool statement_has_text = false;
    bool statement_orders = false;
    bool last_statement_orders = false;
    bool after_order = false;  // the last top-level token was the word ORDER
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        if (std::isspace(static_cast<unsigned char>(c)) != 0) {
            ++i;
            continue;
        }
        if (c == '-' && sql.substr(i).starts_with("--")) {
            const std::size_t end = sql.find('\n', i);
            i = end == std::string_view::npos ? sql.size() : end + 1;
            continue;
        }
        if (c == '/' && sql.substr(i).starts_with("/*")) {
            const std::size_t end = sql.find("*/", i + 2);
            i = end == std::string_view::npos ? sql.size() : end + 2;
            continue;
        }
        if (c == ';' && depth == 0) {
            if (statement_has_text) {
                last_statement_orders = statement_orders;
            }
            statement_has_text = false;
            statement_orders = false;
            after_order = false;
            ++i;
            continue;
        }
        statement_has_text = true;
        const bool was_after_order = after_order;
        after_order = false;
        if (c == '\'' || c == '"' || c == '`' || c == '[') {
            const std::optional<std::size_t> end = end_of_quoted(sql, i, c == '[' ? ']' : c);
            if (!end) {
                return false;
            }
            i = *end;
        } else if (const std::optional<std::string_view> tag = c == '$' ? dollar_tag(sql, i) : std::nullopt) {
            const std::size_t end = sql.find(*tag, i + tag->size());
            if (end == std::string_view::npos) {
                return false;
            }
            i = end + tag->size();
        } else if (is_word_char(c)) {
            std::size_t end = i;
            while (end < sql.size() && is_word_char(sql[end])) {
                ++end;
            }
            const std::string_view word = sql.substr(i, end - i);
            if (depth == 0) {
                after_order = is_word(word, "ORDER");
                statement_orders = statement_orders || (was_after_order && is_word(word, "BY"));
            }
            i = end;
        } else {
            if (c == '(') {
                ++depth;
            } else if (c == ')' && depth > 0) {
                --depth;
            }
            ++i;
        }
    }
    return statement_has_text ? statement_orders : last_statement_orders;
}

}  // namespace snipcheck
