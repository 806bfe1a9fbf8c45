#include "src/report_junit.hpp"

#include <array>
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "extractor/text_decoder.hpp"

namespace snipcheck {
namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD";  // U+FFFD

enum class XmlPlace { text, attribute };

// Appends `text` escaped for XML 1.0 character data or a double-quoted
// attribute value. Documents are messy: what XML cannot hold is replaced
// rather than written, since one bad byte makes the whole report unreadable.
void append_xml(std::string& out, std::string_view text, XmlPlace place) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            switch (byte) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            // Quotes need escaping only inside the double-quoted attribute; in text they stay readable.
            case '"': out += place == XmlPlace::attribute ? "&quot;" : "\""; break;
            case '\'': out += place == XmlPlace::attribute ? "&apos;" : "'"; break;
            // An attribute value's whitespace is normalised by parsers unless written as a reference.
            case '\t': out += place == XmlPlace::attribute ? "&#9;" : "\t"; break;
            case '\n': out += place == XmlPlace::attribute ? "&#10;" : "\n"; break;
            case '\r': out += "&#13;"; break;
            default:
                if (byte < 0x20) {
                    out += k_replacement;
                } else {
                    out += static_cast<char>(byte);
                }
            }
            ++i;
            continue;
        }
        const std::size_t length = extractor::utf8_sequence_length(text, i);
        if (length == 0) {
            out += k_replacement;
            ++i;
            continue;
        }
        const std::string_view sequence = text.substr(i, length);
        // U+FFFE and U+FFFF are well-formed UTF-8 but not XML characters.
        if (sequence == "\xEF\xBF\xBE" || sequence == "\xEF\xBF\xBF") {
            out += k_replacement;
        } else {
            out += sequence;
        }
        i += length;
    }
}

std::string xml(std::string_view text, XmlPlace place = XmlPlace::text) {
    std::string out;
    out.reserve(text.size());
    append_xml(out, text, place);
    return out;
}

std::string attribute(std::string_view text) { return xml(text, XmlPlace::attribute); }

std::string seconds(double value) { return fmt::format("{:.3f}", value); }

struct SuiteCounts {
    std::size_t tests = 0;
    std::size_t failures = 0;
    std::size_t errors = 0;  // errors and timeouts: both are <error>
    std::size_t skipped = 0;
    double seconds = 0;

    void add(Status status, double duration_seconds) {
        ++tests;
        failures += status == Status::fail ? 1 : 0;
        errors += status == Status::error || status == Status::timeout ? 1 : 0;
        skipped += status == Status::skip ? 1 : 0;
        seconds += duration_seconds;
    }

    std::string attributes() const {
        return fmt::format(R"(tests="{}" failures="{}" errors="{}" skipped="{}" time="{}")", tests, failures,
                           errors, skipped, snipcheck::seconds(seconds));
    }
};

std::string message_of(const SnippetReport& item) {
    if (item.change && item.change->change == Change::regressed) {
        // CI shows the message first: say it broke since the baseline.
        const std::string was = item.change->was ? status_name(*item.change->was) : "pass";
        return "regressed (was " + was + "): " + item.verdict.message;
    }
    if (!item.verdict.message.empty()) {
        return item.verdict.message;
    }
    if (item.verdict.status == Status::skip) {
        return item.snippet.directives.skip_reason;
    }
    return item.run.reason;
}

// The body of a <failure>: each expectation that did not hold, located.
std::string failure_text(const SnippetReport& item) {
    std::string text;
    for (const ExpectationResult& expectation : item.verdict.expectations) {
        if (expectation.ok) {
            continue;
        }
        text += fmt::format("{}:{}: expected: {}\n", item.snippet.file, expectation.line, expectation.expected);
        text += fmt::format("{}:{}: actual:   {}\n", item.snippet.file, expectation.line, expectation.actual);
        if (!expectation.diff.empty()) {
            text += expectation.diff;
            if (text.back() != '\n') {
                text += '\n';
            }
        }
    }
    return text;
}

// The body of an <error>: the exception and its traceback, else what the
// process left on stderr, else the reason.
std::string error_text(const SnippetReport& item) {
    const RunOutput& run = item.run;
    std::string text;
    if (!run.exception_type.empty()) {
        const int line = run.exception_line > 0 ? run.exception_line : item.snippet.start_line;
        text += fmt::format("{}:{}: {}: {}\n", item.snippet.file, line, run.exception_type, run.exception_message);
        text += run.traceback;
    } else if (!run.reason.empty()) {
        text += run.reason + "\n";
    }
    return text;
}

// A failure the configuration's allow-fail accepts does not fail the run, so
// CI must not count it as one: like pytest's xfail it is a <skipped> of its
// own type, the failure's text kept inside.
Status counted_status(const SnippetReport& item) { return is_allowed_problem(item) ? Status::skip : item.verdict.status; }

// The element that says how the snippet ended; empty for a pass.
std::string verdict_element(const SnippetReport& item) {
    const RunOutput& run = item.run;
    const std::string message = attribute(message_of(item));
    if (is_allowed_problem(item)) {
        const std::string text = item.verdict.status == Status::fail ? failure_text(item) : error_text(item);
        return fmt::format("      <skipped message=\"{}\" type=\"allowed-{}\">{}</skipped>\n",
                           attribute("allowed to fail (allow-fail in the configuration): " + message_of(item)),
                           status_name(item.verdict.status), xml(text));
    }
    switch (item.verdict.status) {
    case Status::pass: return {};
    case Status::fail:
        return fmt::format("      <failure message=\"{}\" type=\"fail\">{}</failure>\n", message, xml(failure_text(item)));
    case Status::error: {
        const std::string type = run.exception_type.empty() ? "error" : run.exception_type;
        return fmt::format("      <error message=\"{}\" type=\"{}\">{}</error>\n", message, attribute(type),
                           xml(error_text(item)));
    }
    case Status::timeout:
        return fmt::format("      <error message=\"{}\" type=\"timeout\">{}</error>\n", message, xml(error_text(item)));
    case Status::skip: return fmt::format("      <skipped message=\"{}\"/>\n", message);
    }
    return {};
}

void append_testcase(std::string& out, const SnippetReport& item) {
    const extractor::Snippet& snippet = item.snippet;
    const RunOutput& run = item.run;
    const std::string name = fmt::format("{}:{} {}", snippet.file, snippet.start_line, snippet.id);
    out += fmt::format(R"(    <testcase classname="{}" name="{}" time="{}")", attribute(snippet.file),
                       attribute(name), seconds(run.duration_ms / 1000.0));
    std::string body = verdict_element(item);
    if (!run.stdout_text.empty()) {
        body += "      <system-out>" + xml(run.stdout_text) + "</system-out>\n";
    }
    if (!run.stderr_text.empty()) {
        body += "      <system-err>" + xml(run.stderr_text) + "</system-err>\n";
    }
    if (body.empty()) {
        out += "/>\n";
    } else {
        out += ">\n" + body + "    </testcase>\n";
    }
}

}  // namespace

std::string run_report_to_junit(const RunReport& report) {
    SuiteCounts total;
    std::string suites;
    for (const auto& [path, items] : group_by_document(report)) {
        SuiteCounts counts;
        std::string cases;
        for (const SnippetReport* item : items) {
            counts.add(counted_status(*item), item->run.duration_ms / 1000.0);
            append_testcase(cases, *item);
        }
        suites += fmt::format("  <testsuite name=\"{}\" {}>\n", attribute(path), counts.attributes());
        suites += cases;
        suites += "  </testsuite>\n";
        total.tests += counts.tests;
        total.failures += counts.failures;
        total.errors += counts.errors;
        total.skipped += counts.skipped;
    }
    if (!report.document_errors.empty()) {
        SuiteCounts counts;
        std::string cases;
        for (const std::string& error : report.document_errors) {
            counts.add(Status::error, 0);
            cases += fmt::format("    <testcase classname=\"snipcheck\" name=\"{}\" time=\"0.000\">\n", attribute(error));
            cases += fmt::format("      <error message=\"{}\" type=\"document\"/>\n", attribute(error));
            cases += "    </testcase>\n";
        }
        suites += fmt::format("  <testsuite name=\"snipcheck\" {}>\n", counts.attributes());
        suites += cases;
        suites += "  </testsuite>\n";
        total.tests += counts.tests;
        total.errors += counts.errors;
    }
    total.seconds = report.seconds;
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
           fmt::format("<testsuites name=\"snipcheck\" {}>\n", total.attributes()) + suites + "</testsuites>\n";
}

}  // namespace snipcheck
