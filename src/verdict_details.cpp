#include "src/verdict_details.hpp"

#include <algorithm>
#include <string_view>

#include <fmt/format.h>

namespace snipcheck {
namespace {

LineRange clamped(int start, int end) {
    LineRange range{std::max(1, start), std::max(1, end)};
    range.end = std::max(range.end, range.start);
    return range;
}

// At most `max_lines` lines of `text`, each ending in a newline, then how
// many more there were.
std::string cut(std::string_view text, std::size_t max_lines) {
    std::string out;
    std::size_t lines = 0;
    std::size_t at = 0;
    while (at < text.size() && lines < max_lines) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        out.append(text.substr(at, end - at)).append("\n");
        at = end + 1;
        ++lines;
    }
    if (at < text.size()) {
        std::size_t rest = 1;
        for (std::size_t i = at; i + 1 < text.size(); ++i) {
            rest += text[i] == '\n' ? 1 : 0;
        }
        out += fmt::format("... {} more line{}\n", rest, rest == 1 ? "" : "s");
    }
    return out;
}

}  // namespace

LineRange verdict_lines(const SnippetReport& item) {
    if (item.verdict.status == Status::fail) {
        for (const ExpectationResult& expectation : item.verdict.expectations) {
            if (!expectation.ok && expectation.line > 0) {
                return clamped(expectation.line, expectation.line);
            }
        }
    }
    if (item.verdict.status == Status::error && item.run.exception_line > 0) {
        return clamped(item.run.exception_line, item.run.exception_line);
    }
    return clamped(item.snippet.start_line, item.snippet.end_line);
}

std::string verdict_details(const SnippetReport& item, std::size_t max_lines) {
    const std::string& message = item.verdict.message.empty() ? item.run.reason : item.verdict.message;
    std::string text = fmt::format("{}: {}", status_name(item.verdict.status), message);
    for (const ExpectationResult& expectation : item.verdict.expectations) {
        if (expectation.ok) {
            continue;
        }
        text += fmt::format("\nline {}: expected:\n{}actual:\n{}", expectation.line, cut(expectation.expected, max_lines),
                            cut(expectation.actual, max_lines));
        if (!expectation.diff.empty()) {
            text += "diff:\n" + cut(expectation.diff, max_lines);
        }
    }
    if (item.verdict.status == Status::error && !item.run.traceback.empty()) {
        text.append("\n").append(cut(item.run.traceback, max_lines));
    }
    while (!text.empty() && text.back() == '\n') {
        text.pop_back();
    }
    return text;
}

}  // namespace snipcheck
