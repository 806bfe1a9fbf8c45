#include "src/report_github.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "src/document_uri.hpp"
#include "src/verdict_details.hpp"

namespace snipcheck {
namespace {

constexpr std::size_t k_max_message_lines = 30;  // per part of an annotation's message
constexpr std::size_t k_max_summary_items = 50;  // GitHub caps a step summary at 1 MiB
constexpr std::size_t k_max_summary_message = 300;  // bytes of one message in the summary

const char* command_of(Severity severity) {
    switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "notice";
    }
    return "warning";
}

void append_command(std::string& out, const char* command, const std::string& file, LineRange lines,
                    std::string_view title, std::string_view message) {
    out += fmt::format("::{} file={},line={},endLine={},title={}::{}\n", command, github_escape_property(file),
                       lines.start, lines.end, github_escape_property(title), github_escape_data(message));
}

// Markdown that shows `text` as it is: each character that can start markup
// (emphasis, code, a link, an HTML tag or entity, a table cell, math, a
// mention) is backslash-escaped, line breaks become spaces, and it is cut at
// `limit` bytes on a character boundary.
std::string markdown_text(std::string_view text, std::size_t limit) {
    bool was_cut = false;
    if (text.size() > limit) {
        std::size_t end = limit;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
            --end;
        }
        text = text.substr(0, end);
        was_cut = true;
    }
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n' || c == '\r' || c == '\t') {
            out += ' ';
        } else if (byte < 0x20 || byte == 0x7F) {
            continue;
        } else if (byte < 0x80 && std::strchr("\\`*_{}[]<>()#+-!|~&$@", c) != nullptr) {
            out += '\\';
            out += c;
        } else {
            out += c;
        }
    }
    return was_cut ? out + " …" : out;
}

// "[docs/a.md:15](https://github.com/o/r/blob/SHA/docs/a.md#L15)", or the
// escaped text alone when there is no context or the path leaves the repository.
std::string line_link(const std::string& file, LineRange lines, const GithubContext& context) {
    const std::string text = lines.start == lines.end ? fmt::format("{}:{}", file, lines.start)
                                                      : fmt::format("{}:{}-{}", file, lines.start, lines.end);
    const std::string uri = document_uri(file);
    const bool in_repository = !file.empty() && file.front() != '/' && uri.rfind("../", 0) != 0 && uri != "-";
    if (context.server_url.empty() || context.repository.empty() || context.sha.empty() || !in_repository) {
        return markdown_text(text, text.size());
    }
    const std::string anchor = lines.start == lines.end ? fmt::format("L{}", lines.start)
                                                        : fmt::format("L{}-L{}", lines.start, lines.end);
    return fmt::format("[{}]({}/{}/blob/{}/{}#{})", markdown_text(text, text.size()), context.server_url,
                       context.repository, context.sha, uri, anchor);
}

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value == nullptr ? std::string() : std::string(value);
}

}  // namespace

GithubContext github_context_from_environment() {
    return {environment("GITHUB_SERVER_URL"), environment("GITHUB_REPOSITORY"), environment("GITHUB_SHA")};
}

std::string github_escape_data(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '%': out += "%25"; break;
        case '\r': out += "%0D"; break;
        case '\n': out += "%0A"; break;
        default: out += c;
        }
    }
    return out;
}

std::string github_escape_property(std::string_view text) {
    std::string out;
    for (const char c : github_escape_data(text)) {
        switch (c) {
        case ':': out += "%3A"; break;
        case ',': out += "%2C"; break;
        default: out += c;
        }
    }
    return out;
}

std::string run_report_to_github_annotations(const RunReport& report) {
    std::string out;
    for (const SnippetReport& item : report.snippets) {
        const extractor::Snippet& snippet = item.snippet;
        if (is_problem(item.verdict.status)) {
            const std::string title = fmt::format("snipcheck {}{}: {} snippet, lines {}-{}",
                                                  status_name(item.verdict.status),
                                                  item.allowed_to_fail ? " (allowed)" : "", snippet.language,
                                                  snippet.start_line, snippet.end_line);
            // The configuration allows it to fail: a warning, as it fails nothing.
            append_command(out, item.allowed_to_fail ? "warning" : "error", snippet.file, verdict_lines(item), title,
                           verdict_details(item, k_max_message_lines));
        }
        for (const std::vector<Finding>* findings : {&snippet.findings, &item.run.findings}) {
            for (const Finding& finding : *findings) {
                const int line = finding.line > 0 ? finding.line : 1;
                append_command(out, command_of(finding.severity), snippet.file, {line, line},
                               "snipcheck " + finding.rule, finding.message);
            }
        }
    }
    for (const std::string& error : report.document_errors) {
        out += "::error title=snipcheck::" + github_escape_data(error) + "\n";
    }
    return out;
}

std::string run_report_to_github_summary(const RunReport& report, const GithubContext& context) {
    std::array<int, 5> counts{};  // indexed by Status
    for (const SnippetReport& item : report.snippets) {
        ++counts[static_cast<std::size_t>(item.verdict.status)];
    }
    const auto count = [&](Status status) { return counts[static_cast<std::size_t>(status)]; };
    const int attention = count(Status::fail) + count(Status::error) + count(Status::timeout);
    std::string out;
    if (attention == 0 && report.document_errors.empty()) {
        out += fmt::format("## snipcheck: all {} snippets hold\n\n", report.snippets.size());
    } else {
        out += fmt::format("## snipcheck: {} of {} snippets need attention\n\n", attention, report.snippets.size());
    }
    out += "| total | pass | fail | error | timeout | skip | seconds |\n";
    out += "|---:|---:|---:|---:|---:|---:|---:|\n";
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {:.2f} |\n", report.snippets.size(), count(Status::pass),
                       count(Status::fail), count(Status::error), count(Status::timeout), count(Status::skip),
                       report.seconds);
    if (attention > 0 || !report.document_errors.empty()) {
        out += "\n### Needs attention\n\n";
    }
    std::size_t listed = 0;
    std::size_t unlisted = 0;
    for (const SnippetReport& item : report.snippets) {
        if (!is_problem(item.verdict.status)) {
            continue;
        }
        if (listed == k_max_summary_items) {
            ++unlisted;
            continue;
        }
        ++listed;
        const std::string& message = item.verdict.message.empty() ? item.run.reason : item.verdict.message;
        out += fmt::format("- **{}** {}: {}\n", status_name(item.verdict.status),
                           line_link(item.snippet.file, verdict_lines(item), context),
                           markdown_text(message, k_max_summary_message));
    }
    for (const std::string& error : report.document_errors) {
        out += "- " + markdown_text(error, k_max_summary_message) + "\n";
    }
    if (unlisted > 0) {
        out += fmt::format("- … and {} more (the log has the full report)\n", unlisted);
    }
    return out + "\n";
}

std::string github_stop_commands(std::string_view token) {
    return fmt::format("::stop-commands::{}\n", token);
}

std::string github_resume_commands(std::string_view token) {
    return fmt::format("::{}::\n", token);
}

std::string append_github_summary(const std::string& path, std::string_view summary) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        return fmt::format("cannot write the step summary {}: {}", path, std::strerror(errno));
    }
    std::string reason;
    std::size_t written = 0;
    while (written < summary.size()) {
        const ssize_t n = ::write(fd, summary.data() + written, summary.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            reason = std::strerror(errno);
            break;
        }
        written += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0 && reason.empty()) {
        reason = std::strerror(errno);
    }
    return reason.empty() ? std::string() : fmt::format("cannot write the step summary {}: {}", path, reason);
}

}  // namespace snipcheck
