#include "src/report_term.hpp"
#include "src/join.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace snipcheck {
namespace {

// Long texts (tracebacks, outputs, diffs) are cut so one snippet cannot bury
// the rest of the report; the JSON report keeps them whole.
constexpr std::size_t k_max_lines = 15;
constexpr std::string_view k_indent = "    ";
constexpr std::array<Status, 5> k_statuses = {Status::pass, Status::fail, Status::error, Status::timeout,
                                              Status::skip};

using Counts = std::array<int, 5>;  // indexed by Status

class Painter {
public:
    explicit Painter(bool color) : m_color(color) {}

    std::string status(Status status, std::string_view text) const {
        if (!m_color) {
            return std::string(text);
        }
        const char* code = "";
        switch (status) {
        case Status::pass: code = "\x1b[32m"; break;
        case Status::fail:
        case Status::error: code = "\x1b[31m"; break;
        case Status::timeout:
        case Status::skip: code = "\x1b[33m"; break;
        }
        return fmt::format("{}{}\x1b[0m", code, text);
    }

private:
    bool m_color;
};

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        if (end == std::string_view::npos) {
            lines.push_back(text);
            break;
        }
        lines.push_back(text.substr(0, end));
        text.remove_prefix(end + 1);
    }
    return lines;
}

enum class Keep { head, tail };

// Writes `text` indented, at most k_max_lines of it, saying how many were cut.
// Tracebacks keep their tail: the innermost frame and the exception are there.
void write_block(std::ostream& out, std::string_view text, Keep keep) {
    const std::vector<std::string_view> lines = split_lines(text);
    const std::size_t cut = lines.size() > k_max_lines ? lines.size() - k_max_lines : 0;
    const std::size_t first = keep == Keep::tail ? cut : 0;
    if (cut > 0 && keep == Keep::tail) {
        out << k_indent << "... " << cut << " earlier line" << (cut == 1 ? "" : "s") << " cut\n";
    }
    for (std::size_t i = first; i < first + lines.size() - cut; ++i) {
        out << k_indent << lines[i] << '\n';
    }
    if (cut > 0 && keep == Keep::head) {
        out << k_indent << "... " << cut << " more line" << (cut == 1 ? "" : "s") << " cut\n";
    }
}

// "path:19: expected: 11" on one line, or the label and then the value
// indented when it spans lines.
void write_value(std::ostream& out, const std::string& path, int line, std::string_view label,
                 std::string_view value) {
    std::string_view one_line = value;
    if (!one_line.empty() && one_line.back() == '\n') {
        one_line.remove_suffix(1);
    }
    if (one_line.find('\n') == std::string_view::npos) {
        out << path << ':' << line << ": " << label << ' ' << one_line << '\n';
        return;
    }
    out << path << ':' << line << ": " << label << '\n';
    write_block(out, value, Keep::head);
}


// What to say when the checker left the message empty.
std::string fallback_message(const SnippetReport& item) {
    const RunOutput& run = item.run;
    switch (item.verdict.status) {
    case Status::pass: return evidence_name(item.verdict.evidence);
    case Status::fail: return "an expectation did not hold";
    case Status::error:
        if (!run.exception_type.empty()) {
            return run.exception_message.empty() ? run.exception_type
                                                 : run.exception_type + ": " + run.exception_message;
        }
        if (run.end == RunEnd::exited) {
            return fmt::format("exited with status {}", run.exit_code);
        }
        if (run.end == RunEnd::crashed) {
            return fmt::format("killed by signal {}", run.signal);
        }
        return run.reason.empty() ? "error" : run.reason;
    case Status::timeout: return run.reason.empty() ? "timed out" : run.reason;
    case Status::skip:
        return item.snippet.directives.skip_reason.empty() ? "skipped" : item.snippet.directives.skip_reason;
    }
    return "";
}

// With a baseline: a marker under a snippet that regressed, was fixed, or is
// new and not passing (those make the difference between two runs).
void write_change(std::ostream& out, const SnippetChange& change, const Painter& painter) {
    const char* was = change.was ? status_name(*change.was) : "";
    switch (change.change) {
    case Change::regressed:
        out << k_indent << painter.status(Status::fail, "REGRESSED") << ": was " << was << " in the baseline\n";
        break;
    case Change::fixed:
        out << k_indent << painter.status(Status::pass, "FIXED") << ": was " << was << " in the baseline\n";
        break;
    case Change::added: out << k_indent << "new since the baseline\n"; break;
    case Change::same: break;
    }
}

// "line 6 (f52fad9d599c)": a reader finds a line, not a hash. Ids are
// unique within a document, and replays come from the same document.
std::string replayed_text(const RunOutput& run, const std::vector<const SnippetReport*>& document) {
    std::vector<std::string> shown;
    for (const std::string& id : run.replayed) {
        std::string text = id;
        for (const SnippetReport* other : document) {
            if (other->snippet.id == id) {
                text = "line " + std::to_string(other->snippet.start_line) + " (" + id + ")";
                break;
            }
        }
        shown.push_back(std::move(text));
    }
    return join(shown, ", ");
}

void write_snippet(std::ostream& out, const SnippetReport& item, const Painter& painter,
                   const std::vector<const SnippetReport*>& document) {
    const extractor::Snippet& snippet = item.snippet;
    const RunOutput& run = item.run;
    const Status status = item.verdict.status;
    const std::string& path = snippet.file;
    const std::string message = item.verdict.message.empty() ? fallback_message(item) : item.verdict.message;
    out << path << ':' << snippet.start_line << ": " << painter.status(status, status_name(status))
        << (item.allowed_to_fail ? " (allowed)" : "") << ": " << message << '\n';
    if (item.change) {
        write_change(out, *item.change, painter);
    }
    if (!snippet.heading.empty() && status != Status::skip) {
        out << k_indent << "in: " << join(snippet.heading.strings(), " \u203a ") << '\n';
    }
    // Lint findings hold whether or not the snippet could run.
    for (const std::vector<Finding>* findings : {&snippet.findings, &run.findings}) {
        for (const Finding& finding : *findings) {
            out << path << ':' << finding.line << ": " << severity_name(finding.severity) << ": " << finding.message
                << " [" << finding.rule << "]\n";
        }
    }
    if (status == Status::skip) {
        return;
    }
    if (!run.replayed.empty()) {
        out << k_indent << "replayed first: " << replayed_text(run, document) << '\n';
    }
    if (!run.stubs.empty()) {
        out << k_indent << "stood in: " << join(run.stubs, ", ") << '\n';
    }
    if (!run.services.empty()) {
        out << k_indent << "ran against: " << join(run.services, ", ") << '\n';
    }
    for (const ExpectationResult& expectation : item.verdict.expectations) {
        if (expectation.ok) {
            continue;
        }
        write_value(out, path, expectation.line, "expected:", expectation.expected);
        write_value(out, path, expectation.line, "actual:  ", expectation.actual);
        if (!expectation.diff.empty()) {
            write_block(out, expectation.diff, Keep::head);
        }
    }
    if (!run.exception_type.empty() && status != Status::pass) {
        const int line = run.exception_line > 0 ? run.exception_line : snippet.start_line;
        out << path << ':' << line << ": raised " << run.exception_type;
        if (!run.exception_message.empty()) {
            out << ": " << run.exception_message;
        }
        out << '\n';
        if (!run.traceback.empty()) {
            write_block(out, run.traceback, Keep::tail);
        }
    } else if (status == Status::error && !run.stderr_text.empty()) {
        // No traceback (a crash, a shell error): stderr is what explains it.
        out << path << ':' << snippet.start_line << ": stderr:\n";
        write_block(out, run.stderr_text, Keep::tail);
    }
    if (run.stdout_cut_bytes > 0) {
        out << path << ':' << snippet.start_line << ": note: stdout cut: " << run.stdout_cut_bytes
            << " bytes beyond the cap dropped\n";
    }
    if (run.stderr_cut_bytes > 0) {
        out << path << ':' << snippet.start_line << ": note: stderr cut: " << run.stderr_cut_bytes
            << " bytes beyond the cap dropped\n";
    }
}

// "3 pass, 1 fail": only the words with a count, in vocabulary order.
std::string nonzero_counts(const Counts& counts, const Painter& painter) {
    std::vector<std::string> parts;
    for (const Status status : k_statuses) {
        const int count = counts[static_cast<std::size_t>(status)];
        if (count > 0) {
            parts.push_back(painter.status(status, fmt::format("{} {}", count, status_name(status))));
        }
    }
    return join(parts, ", ");
}

// Failures, and a fix the baseline should learn of.
bool needs_attention(const SnippetReport& item) {
    const Status status = item.verdict.status;
    return (status != Status::pass && status != Status::skip) || (item.change && item.change->change == Change::fixed);
}

// "1 regressed, 1 fixed": the changes worth a word in a document's line.
std::string change_words(const ChangeCounts& counts) {
    std::vector<std::string> parts;
    if (counts.regressed > 0) {
        parts.push_back(fmt::format("{} regressed", counts.regressed));
    }
    if (counts.fixed > 0) {
        parts.push_back(fmt::format("{} fixed", counts.fixed));
    }
    return join(parts, ", ");
}

// The closing lines of a compared or sharded run, before the counts.
void write_run_context(const RunReport& report, std::ostream& out) {
    if (report.shard) {
        out << fmt::format("shard {}/{}: {} of {} documents\n", report.shard->spec.index, report.shard->spec.count,
                           report.shard->documents.size(), report.shard->all_documents);
    }
    if (report.baseline) {
        const ChangeCounts counts = change_counts(report);
        out << fmt::format("compared with {}: {} regressed, {} fixed, {} new, {} removed, {} same",
                           report.baseline->file, counts.regressed, counts.fixed, counts.added, counts.removed,
                           counts.same);
        if (counts.new_errors > 0) {
            out << fmt::format("; {} new document error{}", counts.new_errors, counts.new_errors == 1 ? "" : "s");
        }
        out << '\n';
    }
}

}  // namespace

void write_term_report(const RunReport& report, std::ostream& out, const TermStyle& style) {
    const Painter painter(style.color);
    Counts total{};
    int allowed = 0;  // failures the configuration allows: they do not fail the run
    bool blank_pending = false;
    for (const DocumentReports& document : group_by_document(report)) {
        Counts counts{};
        ChangeCounts changes;
        for (const SnippetReport* item : document.snippets) {
            ++counts[static_cast<std::size_t>(item->verdict.status)];
            ++total[static_cast<std::size_t>(item->verdict.status)];
            const Status status = item->verdict.status;
            allowed += item->allowed_to_fail && (status == Status::fail || status == Status::error ||
                                                 status == Status::timeout)
                           ? 1
                           : 0;
            if (item->change) {
                changes.add(*item->change, item->verdict.status);
            }
        }
        if (blank_pending) {
            out << '\n';
            blank_pending = false;
        }
        const std::string changed = change_words(changes);
        out << document.path << "  (" << document.snippets.size() << " snippets: " << nonzero_counts(counts, painter)
            << (changed.empty() ? "" : "; " + changed) << ")\n";
        for (const SnippetReport* item : document.snippets) {
            if (style.verbose || needs_attention(*item)) {
                write_snippet(out, *item, painter, document.snippets);
                blank_pending = true;
            }
        }
    }
    if (blank_pending) {
        out << '\n';
    }
    for (const std::string& error : report.document_errors) {
        out << error << '\n';
    }
    for (const std::string& missing : report.sandbox.missing) {
        out << "snipcheck: warning: sandbox: " << missing << '\n';
    }
    write_run_context(report, out);
    std::vector<std::string> parts;
    for (const Status status : k_statuses) {
        const int count = total[static_cast<std::size_t>(status)];
        const std::string text = fmt::format("{} {}", count, status_name(status));
        parts.push_back(count > 0 ? painter.status(status, text) : text);
    }
    const auto cached = std::count_if(report.snippets.begin(), report.snippets.end(),
                                      [](const SnippetReport& item) { return item.cached; });
    out << report.snippets.size() << " snippets: " << join(parts, ", ");
    if (allowed > 0) {
        out << " (" << allowed << " allowed to fail)";
    }
    out << fmt::format(" in {:.2f} s", report.seconds) << (cached > 0 ? fmt::format(" ({} from cache)", cached) : "")
        << '\n';
}

}  // namespace snipcheck
