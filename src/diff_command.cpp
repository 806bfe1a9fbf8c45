#include "src/diff_command.hpp"

#include <ostream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "src/baseline.hpp"
#include "src/output_file.hpp"
#include "src/report_json.hpp"
#include "src/report_reader.hpp"

namespace snipcheck {
namespace {

using nlohmann::json;

// One line per snippet worth a look: regressed, fixed, another status, or
// new and not passing. A new passing snippet and an unchanged one need none.
void write_changed_snippet(std::ostream& out, const ComparedSnippet& now, const SnippetChange& change) {
    const std::string location = fmt::format("{}:{}: ", now.file, now.start_line);
    const char* status = status_name(now.status);
    if (change.change == Change::added) {
        if (now.status != Status::pass) {
            out << location << "new: " << status << ": " << now.message << '\n';
        }
        return;
    }
    if (!change.was || (change.change == Change::same && *change.was == now.status)) {
        return;
    }
    const std::string word = change.change == Change::same ? "" : std::string(change_name(change.change)) + ": ";
    out << location << word << "was " << status_name(*change.was) << ", now " << status << ": " << now.message << '\n';
}

std::string term_diff(const DiffOptions& options, const ReportOutcomes& now, const BaselineComparison& comparison) {
    std::ostringstream out;
    for (std::size_t i = 0; i < now.snippets.size(); ++i) {
        write_changed_snippet(out, now.snippets[i], comparison.changes[i]);
    }
    for (const ComparedSnippet& removed : comparison.removed) {
        out << removed.file << ':' << removed.start_line << ": removed: was " << status_name(removed.status) << " in "
            << options.old_report << '\n';
    }
    for (const std::string& error : comparison.new_errors) {
        out << error << " (not in " << options.old_report << ")\n";
    }
    const ChangeCounts& counts = comparison.counts;
    out << fmt::format("{} -> {}: {} regressed, {} fixed, {} new, {} removed, {} same", options.old_report,
                       options.new_report, counts.regressed, counts.fixed, counts.added, counts.removed, counts.same);
    if (counts.status_changed > 0) {
        out << fmt::format(" ({} of them changed status)", counts.status_changed);
    }
    if (counts.new_errors > 0) {
        out << fmt::format("; {} new document error{}", counts.new_errors, counts.new_errors == 1 ? "" : "s");
    }
    out << '\n';
    return out.str();
}

std::string json_diff(const DiffOptions& options, const ReportOutcomes& now, const BaselineComparison& comparison) {
    json snippets = json::array();
    for (std::size_t i = 0; i < now.snippets.size(); ++i) {
        const SnippetChange& change = comparison.changes[i];
        json entry = compared_snippet_to_json(now.snippets[i]);
        entry["change"] = change_name(change.change);
        entry["baseline_status"] = change.was ? json(status_name(*change.was)) : json(nullptr);
        entry["baseline_line"] = change.was ? json(change.was_line) : json(nullptr);
        snippets.push_back(std::move(entry));
    }
    json removed = json::array();
    for (const ComparedSnippet& snippet : comparison.removed) {
        removed.push_back(compared_snippet_to_json(snippet));
    }
    const ChangeCounts& counts = comparison.counts;
    const json root = {{"schema", 1},
                       {"tool", {{"name", "snipcheck"}, {"version", SNIPCHECK_VERSION}}},
                       {"old", options.old_report},
                       {"new", options.new_report},
                       {"summary",
                        {{"regressed", counts.regressed},
                         {"fixed", counts.fixed},
                         {"new", counts.added},
                         {"removed", counts.removed},
                         {"same", counts.same},
                         {"status_changed", counts.status_changed},
                         {"new_errors", counts.new_errors}}},
                       {"snippets", std::move(snippets)},
                       {"removed", std::move(removed)},
                       {"new_errors", comparison.new_errors}};
    return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace

int run_diff(const DiffOptions& options, std::ostream& out, std::ostream& err) {
    auto old_report = read_report(options.old_report);
    if (!old_report) {
        err << old_report.error() << '\n';
        return 2;
    }
    auto new_report = read_report(options.new_report);
    if (!new_report) {
        err << new_report.error() << '\n';
        return 2;
    }
    const ReportOutcomes now = outcomes_of(*new_report);
    const BaselineComparison comparison = compare_with_baseline(outcomes_of(*old_report), now);
    const std::string text = options.format == DiffFormat::json ? json_diff(options, now, comparison)
                                                                : term_diff(options, now, comparison);
    if (options.output.empty()) {
        out << text;
    } else if (std::string failure = write_file_atomically(options.output, text); !failure.empty()) {
        err << "snipcheck: error: " << failure << '\n';
        return 2;
    }
    return comparison.counts.regressed + comparison.counts.new_errors > 0 ? 1 : 0;
}

}  // namespace snipcheck
