#include "extractor/directive_parser.hpp"

#include <charconv>
#include <string>

#include <fmt/format.h>

#include "extractor/line_classifier.hpp"
#include "extractor/text_search.hpp"

namespace snipcheck::extractor {
namespace {

constexpr std::string_view k_known = "skip, timeout, session, expect-error, language";

struct Item {
    std::string_view key;
    std::string_view value;
    bool has_value = false;
};

// Splits `skip timeout=30 skip="needs redis"` into items; values may be quoted.
std::vector<Item> split_items(std::string_view text) {
    std::vector<Item> items;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == ',' || text[i] == '\t')) {
            ++i;
        }
        if (i >= text.size()) {
            break;
        }
        std::size_t key_end = i;
        while (key_end < text.size() && text[key_end] != '=' && text[key_end] != ' ' && text[key_end] != ',') {
            ++key_end;
        }
        Item item{text.substr(i, key_end - i), {}, false};
        i = key_end;
        if (i < text.size() && text[i] == '=') {
            ++i;
            item.has_value = true;
            if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
                const char quote = text[i];
                const std::size_t close = text.find(quote, i + 1);
                const std::size_t end = close == std::string_view::npos ? text.size() : close;
                item.value = text.substr(i + 1, end - i - 1);
                i = close == std::string_view::npos ? text.size() : close + 1;
            } else {
                const std::size_t end = text.find_first_of(" ,", i);
                item.value = text.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
                i = end == std::string_view::npos ? text.size() : end;
            }
        }
        items.push_back(item);
    }
    return items;
}

void bad(std::vector<Finding>& findings, int line, std::string message) {
    findings.push_back({line, "bad-directive", Severity::error, std::move(message)});
}

// Whether `line` holds "snipcheck:". Asked of every code line: searched from
// the colons, which code has far fewer of than the letter s.

}  // namespace

void apply_directive(std::string_view text, int line, Directives& directives, std::vector<Finding>& findings) {
    const std::vector<Item> items = split_items(trim(text));
    if (items.empty()) {
        bad(findings, line, fmt::format("empty snipcheck directive (known: {})", k_known));
    }
    for (const Item& item : items) {
        if (item.key == "skip") {
            directives.skip = true;
            directives.skip_reason = std::string(item.value);
        } else if (item.key == "timeout") {
            double seconds = 0;
            const char* end = item.value.data() + item.value.size();
            auto [ptr, error] = std::from_chars(item.value.data(), end, seconds);
            if (!item.has_value || error != std::errc() || ptr != end || seconds <= 0) {
                bad(findings, line, fmt::format("timeout needs a positive number of seconds, not '{}'", item.value));
            } else {
                directives.timeout_seconds = seconds;
            }
        } else if (item.key == "session") {
            if (item.value != "isolated" && item.value != "document" && item.value != "auto") {
                bad(findings, line, fmt::format("session is 'isolated', 'document' or 'auto', not '{}'", item.value));
            } else {
                directives.session = std::string(item.value);
            }
        } else if (item.key == "expect-error") {
            directives.expect_error = item.has_value && !item.value.empty() ? std::string(item.value) : "any";
        } else if (item.key == "language" || item.key == "lang") {
            if (item.value.empty()) {
                bad(findings, line, "language needs a value, e.g. language=python");
            } else {
                directives.language = std::string(item.value);
            }
        } else {
            findings.push_back({line, "unknown-directive", Severity::error,
                                fmt::format("unknown snipcheck directive '{}' (known: {})", item.key, k_known)});
        }
    }
}

bool mentions_snipcheck(std::string_view text) { return contains_text(text, "snipcheck:"); }

std::string_view code_directive_text(std::string_view line) {
    if (!mentions_snipcheck(line)) {
        return {};  // nearly every line: one search, nothing else
    }
    std::string_view text = trim(line);
    for (std::string_view marker : {"#", "--", "//"}) {
        if (text.substr(0, marker.size()) == marker) {
            std::string_view rest = trim(text.substr(marker.size()));
            if (rest.substr(0, 10) == "snipcheck:") {
                return trim(rest.substr(10));
            }
        }
    }
    // A trailing `# snipcheck: ...` after code.
    const std::size_t at = text.find("# snipcheck:");
    if (at != std::string_view::npos && at > 0) {
        return trim(text.substr(at + 12));
    }
    return {};
}

}  // namespace snipcheck::extractor
