#include "src/report_html.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <vector>

#include <fmt/format.h>

#include "src/html_text.hpp"
#include "src/join.hpp"
#include "src/report_html_assets.hpp"
#include "src/report_html_snippet.hpp"
#include "src/sha256.hpp"

namespace snipcheck {
namespace {

constexpr std::array<Status, 5> k_statuses = {Status::pass, Status::fail, Status::error, Status::timeout,
                                              Status::skip};
constexpr int k_chart_width = 1000;  // SVG user units; the chart scales to the page
constexpr std::size_t k_max_index_items = 200;  // links in "Needs attention"

using Counts = std::array<std::size_t, 5>;  // indexed by Status

Counts count(const std::vector<const SnippetReport*>& items) {
    Counts counts{};
    for (const SnippetReport* item : items) {
        ++counts[static_cast<std::size_t>(item->verdict.status)];
    }
    return counts;
}

std::size_t of(const Counts& counts, Status status) { return counts[static_cast<std::size_t>(status)]; }

// "1 pass, 1 fail": the words with a count, in vocabulary order.
std::string nonzero_counts(const Counts& counts) {
    std::vector<std::string> parts;
    for (const Status status : k_statuses) {
        if (of(counts, status) > 0) {
            parts.push_back(fmt::format("{} {}", of(counts, status), status_name(status)));
        }
    }
    return parts.empty() ? std::string("none") : join(parts, ", ");
}

// The Content-Security-Policy allows the page's own style and script by
// hash and nothing else: no network, no other script, even if escaping
// ever failed.
std::string content_security_policy() {
    return fmt::format("default-src 'none'; style-src 'sha256-{}'; script-src 'sha256-{}'; base-uri 'none'; "
                       "form-action 'none'",
                       sha256_base64(k_report_css), sha256_base64(k_report_script));
}

// A bar split by status, each part as wide as its share; the numbers are
// beside it as text.
std::string totals_chart(const Counts& counts, std::size_t total) {
    std::string svg = fmt::format("<svg viewBox=\"0 0 {} 32\" preserveAspectRatio=\"none\" role=\"img\" "
                                  "aria-label=\"{}\">",
                                  k_chart_width, html_text(nonzero_counts(counts)));
    std::size_t before = 0;
    for (const Status status : k_statuses) {
        const std::size_t n = of(counts, status);
        if (n == 0 || total == 0) {
            continue;
        }
        // Edges from the running sum, so the parts always fill the bar exactly.
        const std::size_t x = before * k_chart_width / total;
        const std::size_t end = (before + n) * k_chart_width / total;
        before += n;
        svg += fmt::format("<rect class=\"fill-{0}\" x=\"{1}\" y=\"0\" width=\"{2}\" height=\"32\">"
                           "<title>{3} {0}</title></rect>",
                           status_name(status), x, end - x, n);
    }
    return svg + "</svg>";
}

void append_header(std::string& out, const RunReport& report, const Counts& counts, std::size_t documents) {
    const std::size_t total = report.snippets.size();
    const std::size_t problems = of(counts, Status::fail) + of(counts, Status::error) + of(counts, Status::timeout);
    const auto attention = static_cast<std::size_t>(
        std::count_if(report.snippets.begin(), report.snippets.end(), is_unallowed_problem));
    const std::string allowed =
        problems > attention ? fmt::format(" ({} more allowed to fail)", problems - attention) : std::string();
    out += "<header>\n<h1>snipcheck report: ";
    if (attention > 0 || !report.document_errors.empty()) {
        out += fmt::format("<span class=\"verdict-fail\">{} of {} snippets need attention{}</span>", attention, total,
                           allowed);
    } else if (problems > 0) {
        out += fmt::format("<span class=\"verdict-pass\">no snippet of {} needs attention{}</span>", total, allowed);
    } else {
        out += fmt::format("<span class=\"verdict-pass\">all {} snippets hold</span>", total);
    }
    out += "</h1>\n";
    out += fmt::format("<p class=\"meta\">{} snippets in {} document{} \u00b7 {:.2f} s \u00b7 snipcheck {}", total,
                       documents, documents == 1 ? "" : "s", report.seconds, SNIPCHECK_VERSION);
    if (!report.python_version.empty()) {
        out += " \u00b7 Python " + html_text(report.python_version);
    }
    out += "</p>\n<div class=\"totals\">\n" + totals_chart(counts, total) + "\n<ul class=\"counts\" id=\"totals\">\n";
    for (const Status status : k_statuses) {
        out += fmt::format("<li><span class=\"dot bg-{0}\"></span><span class=\"count\" id=\"total-{0}\">{1}</span> "
                           "{0}</li>\n",
                           status_name(status), of(counts, status));
    }
    out += fmt::format("<li><span class=\"count\" id=\"total-all\">{}</span> total</li>\n</ul>\n</div>\n</header>\n",
                       total);
}

// Filters need the script; without it the bar stays hidden and every
// snippet is listed.
void append_filters(std::string& out) {
    out += "<nav id=\"filters\" hidden>\n";
    for (const Status status : k_statuses) {
        out += fmt::format("<label><input type=\"checkbox\" data-filter=\"{0}\" checked> <span class=\"dot bg-{0}\">"
                           "</span>{0} (<span data-count-of=\"{0}\"></span>)</label>\n",
                           status_name(status));
    }
    out += "<input type=\"search\" id=\"search\" placeholder=\"filter by file, code or message\" "
           "aria-label=\"filter by text\">\n<button type=\"button\" id=\"expand\">expand all</button>"
           "<button type=\"button\" id=\"collapse\">collapse all</button>\n<span id=\"shown\"></span>\n</nav>\n";
}

void append_problems(std::string& out, const RunReport& report) {
    if (report.document_errors.empty() && report.sandbox.missing.empty()) {
        return;
    }
    out += "<section class=\"problems\">\n<ul>\n";
    for (const std::string& error : report.document_errors) {
        out += "<li>" + html_text(error) + "</li>\n";
    }
    for (const std::string& missing : report.sandbox.missing) {
        out += "<li>snipcheck: warning: sandbox: " + html_text(missing) + "</li>\n";
    }
    out += "</ul>\n</section>\n";
}

// Links to every snippet that needs attention, so a large run's failures
// are one click away instead of somewhere among thousands of passes.
void append_attention_index(std::string& out, const std::vector<DocumentReports>& documents) {
    std::string items;
    std::size_t listed = 0;
    std::size_t unlisted = 0;
    for (std::size_t index = 0; index < documents.size(); ++index) {
        for (const SnippetReport* item : documents[index].snippets) {
            const Status status = item->verdict.status;
            if (!is_unallowed_problem(*item)) {
                continue;
            }
            if (listed == k_max_index_items) {
                ++unlisted;
                continue;
            }
            ++listed;
            items += fmt::format("<li><span class=\"badge bg-{0}\">{0}</span> <a href=\"#{1}\">{2}:{3}</a> {4}</li>\n",
                                 status_name(status), html_text(snippet_anchor(index, item->snippet.id)),
                                 html_text(item->snippet.file), item->snippet.start_line,
                                 html_text(item->verdict.message));
        }
    }
    if (listed == 0) {
        return;
    }
    out += fmt::format("<section class=\"attention\">\n<h2>Needs attention ({})</h2>\n<ul>\n", listed + unlisted);
    out += items;
    if (unlisted > 0) {
        out += fmt::format("<li>\u2026 and {} more below</li>\n", unlisted);
    }
    out += "</ul>\n</section>\n";
}

}  // namespace

std::string run_report_to_html(const RunReport& report) {
    const std::vector<DocumentReports> documents = group_by_document(report);
    std::vector<const SnippetReport*> all;
    for (const SnippetReport& item : report.snippets) {
        all.push_back(&item);
    }
    const Counts counts = count(all);
    std::string out;
    out.reserve(4096 + report.snippets.size() * 2048);
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"" + content_security_policy() + "\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>snipcheck: " + html_text(nonzero_counts(counts)) + "</title>\n";
    out += "<style>";
    out += k_report_css;
    out += "</style>\n</head>\n<body>\n";
    append_header(out, report, counts, documents.size());
    append_filters(out);
    out += "<main>\n";
    append_problems(out, report);
    append_attention_index(out, documents);
    for (std::size_t index = 0; index < documents.size(); ++index) {
        const DocumentReports& document = documents[index];
        out += fmt::format("<section class=\"document\" id=\"doc-{}\">\n<h2>{} <span class=\"doc-counts\">({} snippet{}: "
                           "{})</span></h2>\n",
                           index, html_text(document.path), document.snippets.size(),
                           document.snippets.size() == 1 ? "" : "s", nonzero_counts(count(document.snippets)));
        for (const SnippetReport* item : document.snippets) {
            append_snippet_html(out, *item, document, index);
        }
        out += "</section>\n";
    }
    out += "</main>\n";
    out += fmt::format("<footer>snipcheck {}; passing and skipped snippets are collapsed: click one to open it. "
                       "The JSON report (--format json) holds every field.</footer>\n",
                       SNIPCHECK_VERSION);
    out += "<script>";
    out += k_report_script;
    out += "</script>\n</body>\n</html>\n";
    return out;
}

}  // namespace snipcheck
