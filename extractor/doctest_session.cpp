#include "extractor/doctest_session.hpp"

#include "extractor/line_classifier.hpp"
#include "extractor/python_expectations.hpp"

namespace snipcheck::extractor {
namespace {

bool is_prompt(std::string_view line, std::string_view prompt) {
    return line.substr(0, 3) == prompt && (line.size() == 3 || line[3] == ' ');
}

std::string_view after_prompt(std::string_view line) {
    return line.size() > 4 ? line.substr(4) : std::string_view{};
}

}  // namespace

std::string traceback_exception(const std::vector<std::string_view>& output) {
    for (auto it = output.rbegin(); it != output.rend(); ++it) {
        std::string_view line = trim(*it);
        if (line.empty() || (*it)[0] == ' ') {
            continue;
        }
        std::string_view name = line.substr(0, line.find(':'));
        std::string_view last = name.substr(name.rfind('.') == std::string_view::npos ? 0 : name.rfind('.') + 1);
        if (is_exception_name(last)) {
            return std::string(name);
        }
        break;
    }
    return {};
}

bool is_doctest_session(const std::vector<std::string_view>& lines) {
    // Comment lines may stand before the first prompt (`# Python 3.8+`).
    for (std::string_view line : lines) {
        std::string_view text = trim(line);
        if (!text.empty() && text[0] != '#') {
            return is_prompt(text, ">>>");
        }
    }
    return false;
}

DoctestSession parse_doctest_session(const std::vector<std::string_view>& lines, int first_line) {
    DoctestSession session;
    const int indent = lines.empty() ? 0 : indent_width(lines.front());
    std::size_t i = 0;
    while (i < lines.size()) {
        std::string_view line = remove_indent(lines[i], indent);
        if (!is_prompt(line, ">>>")) {
            ++i;
            continue;
        }
        const int statement_line = first_line + static_cast<int>(i);
        session.code.push_back(after_prompt(line));
        session.line_map.push_back(statement_line);
        ++i;
        while (i < lines.size() && is_prompt(remove_indent(lines[i], indent), "...")) {
            session.code.push_back(after_prompt(remove_indent(lines[i], indent)));
            session.line_map.push_back(first_line + static_cast<int>(i));
            ++i;
        }
        std::vector<std::string_view> output;
        const int output_line = first_line + static_cast<int>(i);
        while (i < lines.size() && !is_blank(lines[i]) && !is_prompt(remove_indent(lines[i], indent), ">>>")) {
            output.push_back(remove_indent(lines[i], indent));
            ++i;
        }
        if (output.empty()) {
            continue;
        }
        // Some documents write a prompt's output as comments (`>>> f()` then `# 5`).
        bool all_comments = true;
        for (std::string_view out : output) {
            all_comments = all_comments && trim(out).substr(0, 1) == "#";
        }
        if (all_comments) {
            for (std::string_view& out : output) {
                out = trim(out).substr(1);
                if (!out.empty() && out.front() == ' ') {
                    out.remove_prefix(1);
                }
            }
        }
        Expectation expectation;
        expectation.line = output_line;
        expectation.statement_line = statement_line;
        if (trim(output.front()).substr(0, 9) == "Traceback") {
            expectation.kind = ExpectationKind::raises;
            expectation.expected = traceback_exception(output);
        } else {
            expectation.kind = ExpectationKind::doctest;
            for (std::size_t k = 0; k < output.size(); ++k) {
                if (k > 0) {
                    expectation.expected += '\n';
                }
                expectation.expected += trim(output[k]) == "<BLANKLINE>" ? std::string() : std::string(output[k]);
            }
        }
        session.expectations.push_back(std::move(expectation));
    }
    return session;
}

}  // namespace snipcheck::extractor
