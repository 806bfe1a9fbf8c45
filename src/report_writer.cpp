#include "src/report_writer.hpp"

#include <ostream>
#include <random>
#include <sstream>

#include <fmt/format.h>

#include "src/output_file.hpp"
#include "src/report_html.hpp"
#include "src/report_json.hpp"
#include "src/report_junit.hpp"
#include "src/report_sarif.hpp"
#include "src/report_term.hpp"

namespace snipcheck {
namespace {

// Unguessable by the documents whose text it brackets.
std::string random_token() {
    std::random_device device;
    std::string token = "snipcheck-";
    for (int i = 0; i < 4; ++i) {
        token += fmt::format("{:08x}", device());
    }
    return token;
}

}  // namespace

std::string render_report(ReportFormat format, const RunReport& report, bool color, bool verbose) {
    switch (format) {
    case ReportFormat::json: return dump_run_report_json(report);
    case ReportFormat::junit: return run_report_to_junit(report);
    case ReportFormat::sarif: return dump_run_report_sarif(report);
    case ReportFormat::github: return run_report_to_github_annotations(report);
    case ReportFormat::html: return run_report_to_html(report);
    case ReportFormat::term: break;
    }
    std::ostringstream stream;
    TermStyle style;
    style.color = color;
    style.verbose = verbose;
    write_term_report(report, stream, style);
    return stream.str();
}

std::string write_reports(const RunReport& report, const std::vector<ReportTarget>& targets,
                          const ReportSettings& settings, std::ostream& out, std::ostream& err) {
    std::string failures;
    std::string annotations;  // github's, for standard output
    std::string main_text;    // the other report on standard output
    bool github_used = false;
    bool github_on_stdout = false;
    for (const ReportTarget& target : targets) {
        github_used = github_used || target.format == ReportFormat::github;
        const bool to_stdout = target.path.empty();
        const bool color = to_stdout && settings.stdout_is_terminal;
        std::string text = render_report(target.format, report, color, settings.verbose);
        if (to_stdout && target.format == ReportFormat::github) {
            annotations = std::move(text);
            github_on_stdout = true;
            continue;
        }
        if (to_stdout) {
            main_text = std::move(text);
            continue;
        }
        if (std::string failure = write_file_atomically(target.path, text); !failure.empty()) {
            failures += failure + "\n";
        } else if (target.announce) {
            err << "snipcheck: wrote the " << report_format_name(target.format) << " report to " << target.path << '\n';
        }
    }
    out << annotations;
    if (github_on_stdout && !main_text.empty()) {
        // Document text follows: a line of it must not reach the runner as a command.
        const std::string token = settings.stop_token.empty() ? random_token() : settings.stop_token;
        out << github_stop_commands(token) << main_text << github_resume_commands(token);
    } else {
        out << main_text;
    }
    out.flush();
    if (github_used && !settings.step_summary_path.empty()) {
        const std::string summary = run_report_to_github_summary(report, settings.github);
        if (std::string failure = append_github_summary(settings.step_summary_path, summary); !failure.empty()) {
            failures += failure + "\n";
        }
    }
    if (!failures.empty()) {
        failures.pop_back();
    }
    return failures;
}

}  // namespace snipcheck
