#include "src/update_command.hpp"

#include <algorithm>
#include <map>
#include <ostream>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "src/diagnostic.hpp"
#include "src/expectation_update.hpp"
#include "src/input_files.hpp"
#include "src/output_file.hpp"
#include "src/unified_diff.hpp"

namespace snipcheck {
namespace {

std::string changed_message(const std::string& path) {
    return format_diagnostic({path, 0, Severity::error, "changed since it was read, not updated"});
}

// The documents of a run, each with its judged snippets, by path.
std::map<std::string, std::vector<const SnippetReport*>> snippets_by_path(const RunReport& report) {
    std::map<std::string, std::vector<const SnippetReport*>> documents;
    for (const DocumentReports& document : group_by_document(report)) {
        documents[document.path] = document.snippets;
    }
    return documents;
}

// Each edit and refusal, in line order.
void tell(std::ostream& err, const std::string& path, const DocumentUpdate& update, UpdateMode mode) {
    const char* verb = mode == UpdateMode::diff ? "would update" : "updated";
    std::vector<std::pair<int, std::string>> messages;
    for (const AppliedEdit& edit : update.edits) {
        messages.emplace_back(edit.line, fmt::format("{}:{}: {}: {} -> {}", path, edit.line, verb,
                                                     value_for_message(edit.old_value), value_for_message(edit.new_value)));
    }
    for (const UpdateRefusal& refusal : update.refusals) {
        messages.emplace_back(refusal.line, fmt::format("{}:{}: not updated: {}", path, refusal.line, refusal.reason));
    }
    std::stable_sort(messages.begin(), messages.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [line, message] : messages) {
        err << message << '\n';
    }
}

}  // namespace

std::string changed_since_read(const std::string& path, const std::string& read_bytes) {
    auto current = read_input(path);
    if (!current || current->bytes != read_bytes) {
        return changed_message(path);
    }
    return {};
}

std::string write_updated_document(const std::string& path, const std::string& read_bytes, const std::string& new_bytes) {
    if (std::string changed = changed_since_read(path, read_bytes); !changed.empty()) {
        return changed;
    }
    // Checked again once the new bytes wait beside it, to keep the window
    // in which another editor's save would be lost as short as it can be.
    const std::string failure =
        write_file_atomically(path, new_bytes, [&] { return changed_since_read(path, read_bytes); });
    if (failure.empty() || failure == changed_message(path)) {
        return failure;
    }
    return "snipcheck: error: " + failure;
}

UpdateOutcome update_documents(const RunOptions& options, const JudgedRun& first, std::ostream& err) {
    UpdateOutcome outcome;
    std::vector<std::string> order;  // documents in the report's order
    std::map<std::string, UpdatePlan> plans;
    std::vector<std::string> to_confirm;
    for (const DocumentReports& document : group_by_document(first.report)) {
        const std::string& path = document.path;
        UpdatePlan plan = plan_expectation_updates(document.snippets);
        if (plan.edits.empty() && plan.refusals.empty()) {
            continue;
        }
        if (!plan.edits.empty()) {
            to_confirm.push_back(path);
        }
        order.push_back(path);
        plans.emplace(path, std::move(plan));
    }
    // Values that change from run to run (time, randomness, hash order in a
    // fresh interpreter) are caught by running those documents once more.
    if (!to_confirm.empty()) {
        RunOptions again = options;
        again.paths = to_confirm;
        again.update = UpdateMode::none;
        const JudgedRun second = judge_documents(again, KeepBytes::yes, err);
        const std::map<std::string, std::vector<const SnippetReport*>> judged_again = snippets_by_path(second.report);
        for (const std::string& path : to_confirm) {
            const auto read_again = second.bytes.find(path);
            if (read_again == second.bytes.end() || read_again->second != first.bytes.at(path)) {
                err << changed_message(path) << '\n';
                outcome.failed = true;
                plans.erase(path);
                continue;
            }
            const auto it = judged_again.find(path);
            confirm_with_second_run(plans.at(path), it == judged_again.end() ? std::vector<const SnippetReport*>{} : it->second);
        }
    }
    int updated = 0;
    int refused = 0;
    int changed_documents = 0;
    for (const std::string& path : order) {
        const auto plan = plans.find(path);
        const auto read = first.bytes.find(path);
        if (plan == plans.end() || read == first.bytes.end()) {
            continue;  // not read by this run (standard input is refused before it starts)
        }
        const DocumentUpdate update = update_document(path, read->second, plan->second);
        refused += static_cast<int>(update.refusals.size());
        if (update.edits.empty()) {
            tell(err, path, update, options.update);
            continue;
        }
        if (options.update == UpdateMode::diff) {
            outcome.diff += unified_diff(path, read->second, update.bytes);
        } else if (std::string failure = write_updated_document(path, read->second, update.bytes); !failure.empty()) {
            err << failure << '\n';
            outcome.failed = true;
            refused += static_cast<int>(update.edits.size());
            continue;
        }
        tell(err, path, update, options.update);
        updated += static_cast<int>(update.edits.size());
        ++changed_documents;
    }
    if (updated > 0 || refused > 0) {
        err << fmt::format("snipcheck: {} {} expectation{} in {} document{}; {} left as written\n",
                           options.update == UpdateMode::diff ? "would update" : "updated", updated,
                           updated == 1 ? "" : "s", changed_documents, changed_documents == 1 ? "" : "s", refused);
    }
    return outcome;
}

}  // namespace snipcheck
