#include "extractor/line_classifier.hpp"

#include <array>
#include <algorithm>
#include <cctype>
#include <string>

#include "extractor/python_tokens.hpp"
#include "src/ascii_case.hpp"

namespace snipcheck::extractor {
namespace {

bool is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }
bool is_ident(unsigned char c) { return is_alpha(c) || (c >= '0' && c <= '9') || c == '_'; }

// A quote opens a literal only where code would put one: not inside a word
// ("Django's"), except after a string prefix (r'', f"").
bool opens_quote(std::string_view line, std::size_t at) {
    if (at == 0) {
        return true;
    }
    std::size_t start = at;
    while (start > 0 && is_ident(static_cast<unsigned char>(line[start - 1]))) {
        --start;
    }
    if (start == at) {
        return true;
    }
    std::string_view prefix = line.substr(start, at - start);
    if (prefix.size() > 2) {
        return false;
    }
    for (char c : prefix) {
        const char lower = static_cast<char>(c | 0x20);
        if (lower != 'r' && lower != 'b' && lower != 'f' && lower != 'u') {
            return false;
        }
    }
    return true;
}

// Calls `visit(word)` for each space-separated token outside quotes and code
// spans, with `broken=true` when something that is not a plain token came
// between it and the previous one.
template <typename Visit>
void for_each_bare_token(std::string_view line, Visit visit) {
    std::size_t i = 0;
    bool broken = true;
    while (i < line.size()) {
        const char c = line[i];
        if (c == ' ' || c == '\t') {
            ++i;
            continue;
        }
        if (c == '`' || ((c == '"' || c == '\'') && opens_quote(line, i))) {
            std::size_t close = line.find(c, i + 1);
            i = close == std::string_view::npos ? line.size() : close + 1;
            broken = true;
            continue;
        }
        if (c == '#' && i > 0 && line[i - 1] == ' ') {
            return;  // a trailing code comment is not part of the line's shape
        }
        std::size_t end = i;
        while (end < line.size() && line[end] != ' ' && line[end] != '\t' && line[end] != '`') {
            if ((line[end] == '"' || line[end] == '\'') && opens_quote(line, end)) {
                break;
            }
            ++end;
        }
        if (end == i) {
            ++i;
            broken = true;
            continue;
        }
        visit(line.substr(i, end - i), broken);
        broken = false;
        i = end;
    }
}

// A word as prose has them: letters, inner ' or -, outer punctuation.
bool is_plain_word(std::string_view token) {
    while (!token.empty() && (token.front() == '(' || token.front() == '"')) {
        token.remove_prefix(1);
    }
    while (!token.empty() && is_one_of(token.back(), ",.;:?!)\"")) {
        token.remove_suffix(1);
    }
    if (token.empty()) {
        return false;
    }
    bool upper_only = token.size() >= 2;
    for (std::size_t i = 0; i < token.size(); ++i) {
        const auto c = static_cast<unsigned char>(token[i]);
        if (is_alpha(c)) {
            if (c >= 'a' && c <= 'z') {
                upper_only = false;
            }
            continue;
        }
        const bool inner = i > 0 && i + 1 < token.size();
        if (!(inner && (c == '\'' || c == '-'))) {
            return false;
        }
    }
    // SQL keywords and constants are upper case; prose words are not.
    return !upper_only;
}

bool is_identifier(std::string_view token) {
    if (token.empty() || !(is_alpha(static_cast<unsigned char>(token[0])) || token[0] == '_')) {
        return false;
    }
    for (char c : token) {
        if (!is_ident(static_cast<unsigned char>(c))) {
            return false;
        }
    }
    return true;
}

// Two bare names side by side (`maxconn 4096`, `Functions using`) cannot be
// Python unless one is a keyword.
bool has_adjacent_names(std::string_view line) {
    std::string_view previous;
    bool adjacent = false;
    for_each_bare_token(line, [&](std::string_view token, bool broken) {
        if (adjacent) {
            return;
        }
        const bool name = is_identifier(token);
        const bool prev_name = !broken && is_identifier(previous) && !is_python_keyword(previous);
        if (name && prev_name && !is_python_keyword(token)) {
            adjacent = true;
        }
        previous = token;
    });
    return adjacent;
}

}  // namespace

bool is_blank(std::string_view line) {
    for (char c : line) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') {
            return false;
        }
    }
    return true;
}

int indent_width(std::string_view line) {
    int width = 0;
    for (char c : line) {
        if (c == ' ') {
            ++width;
        } else if (c == '\t') {
            width += 4 - width % 4;
        } else {
            break;
        }
    }
    return width;
}

std::string_view remove_indent(std::string_view line, int width) {
    int column = 0;
    std::size_t i = 0;
    while (i < line.size() && column < width) {
        if (line[i] == ' ') {
            ++column;
        } else if (line[i] == '\t') {
            column += 4 - column % 4;
        } else {
            break;
        }
        ++i;
    }
    return line.substr(i);
}

std::optional<FenceLine> parse_fence_line(std::string_view line) {
    const int indent = indent_width(line);
    std::string_view rest = remove_indent(line, indent);
    if (rest.size() < 3 || (rest[0] != '`' && rest[0] != '~')) {
        return std::nullopt;
    }
    const char marker = rest[0];
    std::size_t length = 0;
    while (length < rest.size() && rest[length] == marker) {
        ++length;
    }
    if (length < 3) {
        return std::nullopt;
    }
    std::string_view info = trim(rest.substr(length));
    if (marker == '`' && info.find('`') != std::string_view::npos) {
        return std::nullopt;
    }
    return FenceLine{marker, static_cast<int>(length), indent, info};
}

int atx_heading_level(std::string_view line) {
    if (indent_width(line) > 3) {
        return 0;
    }
    std::string_view rest = trim(line);
    int level = 0;
    while (level < static_cast<int>(rest.size()) && rest[level] == '#') {
        ++level;
    }
    if (level == 0 || level > 6) {
        return 0;
    }
    if (level < static_cast<int>(rest.size()) && rest[level] != ' ' && rest[level] != '\t') {
        return 0;
    }
    return level;
}

std::string_view heading_text(std::string_view line) {
    std::string_view text = trim(line);
    while (!text.empty() && text.front() == '#') {
        text.remove_prefix(1);
    }
    text = trim(text);
    while (!text.empty() && text.back() == '#') {
        text.remove_suffix(1);
    }
    text = trim(text);
    while (text.starts_with("**") && text.size() >= 4 && text.substr(text.size() - 2) == "**") {
        text = trim(text.substr(2, text.size() - 4));
    }
    return text;
}

bool is_thematic_break(std::string_view line) {
    if (indent_width(line) > 3) {
        return false;
    }
    std::string_view rest = trim(line);
    if (rest.empty() || (rest[0] != '-' && rest[0] != '*' && rest[0] != '_')) {
        return false;
    }
    int count = 0;
    for (char c : rest) {
        if (c == rest[0]) {
            ++count;
        } else if (c != ' ' && c != '\t') {
            return false;
        }
    }
    return count >= 3;
}

bool is_setext_underline(std::string_view line) {
    std::string_view rest = trim(line);
    if (rest.empty() || indent_width(line) > 3 || (rest[0] != '=' && rest[0] != '-')) {
        return false;
    }
    for (char c : rest) {
        if (c != rest[0]) {
            return false;
        }
    }
    return true;
}

bool is_list_item(std::string_view line, int* content_column) {
    const int indent = indent_width(line);
    std::string_view rest = remove_indent(line, indent);
    std::size_t marker = 0;
    if (rest.starts_with("\u2022")) {
        marker = 3;  // "•" is three bytes in UTF-8 and one column wide
    } else if (!rest.empty() && (rest[0] == '-' || rest[0] == '*' || rest[0] == '+')) {
        marker = 1;
    } else {
        while (marker < rest.size() && marker < 9 && std::isdigit(static_cast<unsigned char>(rest[marker]))) {
            ++marker;
        }
        if (marker == 0 || marker >= rest.size() || (rest[marker] != '.' && rest[marker] != ')')) {
            return false;
        }
        ++marker;
    }
    if (marker >= rest.size() || (rest[marker] != ' ' && rest[marker] != '\t')) {
        return false;
    }
    if (content_column != nullptr) {
        std::size_t spaces = 0;
        while (marker + spaces < rest.size() && rest[marker + spaces] == ' ' && spaces < 4) {
            ++spaces;
        }
        const int marker_columns = rest.starts_with("\u2022") ? 1 : static_cast<int>(marker);
        *content_column = indent + marker_columns + static_cast<int>(spaces == 0 ? 1 : spaces);
    }
    return true;
}

std::string_view bold_text(std::string_view line) {
    std::string_view text = trim(line);
    int content = 0;
    if (is_list_item(text, &content)) {
        text = trim(text.substr(std::min<std::size_t>(text.size(), static_cast<std::size_t>(content))));
    }
    if (text.size() < 5 || !text.starts_with("**")) {
        return {};
    }
    std::size_t close = text.find("**", 2);
    if (close == std::string_view::npos) {
        return {};
    }
    std::string_view after = trim(text.substr(close + 2));
    if (!after.empty() && after != ":" && after.front() != '(') {
        return {};
    }
    return trim(text.substr(2, close - 2));
}

bool is_bold_line(std::string_view line) { return !bold_text(line).empty(); }

bool is_output_label(std::string_view line) {
    std::string_view text = trim(line);
    while (!text.empty() && (text.front() == '*' || text.front() == '_' || text.front() == '#' || text.front() == ' ')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == '*' || text.back() == '_' || text.back() == ' ')) {
        text.remove_suffix(1);
    }
    if (text.empty() || text.size() > 48) {
        return false;
    }
    if (text.back() == ':') {
        text.remove_suffix(1);
    }
    // "Output (Python 3.x)" names the output all the same.
    if (!text.empty() && text.back() == ')') {
        const std::size_t open = text.rfind('(');
        if (open != std::string_view::npos) {
            text = trim(text.substr(0, open));
        }
    }
    while (!text.empty() && (text.back() == '*' || text.back() == '_' || text.back() == ' ' || text.back() == ':')) {
        text.remove_suffix(1);
    }
    static constexpr std::array<std::string_view, 13> k_labels = {
        "output", "outputs", "result", "results", "prints", "this prints", "it prints", "expected output",
        "console output", "sample output", "the output is", "output is", "this outputs"};
    for (std::string_view label : k_labels) {
        if (equals_lower(text, label)) {
            return true;
        }
    }
    return false;
}

int plain_word_run(std::string_view line) {
    int best = 0;
    int run = 0;
    for_each_bare_token(line, [&](std::string_view token, bool broken) {
        if (broken) {
            run = 0;
        }
        if (is_plain_word(token)) {
            ++run;
            best = std::max(best, run);
        } else {
            run = 0;
        }
    });
    return best;
}

bool looks_like_prose(std::string_view line) {
    std::string_view text = trim(line);
    if (text.empty() || text[0] == '#' || text[0] == '@' || text.back() == '{' || text.back() == ';') {
        return false;
    }
    const int run = plain_word_run(text);
    if (run >= 4) {
        return has_adjacent_names(text);
    }
    if (run >= 2 && has_adjacent_names(text)) {
        // Short sentences end like sentences.
        const char last = text.back();
        return last == '.' || last == '?' || last == '!' || last == ':' || last == ')';
    }
    return false;
}

bool is_markdown_text(std::string_view line) {
    if (atx_heading_level(line) >= 2 || is_thematic_break(line) || is_bold_line(line)) {
        return true;
    }
    std::string_view text = trim(line);
    if (text.starts_with("<b>") || text.starts_with("<p>") || text.starts_with("> ") || text.starts_with("|")) {
        return true;
    }
    int content = 0;
    if (is_list_item(line, &content)) {
        std::string_view rest = trim(line.substr(std::min<std::size_t>(line.size(), static_cast<std::size_t>(content))));
        return rest.starts_with("**") || plain_word_run(rest) >= 2;
    }
    return looks_like_prose(line);
}

std::size_t spliced_heading_column(std::string_view line) {
    for (std::size_t i = 1; i < line.size(); ++i) {
        if (line[i] != '#' || line[i - 1] == '#' || line[i - 1] == ' ' || line[i - 1] == '\t') {
            continue;
        }
        std::size_t end = i;
        while (end < line.size() && line[end] == '#') {
            ++end;
        }
        if (end - i > 6 || end + 1 >= line.size() || line[end] != ' ') {
            continue;
        }
        const auto next = static_cast<unsigned char>(line[end + 1]);
        if ((next >= 'A' && next <= 'Z') || (next >= '0' && next <= '9')) {
            return i;
        }
    }
    return std::string_view::npos;
}

bool has_non_ascii_outside_quotes(std::string_view line) {
    if (std::all_of(line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        return false;  // the common case, without tracking quotes
    }
    bool found = false;
    std::size_t i = 0;
    while (i < line.size() && !found) {
        const char c = line[i];
        if ((c == '"' || c == '\'') && opens_quote(line, i)) {
            std::size_t close = line.find(c, i + 1);
            i = close == std::string_view::npos ? line.size() : close + 1;
            continue;
        }
        if (c == '#' && (i == 0 || line[i - 1] == ' ')) {
            break;
        }
        found = static_cast<unsigned char>(c) >= 0x80;
        ++i;
    }
    return found;
}

}  // namespace snipcheck::extractor
