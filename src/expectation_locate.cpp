#include "src/expectation_locate.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include <fmt/format.h>

#include "extractor/code_shape.hpp"
#include "extractor/line_classifier.hpp"

namespace snipcheck {
namespace {

using extractor::ExpectationKind;
using extractor::trim;

constexpr std::size_t k_none = std::string_view::npos;

bool is_blank_char(char c) { return c == ' ' || c == '\t'; }

std::size_t skip_blanks(std::string_view text, std::size_t at) {
    while (at < text.size() && is_blank_char(text[at])) {
        ++at;
    }
    return at;
}

std::string_view leading_blanks(std::string_view text) { return text.substr(0, skip_blanks(text, 0)); }

bool only_blanks(std::string_view text) { return skip_blanks(text, 0) == text.size(); }

// "a\nb" -> {"a", "b"}; "" -> {""}.
std::vector<std::string_view> split_value(std::string_view value) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (true) {
        const std::size_t stop = value.find('\n', start);
        if (stop == std::string_view::npos) {
            lines.push_back(value.substr(start));
            return lines;
        }
        lines.push_back(value.substr(start, stop - start));
        start = stop + 1;
    }
}

// The document's line `number` (1-based), or nullptr past the end.
const RawLine* raw_line(const RawLines& raw, int number) {
    if (number < 1 || number > static_cast<int>(raw.lines.size())) {
        return nullptr;
    }
    return &raw.lines[static_cast<std::size_t>(number - 1)];
}

// Line `number`, which the caller has found to exist.
const RawLine& known_line(const RawLines& raw, int number) { return raw.lines.at(static_cast<std::size_t>(number - 1)); }

// New line texts get terminators: each the first old line's, the last one
// the last old line's (which is empty when the document ends there).
LineReplacement replacement(const RawLines& raw, int first, int count, const std::vector<std::string>& texts) {
    LineReplacement result;
    result.first = first;
    result.count = count;
    const std::string_view inner_end = known_line(raw, first).end.empty() ? raw.usual_end : known_line(raw, first).end;
    const std::string_view last_end = known_line(raw, first + count - 1).end;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        result.lines.push_back(texts[i] + std::string(i + 1 == texts.size() ? last_end : inner_end));
    }
    return result;
}

std::string not_found(int line, std::string_view value) {
    return fmt::format("the written value was not found as the extractor read it on line {} ({})", line,
                       value_for_message(value));
}

// ---- comments on code lines: # Output: V, # V, #> V, # => V, # -> V ----

// Case-insensitive: does `text` continue with `label` at `at`?
bool has_label_at(std::string_view text, std::size_t at, std::string_view label) {
    if (text.size() - at < label.size()) {
        return false;
    }
    for (std::size_t i = 0; i < label.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[at + i])) != label[i]) {
            return false;
        }
    }
    return true;
}

// Where the value would start after the `#` at `hash`, for the markers this
// kind is written with (python_expectations.cpp reads the same ones), or npos.
std::size_t value_start_after(std::string_view text, std::size_t hash, ExpectationKind kind) {
    const std::size_t after = skip_blanks(text, hash + 1);
    switch (kind) {
    case ExpectationKind::output_comment:
        for (std::string_view label : {"outputs:", "output:", "out:", "prints:", "output =", "output ->"}) {
            if (has_label_at(text, after, label)) {
                return skip_blanks(text, after + label.size());
            }
        }
        return k_none;
    case ExpectationKind::value_comment: return hash + 1 < text.size() && text[hash + 1] == '>' ? k_none : after;
    case ExpectationKind::arrow:
        if (hash + 1 < text.size() && text[hash + 1] == '>') {
            return skip_blanks(text, hash + 2);
        }
        if (text.substr(after, 2) == "=>" || text.substr(after, 2) == "->") {
            return skip_blanks(text, after + 2);
        }
        return k_none;
    default: return k_none;
    }
}

struct CommentSpot {
    std::size_t hash = k_none;   // the comment's `#`
    std::size_t start = k_none;  // the value's first byte
    std::size_t end = k_none;    // one past its last byte
};

// The one place on `text` where a comment of this kind holds `value`,
// followed only by `remark` and blanks; nullopt when there is none or more
// than one.
std::optional<CommentSpot> find_comment_value(std::string_view text, ExpectationKind kind, std::string_view value,
                                              std::string_view remark) {
    std::optional<CommentSpot> found;
    for (std::size_t hash = text.find('#'); hash != k_none; hash = text.find('#', hash + 1)) {
        const std::size_t start = value_start_after(text, hash, kind);
        if (start == k_none || text.substr(start, value.size()) != value) {
            continue;
        }
        if (trim(text.substr(start + value.size())) != remark) {
            continue;
        }
        if (found) {
            return std::nullopt;  // two places would do: refuse to choose
        }
        found = CommentSpot{hash, start, start + value.size()};
    }
    return found;
}

Expected<LineReplacement, std::string> comment_value(const RawLines& raw, const PlannedEdit& edit) {
    const std::vector<std::string_view> old_lines = split_value(edit.old_value);
    const std::vector<std::string_view> new_lines = split_value(edit.new_value);
    const int count = static_cast<int>(old_lines.size());
    std::vector<CommentSpot> spots;
    for (int j = 0; j < count; ++j) {
        const RawLine* line = raw_line(raw, edit.line + j);
        const std::string_view remark = j + 1 == count ? std::string_view(edit.remark) : std::string_view();
        std::optional<CommentSpot> spot =
            line == nullptr ? std::nullopt
                            : find_comment_value(line->text, edit.kind, old_lines[static_cast<std::size_t>(j)], remark);
        // Continuation lines are comments of their own, as the extractor reads them.
        if (!spot || (j > 0 && !only_blanks(line->text.substr(0, spot->hash)))) {
            return unexpected(not_found(edit.line + j, old_lines[static_cast<std::size_t>(j)]));
        }
        spots.push_back(*spot);
    }
    const std::string_view first = known_line(raw, edit.line).text;
    const std::string_view last = known_line(raw, edit.line + count - 1).text;
    const std::string_view tail = last.substr(spots.back().end);  // blanks and the remark
    // The prefix of a new continuation line: an old one's, else the first
    // line's marker at the code's indentation.
    std::string continuation;
    if (count > 1) {
        continuation = std::string(known_line(raw, edit.line + 1).text.substr(0, spots[1].start));
    } else if (only_blanks(first.substr(0, spots[0].hash))) {
        continuation = std::string(first.substr(0, spots[0].start));
    } else {
        continuation = std::string(leading_blanks(first)) +
                       std::string(first.substr(spots[0].hash, spots[0].start - spots[0].hash));
    }
    std::vector<std::string> texts;
    for (std::size_t j = 0; j < new_lines.size(); ++j) {
        std::string text = j == 0 ? std::string(first.substr(0, spots[0].start)) : continuation;
        if (new_lines[j].empty()) {
            while (!text.empty() && is_blank_char(text.back())) {
                text.pop_back();
            }
        }
        text += new_lines[j];
        if (j + 1 == new_lines.size()) {
            text += tail;
        }
        texts.push_back(std::move(text));
    }
    return replacement(raw, edit.line, count, texts);
}

// ---- `# Output:` on its own line, then `# line` comment lines ----

Expected<LineReplacement, std::string> output_comment_lines(const RawLines& raw, const PlannedEdit& edit) {
    const std::vector<std::string_view> old_lines = split_value(edit.old_value);
    const std::vector<std::string_view> new_lines = split_value(edit.new_value);
    const int first = edit.line + 1;
    const int count = static_cast<int>(old_lines.size());
    std::string indent;
    bool spaced = true;  // a blank between `#` and the text, which the extractor drops
    for (int j = 0; j < count; ++j) {
        const RawLine* line = raw_line(raw, first + j);
        if (line == nullptr) {
            return unexpected(not_found(first + j, old_lines[static_cast<std::size_t>(j)]));
        }
        const std::size_t hash = skip_blanks(line->text, 0);
        std::string_view body = line->text.substr(std::min(hash + 1, line->text.size()));
        const bool has_space = body.starts_with(' ');
        if (has_space) {
            body.remove_prefix(1);
        }
        const std::string_view want = old_lines[static_cast<std::size_t>(j)];
        const bool same = body == want || (body.size() > want.size() && body.starts_with(want) &&
                                           only_blanks(body.substr(want.size())));
        if (hash >= line->text.size() || line->text[hash] != '#' || !same) {
            return unexpected(not_found(first + j, want));
        }
        if (j == 0) {
            indent = std::string(line->text.substr(0, hash));
            spaced = has_space;
        }
    }
    std::vector<std::string> texts;
    for (std::string_view value : new_lines) {
        std::string text = indent + "#";
        if (!value.empty()) {
            text += spaced || value.starts_with(' ') ? " " : "";
            text += value;
        }
        texts.push_back(std::move(text));
    }
    return replacement(raw, first, count, texts);
}

// ---- doctest: output lines after a `>>>` example ----

Expected<LineReplacement, std::string> doctest_output(const RawLines& raw, const PlannedEdit& edit) {
    const std::vector<std::string_view> old_lines = split_value(edit.old_value);
    const std::vector<std::string_view> new_lines = split_value(edit.new_value);
    const int count = static_cast<int>(old_lines.size());
    const RawLine* prompt = raw_line(raw, edit.statement_line);
    const std::size_t at = prompt == nullptr ? k_none : prompt->text.find(">>>");
    if (at == k_none || !only_blanks(prompt->text.substr(0, at))) {
        return unexpected(fmt::format("the `>>>` prompt was not found on line {}", edit.statement_line));
    }
    const std::string indent(prompt->text.substr(0, at));
    // Plain output lines (`<BLANKLINE>` for an empty one), or all written as
    // comments (`# 5`), as some documents do.
    bool plain = true;
    bool comments = true;
    for (int j = 0; j < count; ++j) {
        const RawLine* line = raw_line(raw, edit.line + j);
        const std::string_view want = old_lines[static_cast<std::size_t>(j)];
        if (line == nullptr || !line->text.starts_with(indent)) {
            return unexpected(not_found(edit.line + j, want));
        }
        const std::string_view rest = line->text.substr(indent.size());
        plain = plain && (rest == want || (want.empty() && trim(rest) == "<BLANKLINE>"));
        std::string_view body = trim(rest);
        if (!body.starts_with('#')) {
            comments = false;
            continue;
        }
        body.remove_prefix(1);
        if (body.starts_with(' ')) {
            body.remove_prefix(1);
        }
        comments = comments && body == want;
    }
    if (!plain && !comments) {
        return unexpected(not_found(edit.line, edit.old_value));
    }
    std::vector<std::string> texts;
    for (std::string_view value : new_lines) {
        if (plain) {
            texts.push_back(indent + (value.empty() ? std::string("<BLANKLINE>") : std::string(value)));
        } else {
            texts.push_back(indent + (value.empty() ? std::string("#") : "# " + std::string(value)));
        }
    }
    return replacement(raw, edit.line, count, texts);
}

// ---- an output block after the code block ----

Expected<LineReplacement, std::string> output_block(const RawLines& raw, const PlannedEdit& edit) {
    const std::vector<std::string_view> old_lines = split_value(edit.old_value);
    const std::vector<std::string_view> new_lines = split_value(edit.new_value);
    // A `console` block keeps the `$ command` lines before the output.
    bool console = false;
    for (int j = std::min(edit.line - 1, static_cast<int>(raw.lines.size())); j >= 1; --j) {
        const std::string_view text = known_line(raw, j).text;
        if (extractor::is_blank(text)) {
            continue;
        }
        if (std::optional<extractor::FenceLine> fence = extractor::parse_fence(text)) {
            console = fence->info.substr(0, 7) == "console";
        }
        break;
    }
    int first = edit.line;
    while (console && raw_line(raw, first) != nullptr && extractor::shell_prompt_length(trim(raw_line(raw, first)->text)) > 0) {
        ++first;
    }
    const int count = static_cast<int>(old_lines.size());
    std::optional<std::string> indent;  // of the block's body, from its first line with text
    for (int j = 0; j < count; ++j) {
        const RawLine* line = raw_line(raw, first + j);
        const std::string_view want = old_lines[static_cast<std::size_t>(j)];
        if (line == nullptr) {
            return unexpected(not_found(first + j, want));
        }
        if (console && extractor::shell_prompt_length(trim(line->text)) > 0) {
            return unexpected(fmt::format("line {}: a console block with commands between its outputs is not rewritten",
                                          first + j));
        }
        if (want.empty()) {
            if (!extractor::is_blank(line->text)) {
                return unexpected(not_found(first + j, want));
            }
            continue;
        }
        if (!indent) {
            if (!line->text.ends_with(want) || !only_blanks(line->text.substr(0, line->text.size() - want.size()))) {
                return unexpected(not_found(first + j, want));
            }
            indent = std::string(line->text.substr(0, line->text.size() - want.size()));
        }
        if (line->text != *indent + std::string(want)) {
            return unexpected(not_found(first + j, want));
        }
    }
    std::vector<std::string> texts;
    for (std::string_view value : new_lines) {
        texts.push_back(value.empty() ? std::string() : indent.value_or(std::string()) + std::string(value));
    }
    return replacement(raw, first, count, texts);
}

// ---- a one-line comment that becomes an `# Output:` block ----

// Do the brackets opened on `code` close on it, outside string literals,
// with no continuation? A statement that goes on would be cut by a block.
bool ends_its_statement(std::string_view code) {
    int depth = 0;
    char quote = 0;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (quote != 0) {
            if (c == '\\') {
                ++i;
            } else if (c == quote) {
                quote = 0;
            }
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '(' || c == '[' || c == '{') {
            ++depth;
        } else if (c == ')' || c == ']' || c == '}') {
            --depth;
        }
    }
    const std::string_view end = trim(code);
    return quote == 0 && depth == 0 && !end.empty() && end.back() != '\\' && end.back() != ':' && end.back() != ',';
}

Expected<LineReplacement, std::string> comment_to_block(const RawLines& raw, const PlannedEdit& edit) {
    const RawLine* line = raw_line(raw, edit.line);
    const std::optional<CommentSpot> spot =
        line == nullptr || edit.old_value.find('\n') != std::string::npos
            ? std::nullopt
            : find_comment_value(line->text, edit.kind, edit.old_value, edit.remark);
    if (!spot) {
        return unexpected(not_found(edit.line, edit.old_value));
    }
    std::string_view code = line->text.substr(0, spot->hash);
    while (!code.empty() && is_blank_char(code.back())) {
        code.remove_suffix(1);
    }
    if (!ends_its_statement(code)) {
        return unexpected(std::string("the statement goes on past the comment's line, so an `# Output:` block "
                                      "has no place below it; write one by hand"));
    }
    const std::string indent(leading_blanks(line->text));
    std::vector<std::string> texts = {std::string(code), indent + "# Output:"};
    for (std::string_view value : split_value(edit.new_value)) {
        texts.push_back(value.empty() ? indent + "#" : indent + "# " + std::string(value));
    }
    return replacement(raw, edit.line, 1, texts);
}

}  // namespace

Expected<LineReplacement, std::string> locate_replacement(const RawLines& raw, const PlannedEdit& edit) {
    if (edit.to_comment_block) {
        return comment_to_block(raw, edit);
    }
    switch (edit.kind) {
    case ExpectationKind::output_comment:
    case ExpectationKind::value_comment:
    case ExpectationKind::arrow: return comment_value(raw, edit);
    case ExpectationKind::output_lines: return output_comment_lines(raw, edit);
    case ExpectationKind::doctest: return doctest_output(raw, edit);
    case ExpectationKind::output_block: return output_block(raw, edit);
    case ExpectationKind::raises: break;
    }
    return unexpected(std::string("an expected exception is not rewritten"));
}

}  // namespace snipcheck
