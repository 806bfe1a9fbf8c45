#include "runners/dockerfile/dockerfile_words.hpp"

#include <cctype>

#include <nlohmann/json.hpp>

namespace snipcheck::runners::dockerfile {
namespace {

// Words split at unquoted blanks; quotes and backslashes kept as written.
// This is how BuildKit looks for heredoc markers (its shell lexer with raw
// quotes and raw escapes, always with '\' as the escape).
std::vector<std::string> split_raw_words(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    bool in_word = false;
    char quote = '\0';
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quote == '\0' && is_blank(c)) {
            if (in_word) {
                words.push_back(word);
                word.clear();
                in_word = false;
            }
            continue;
        }
        in_word = true;
        word += c;
        if (c == '\\' && quote != '\'' && i + 1 < text.size()) {
            word += text[++i];
        } else if (quote == '\0' && (c == '\'' || c == '"')) {
            quote = c;
        } else if (c == quote) {
            quote = '\0';
        }
    }
    if (in_word) {
        words.push_back(word);
    }
    return words;
}

// A heredoc delimiter's name: quotes and backslashes removed. `quoted` tells
// whether a quote was removed, which turns off expansion of the body.
std::string delimiter_name(std::string_view raw, bool& quoted) {
    std::string name;
    char quote = '\0';
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '\\' && quote != '\'' && i + 1 < raw.size()) {
            name += raw[++i];
        } else if (quote == '\0' && (c == '\'' || c == '"')) {
            quote = c;
            quoted = true;
        } else if (c == quote) {
            quote = '\0';
        } else {
            name += c;
        }
    }
    return name;
}

}  // namespace

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'; }

std::string_view trim_blanks(std::string_view text) {
    while (!text.empty() && (is_blank(text.front()) || text.front() == '\n')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (is_blank(text.back()) || text.back() == '\n')) {
        text.remove_suffix(1);
    }
    return text;
}

std::vector<std::string> split_blank_separated(std::string_view text) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_blank(text[i])) {
            ++i;
        }
        const std::size_t start = i;
        while (i < text.size() && !is_blank(text[i])) {
            ++i;
        }
        if (i > start) {
            words.emplace_back(text.substr(start, i - start));
        }
    }
    return words;
}

std::vector<std::string> split_words_keeping_quotes(std::string_view text, char escape) {
    std::vector<std::string> words;
    std::string word;
    bool in_word = false;
    bool blank_ok = false;  // a quoted empty word ("") is still a word
    char quote = '\0';
    const auto finish = [&] {
        if (blank_ok || !word.empty()) {
            words.push_back(word);
        }
        word.clear();
        blank_ok = false;
        in_word = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (!in_word && quote == '\0') {
            if (is_blank(c) || c == '\n') {
                continue;
            }
            in_word = true;
        }
        if (quote == '\0') {
            if (is_blank(c) || c == '\n') {
                finish();
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                blank_ok = true;
            } else if (c == escape) {
                if (i + 1 == text.size()) {
                    continue;  // an escape at the very end is dropped
                }
                word += c;
                c = text[++i];
            }
            word += c;
            continue;
        }
        if (c == quote) {
            quote = '\0';
        } else if (c == escape && quote != '\'') {
            if (i + 1 == text.size()) {
                quote = '\0';
                continue;
            }
            word += c;
            c = text[++i];
        }
        word += c;
    }
    if (in_word || quote != '\0') {
        finish();
    }
    return words;
}

LeadingFlags extract_flags(std::string_view text) {
    LeadingFlags result;
    std::string word;
    bool in_word = false;
    bool blank_ok = false;
    char quote = '\0';
    for (std::size_t pos = 0; pos < text.size(); ++pos) {
        char c = text[pos];
        if (!in_word) {
            if (is_blank(c) || c == '\n') {
                continue;
            }
            if (c != '-' || pos + 1 == text.size() || text[pos + 1] != '-') {
                result.rest = pos;
                return result;
            }
            in_word = true;
        }
        if (quote != '\0') {
            if (c == quote) {
                quote = '\0';
                continue;
            }
        } else if (is_blank(c) || c == '\n') {
            if (word == "--") {
                result.rest = pos;
                return result;
            }
            if (blank_ok || !word.empty()) {
                result.flags.push_back(word);
            }
            word.clear();
            blank_ok = false;
            in_word = false;
            continue;
        } else if (c == '\'' || c == '"') {
            quote = c;
            blank_ok = true;
            continue;
        }
        // BuildKit reads flags with '\' as the escape whatever `# escape=` says.
        if (c == '\\') {
            if (pos + 1 == text.size()) {
                quote = '\0';
                continue;
            }
            c = text[++pos];
        }
        word += c;
    }
    if (in_word && word != "--" && (blank_ok || !word.empty())) {
        result.flags.push_back(word);
    }
    result.rest = text.size();
    return result;
}

JsonArray parse_json_array(std::string_view text) {
    JsonArray result;
    text = trim_blanks(text);
    if (text.empty() || text.front() != '[') {
        return result;
    }
    const nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_array()) {
        return result;
    }
    for (const nlohmann::json& item : parsed) {
        if (!item.is_string()) {
            result.status = JsonArrayStatus::not_strings;
            result.values.clear();
            return result;
        }
        result.values.push_back(item.get<std::string>());
    }
    result.status = JsonArrayStatus::strings;
    return result;
}

std::vector<HeredocMarker> heredoc_markers(std::string_view line) {
    std::vector<HeredocMarker> markers;
    for (const std::string& word : split_raw_words(line)) {
        // ^[0-9]*<<-?[^<]+$
        std::size_t i = 0;
        while (i < word.size() && std::isdigit(static_cast<unsigned char>(word[i])) != 0) {
            ++i;
        }
        if (word.compare(i, 2, "<<") != 0) {
            continue;
        }
        i += 2;
        HeredocMarker marker;
        if (i < word.size() && word[i] == '-') {
            marker.chomp = true;
            ++i;
        }
        const std::string_view rest = std::string_view(word).substr(i);
        if (rest.empty() || rest.find('<') != std::string_view::npos) {
            continue;
        }
        bool quoted = false;
        marker.name = delimiter_name(rest, quoted);
        marker.expand = !quoted;
        markers.push_back(std::move(marker));
    }
    return markers;
}

}  // namespace snipcheck::runners::dockerfile
