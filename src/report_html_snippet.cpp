#include "src/report_html_snippet.hpp"

#include <set>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "src/html_text.hpp"
#include "src/join.hpp"

namespace snipcheck {
namespace {

// Snippet output is capped at 1 MiB per stream by the runners; a page of
// thousands of snippets shows the start of each (the JSON report has all).
constexpr std::size_t k_max_output_bytes = 64 * 1024;

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        lines.push_back(text.substr(0, end));
        if (end == std::string_view::npos) {
            break;
        }
        text.remove_prefix(end + 1);
    }
    return lines;
}

std::string message_of(const SnippetReport& item) {
    if (!item.verdict.message.empty()) {
        return item.verdict.message;
    }
    return item.run.reason.empty() ? std::string(status_name(item.verdict.status)) : item.run.reason;
}

// The code with document line numbers; the lines that show the verdict
// (an expectation that did not hold, the line that raised) and lines with
// findings are marked.
void append_code(std::string& out, const SnippetReport& item) {
    const extractor::Snippet& snippet = item.snippet;
    std::set<int> bad;
    std::set<int> noted;
    for (const ExpectationResult& expectation : item.verdict.expectations) {
        if (!expectation.ok) {
            bad.insert(expectation.line);
        }
    }
    if (item.verdict.status == Status::error && item.run.exception_line > 0) {
        bad.insert(item.run.exception_line);
    }
    for (const std::vector<Finding>* findings : {&snippet.findings, &item.run.findings}) {
        for (const Finding& finding : *findings) {
            noted.insert(finding.line);
        }
    }
    out += "<pre class=\"code\">";
    const std::vector<std::string_view> lines = lines_of(snippet.code);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const int line = extractor::document_line(snippet, static_cast<int>(i) + 1);
        const char* mark = bad.count(line) > 0 ? " bad" : noted.count(line) > 0 ? " note" : "";
        out += fmt::format("<span class=\"row{}\"><span class=\"ln\">{}</span>", mark, line);
        append_html(out, lines[i]);
        out += "</span>";
    }
    out += "</pre>\n";
}

void append_diff(std::string& out, std::string_view diff) {
    out += "<pre class=\"diff\">";
    for (const std::string_view line : lines_of(diff)) {
        const char* kind = !line.empty() && line.front() == '-' ? "del" : !line.empty() && line.front() == '+' ? "add" : "";
        out += fmt::format("<span class=\"{}\">", kind);
        append_html(out, line);
        out += "\n</span>";
    }
    out += "</pre>";
}

void append_expectations(std::string& out, const SnippetReport& item) {
    const bool judged = !item.verdict.expectations.empty();
    if (!judged && item.snippet.expectations.empty()) {
        return;
    }
    out += "<h3>Expectations</h3>\n<table class=\"expectations\"><thead><tr><th>line</th><th>expected</th>"
           "<th>actual</th><th>result</th></tr></thead><tbody>\n";
    if (!judged) {
        // Not run or stopped early: what the document expects, nothing to compare.
        for (const extractor::Expectation& expectation : item.snippet.expectations) {
            out += fmt::format("<tr><td>{}</td><td><pre>{}</pre></td><td>\u2014</td><td>not compared</td></tr>\n",
                               expectation.line, html_text(expectation.expected));
        }
    }
    for (const ExpectationResult& expectation : item.verdict.expectations) {
        out += fmt::format("<tr><td>{}</td><td><pre>{}</pre></td><td><pre>{}</pre></td><td class=\"{}\">{}{}</td></tr>\n",
                           expectation.line, html_text(expectation.expected), html_text(expectation.actual),
                           expectation.ok ? "ok" : "not-ok", expectation.ok ? "holds" : "does not hold",
                           expectation.how.empty() ? "" : " (" + html_text(expectation.how) + ")");
        if (!expectation.diff.empty()) {
            out += "<tr><td></td><td colspan=\"3\">";
            append_diff(out, expectation.diff);
            out += "</td></tr>\n";
        }
    }
    out += "</tbody></table>\n";
}

void append_exception(std::string& out, const SnippetReport& item) {
    const RunOutput& run = item.run;
    if (run.exception_type.empty() || item.verdict.status == Status::pass) {
        return;
    }
    const int line = run.exception_line > 0 ? run.exception_line : item.snippet.start_line;
    out += fmt::format("<h3>Raised</h3>\n<p class=\"raised\">line {}: {}", line, html_text(run.exception_type));
    if (!run.exception_message.empty()) {
        out += ": " + html_text(run.exception_message);
    }
    out += "</p>\n";
    if (!run.traceback.empty()) {
        out += "<pre class=\"traceback\">" + html_text(run.traceback) + "</pre>\n";
    }
}

void append_findings(std::string& out, const extractor::Snippet& snippet, const RunOutput& run) {
    if (snippet.findings.empty() && run.findings.empty()) {
        return;
    }
    out += "<h3>Findings</h3>\n<ul class=\"findings\">\n";
    for (const std::vector<Finding>* findings : {&snippet.findings, &run.findings}) {
        for (const Finding& finding : *findings) {
            out += fmt::format("<li class=\"sev-{0}\">line {1}: {0}: {2} [{3}]</li>\n", severity_name(finding.severity),
                               finding.line, html_text(finding.message), html_text(finding.rule));
        }
    }
    out += "</ul>\n";
}

// "line 6 (f52fad9d599c)" linked to that snippet; replays come from the same document.
void append_replayed(std::string& out, const RunOutput& run, const DocumentReports& document,
                     std::size_t document_index) {
    if (run.replayed.empty()) {
        return;
    }
    std::vector<std::string> links;
    for (const std::string& id : run.replayed) {
        std::string link = html_text(id);
        for (const SnippetReport* other : document.snippets) {
            if (other->snippet.id == id) {
                link = fmt::format("<a href=\"#{}\">line {} ({})</a>", html_text(snippet_anchor(document_index, id)),
                                   other->snippet.start_line, html_text(id));
                break;
            }
        }
        links.push_back(std::move(link));
    }
    out += "<p class=\"replayed\">replayed first: " + join(links, ", ") + "</p>\n";
}

void append_list(std::string& out, std::string_view label, const std::vector<std::string>& items) {
    if (items.empty()) {
        return;
    }
    out += fmt::format("<p class=\"where\">{}:</p>\n<ul class=\"plain\">\n", label);
    for (const std::string& entry : items) {
        out += "<li>" + html_text(entry) + "</li>\n";
    }
    out += "</ul>\n";
}

void append_output(std::string& out, std::string_view name, std::string_view text, std::size_t cut_bytes) {
    if (text.empty()) {
        return;
    }
    std::size_t hidden = cut_bytes;
    if (text.size() > k_max_output_bytes) {
        hidden += text.size() - k_max_output_bytes;
        text = text.substr(0, k_max_output_bytes);
    }
    out += fmt::format("<details class=\"output\"><summary>{} ({} bytes{})</summary><pre>", name, text.size() + hidden,
                       hidden > 0 ? fmt::format(", the last {} not shown", hidden) : "");
    append_html(out, text);
    out += "</pre></details>\n";
}

}  // namespace

std::string snippet_anchor(std::size_t document_index, const std::string& snippet_id) {
    return fmt::format("d{}-{}", document_index, snippet_id);
}

void append_snippet_html(std::string& out, const SnippetReport& item, const DocumentReports& document,
                         std::size_t document_index) {
    const extractor::Snippet& snippet = item.snippet;
    const RunOutput& run = item.run;
    const char* status = status_name(item.verdict.status);
    const std::string message = html_text(message_of(item));
    // A failure the configuration allows keeps its status, collapsed and marked.
    const bool allowed = is_allowed_problem(item);
    out += fmt::format("<details class=\"snippet status-{0}\" data-status=\"{0}\"{3} id=\"{1}\"{2}>\n", status,
                       html_text(snippet_anchor(document_index, snippet.id)),
                       is_unallowed_problem(item) ? " open" : "", allowed ? " data-allowed=\"true\"" : "");
    out += fmt::format("<summary><span class=\"badge bg-{0}\">{0}</span>{5}<span class=\"lines\">lines {1}\u2013{2}</span>"
                       "<span class=\"lang\">{3}</span><span class=\"msg\">{4}</span></summary>\n",
                       status, snippet.start_line, snippet.end_line, html_text(snippet.language), message,
                       allowed ? "<span class=\"badge bg-allowed\" title=\"allow-fail in the configuration\">allowed</span>"
                               : "");
    out += "<div class=\"body\">\n<p class=\"where\">";
    if (!snippet.heading.empty()) {
        out += "in: " + html_text(join(snippet.heading.strings(), " \u203a ")) + " \u00b7 ";
    }
    out += fmt::format("{} \u00b7 id {} \u00b7 evidence {} \u00b7 {:.1f} ms</p>\n",
                       extractor::form_name(snippet.form), html_text(snippet.id),
                       evidence_name(item.verdict.evidence), run.duration_ms);
    out += "<p class=\"message\">" + message + "</p>\n";
    append_code(out, item);
    append_expectations(out, item);
    append_exception(out, item);
    append_findings(out, snippet, run);
    append_replayed(out, run, document, document_index);
    append_list(out, "stood in", run.stubs);
    append_list(out, "ran against", run.services);
    append_list(out, "defects", snippet.defects);
    append_output(out, "stdout", run.stdout_text, run.stdout_cut_bytes);
    append_output(out, "stderr", run.stderr_text, run.stderr_cut_bytes);
    out += "</div>\n</details>\n";
}

}  // namespace snipcheck
