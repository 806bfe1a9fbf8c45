#include "src/run_output_lines.hpp"

#include <cctype>
#include <string_view>

namespace snipcheck {
namespace {

// Calls `on_frame(frame_begin, number_begin, number_end, in_document)` for
// each traceback frame `File "FILE", line N` in `text`: where the frame
// starts, where N's digits are, and whether FILE is the document `path`.
template <typename OnFrame>
void for_each_frame(const std::string& text, const std::string& path, OnFrame on_frame) {
    const std::string opening = "File \"";
    const std::string middle = "\", line ";
    for (std::size_t at = text.find(opening); at != std::string::npos; at = text.find(opening, at + 1)) {
        const std::size_t file_begin = at + opening.size();
        const std::size_t file_end = text.find(middle, file_begin);
        if (file_end == std::string::npos || text.find_first_of("\"\n", file_begin) < file_end) {
            continue;
        }
        const std::size_t begin = file_end + middle.size();
        std::size_t end = begin;
        while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end])) != 0) {
            ++end;
        }
        if (end > begin) {
            on_frame(at, begin, end, text.compare(file_begin, file_end - file_begin, path) == 0);
        }
    }
}

std::string move_frames(const std::string& text, const std::string& path, int delta) {
    std::string moved;
    std::size_t copied = 0;
    for_each_frame(text, path, [&](std::size_t, std::size_t begin, std::size_t end, bool in_document) {
        if (!in_document) {
            return;
        }
        moved.append(text, copied, begin - copied);
        moved += std::to_string(std::stoi(text.substr(begin, end - begin)) + delta);
        copied = end;
    });
    moved.append(text, copied, std::string::npos);
    return moved;
}

std::string without_frames(const std::string& text, const std::string& path) {
    std::string kept;
    std::size_t copied = 0;
    for_each_frame(text, path, [&](std::size_t frame, std::size_t, std::size_t end, bool) {
        // Frames in other files (the standard library's) name lines that do
        // not move with the document: they go too.
        kept.append(text, copied, frame - copied);
        copied = end;
    });
    kept.append(text, copied, std::string::npos);
    return kept;
}

// "line 12", "Line 3", "lines  4" (any case).
bool names_a_line(std::string_view text) {
    for (std::size_t at = 0; at + 5 < text.size(); ++at) {
        const auto lower = [&](std::size_t i) { return static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))); };
        if (lower(at) != 'l' || lower(at + 1) != 'i' || lower(at + 2) != 'n' || lower(at + 3) != 'e') {
            continue;
        }
        std::size_t next = at + 4;
        if (next < text.size() && lower(next) == 's') {
            ++next;
        }
        const std::size_t spaces = next;
        while (next < text.size() && text[next] == ' ') {
            ++next;
        }
        if (next > spaces && next < text.size() && std::isdigit(static_cast<unsigned char>(text[next])) != 0) {
            return true;
        }
    }
    return false;
}

bool mentions(std::string_view text, const std::string& path) {
    return names_a_line(text) || (!path.empty() && text.find(path) != std::string_view::npos);
}

}  // namespace

void move_run_lines(RunOutput& run, const std::string& path, int delta) {
    if (delta == 0) {
        return;
    }
    for (StatementOutput& statement : run.statements) {
        statement.line += statement.line > 0 ? delta : 0;
        statement.end_line += statement.end_line > 0 ? delta : 0;
    }
    if (run.exception_line > 0) {
        run.exception_line += delta;
    }
    for (RaisedAt& raised : run.raised_at) {
        raised.line += raised.line > 0 ? delta : 0;
    }
    move_finding_lines(run.findings, delta);
    for (TestOutcome& test : run.tests) {
        test.line += test.line > 0 ? delta : 0;
    }
    run.traceback = move_frames(run.traceback, path, delta);
}

void move_finding_lines(std::vector<Finding>& findings, int delta) {
    for (Finding& finding : findings) {
        finding.line += finding.line > 0 ? delta : 0;
    }
}

bool mentions_position(const RunOutput& run, const std::string& path) {
    for (const StatementOutput& statement : run.statements) {
        if (mentions(statement.output, path) || mentions(statement.exception_message, path)) {
            return true;
        }
    }
    for (const std::string& stub : run.stubs) {
        if (mentions(stub, path)) {
            return true;
        }
    }
    for (const TestOutcome& test : run.tests) {
        if (mentions(test.message, path)) {
            return true;
        }
    }
    return mentions(run.stdout_text, path) || mentions(run.stderr_text, path) ||
           mentions(run.exception_message, path) || mentions(without_frames(run.traceback, path), path) ||
           mentions(run.reason, path) || mentions(run.missing_environment, path) ||
           mentions_position(run.findings, path);
}

bool mentions_position(const std::vector<Finding>& findings, const std::string& path) {
    for (const Finding& finding : findings) {
        if (mentions(finding.message, path)) {
            return true;
        }
    }
    return false;
}

}  // namespace snipcheck
