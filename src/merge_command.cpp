#include "src/merge_command.hpp"

#include <ostream>
#include <sstream>

#include "src/output_file.hpp"
#include "src/report_from_json.hpp"
#include "src/report_junit.hpp"
#include "src/report_merge.hpp"
#include "src/report_reader.hpp"
#include "src/report_term.hpp"

namespace snipcheck {

int run_merge(const MergeOptions& options, std::ostream& out, std::ostream& err) {
    std::vector<SavedReport> inputs;
    for (const std::string& path : options.inputs) {
        auto report = read_report(path);
        if (!report) {
            err << report.error() << '\n';
            return 2;
        }
        inputs.push_back(std::move(*report));
    }
    auto merged = merge_reports(std::move(inputs));
    if (!merged) {
        err << merged.error() << '\n';
        return 2;
    }
    for (const std::string& warning : merged->warnings) {
        err << warning << '\n';
    }
    const bool compared = merged->report.baseline.has_value();
    if (options.fail_on == FailOn::regressed && !compared) {
        err << "snipcheck: error: --fail-on regressed needs reports compared with a baseline (run --baseline)\n";
        return 2;
    }
    const RunReport report = to_run_report(merged->report);
    std::string text;
    switch (options.format) {
    case MergeFormat::json: text = dump_merged_json(*merged); break;
    case MergeFormat::junit: text = run_report_to_junit(report); break;
    case MergeFormat::term: {
        std::ostringstream stream;
        TermStyle style;
        style.verbose = options.verbose;
        write_term_report(report, stream, style);
        text = stream.str();
        break;
    }
    }
    if (options.output.empty()) {
        out << text;
    } else if (std::string failure = write_file_atomically(options.output, text); !failure.empty()) {
        err << "snipcheck: error: " << failure << '\n';
        return 2;
    }
    const FailOn policy = options.fail_on.value_or(compared ? FailOn::regressed : FailOn::fail);
    return exit_status_for(policy, outcome_counts(report));
}

}  // namespace snipcheck
