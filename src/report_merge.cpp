#include "src/report_merge.hpp"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "src/diagnostic.hpp"
#include "src/report_from_json.hpp"
#include "src/report_json.hpp"

namespace snipcheck {
namespace {

constexpr std::size_t k_unknown_order = std::numeric_limits<std::size_t>::max();

std::string warning(const std::string& path, const std::string& message) {
    return format_diagnostic({path, 0, Severity::warning, message});
}

// Appends the items of `more` that `into` does not hold yet.
void unite(std::vector<std::string>& into, const std::vector<std::string>& more) {
    for (const std::string& item : more) {
        if (std::find(into.begin(), into.end(), item) == into.end()) {
            into.push_back(item);
        }
    }
}

// The same file and id in two inputs: one line naming both.
std::string find_overlap(const std::vector<SavedReport>& inputs) {
    std::map<std::string, std::size_t> input_of;  // "file\nid" -> the input that holds it
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        for (const SavedSnippet& snippet : inputs[i].snippets) {
            const ComparedSnippet& outcome = snippet.outcome;
            const auto [it, added] = input_of.try_emplace(outcome.file + '\n' + outcome.id, i);
            if (!added && it->second != i) {
                return format_diagnostic(
                    {inputs[i].path, 0, Severity::error,
                     fmt::format("{}:{}: snippet {} is also in {}: a merge joins reports of different documents "
                                 "(such as the shards of one run), not two runs of the same ones",
                                 outcome.file, outcome.start_line, outcome.id, inputs[it->second].path)});
            }
        }
    }
    return {};
}

// Shards of one run: the same N, each index once, none missing.
void check_shards(const std::vector<SavedReport>& inputs, std::vector<std::string>& warnings) {
    const SavedReport& first = inputs.front();
    const int count = first.shard->spec.count;
    std::map<int, const SavedReport*> by_index;
    for (const SavedReport& input : inputs) {
        const ShardSpec& spec = input.shard->spec;
        if (spec.count != count) {
            warnings.push_back(warning(input.path, fmt::format("shard {}/{}, but {} is shard {}/{}: they split "
                                                               "different runs",
                                                               spec.index, spec.count, first.path,
                                                               first.shard->spec.index, count)));
            return;
        }
        if (const auto [it, added] = by_index.emplace(spec.index, &input); !added) {
            warnings.push_back(warning(input.path, fmt::format("shard {}/{} again (also {})", spec.index, count,
                                                               it->second->path)));
        }
    }
    for (int index = 1; index <= count; ++index) {
        if (by_index.count(index) == 0) {
            warnings.push_back(fmt::format("snipcheck: warning: shard {}/{} is missing: the merged report covers "
                                           "only part of the run",
                                           index, count));
        }
    }
}

// The whole run's position of each document, from the shards' records.
std::map<std::string, std::size_t> document_order(const std::vector<SavedReport>& inputs) {
    std::map<std::string, std::size_t> order;
    for (const SavedReport& input : inputs) {
        for (const ShardDocument& document : input.shard->documents) {
            auto [it, added] = order.try_emplace(document.file, document.order);
            if (!added) {
                it->second = std::min(it->second, document.order);
            }
        }
    }
    return order;
}

// Joins the baseline comparisons, or drops them (with a warning) when some
// input has none: a half-compared report would count half the regressions.
void merge_baselines(std::vector<SavedReport>& inputs, MergedReport& merged) {
    const auto is_compared = [](const SavedReport& input) { return input.baseline.has_value(); };
    const auto compared = static_cast<std::size_t>(std::count_if(inputs.begin(), inputs.end(), is_compared));
    if (compared == 0) {
        return;
    }
    if (compared < inputs.size()) {
        const auto with = std::find_if(inputs.begin(), inputs.end(), is_compared);
        const auto without = std::find_if_not(inputs.begin(), inputs.end(), is_compared);
        merged.warnings.push_back(warning(without->path, fmt::format("not compared with a baseline, but {} is: the "
                                                                     "merged report leaves the comparison out",
                                                                     with->path)));
        for (SavedReport& input : inputs) {
            input.baseline.reset();
            for (SavedSnippet& snippet : input.snippets) {
                snippet.change.reset();
                snippet.fields.erase("change");
                snippet.fields.erase("baseline_status");
            }
        }
        return;
    }
    BaselineReport baseline{inputs.front().baseline->file, {}, {}};
    for (SavedReport& input : inputs) {
        if (input.baseline->file != baseline.file) {
            merged.warnings.push_back(warning(input.path, fmt::format("compared with {}, but {} with {}",
                                                                      input.baseline->file, inputs.front().path,
                                                                      baseline.file)));
        }
        for (ComparedSnippet& removed : input.baseline->removed) {
            baseline.removed.push_back(std::move(removed));
        }
        for (std::string& error : input.baseline->new_errors) {
            baseline.new_errors.push_back(std::move(error));
        }
    }
    merged.report.baseline = std::move(baseline);
}

}  // namespace

Expected<MergedReport, std::string> merge_reports(std::vector<SavedReport> inputs) {
    MergedReport merged;
    if (inputs.empty()) {
        return merged;
    }
    if (std::string overlap = find_overlap(inputs); !overlap.empty()) {
        return unexpected(std::move(overlap));
    }
    for (const SavedReport& input : inputs) {
        merged.inputs.push_back(input.path);
    }
    const bool all_shards =
        std::all_of(inputs.begin(), inputs.end(), [](const SavedReport& input) { return input.shard.has_value(); });
    std::map<std::string, std::size_t> order;
    if (all_shards) {
        check_shards(inputs, merged.warnings);
        order = document_order(inputs);
    }
    merge_baselines(inputs, merged);

    SavedReport& report = merged.report;
    std::string python_from;  // the input whose Python version the merged report names
    for (SavedReport& input : inputs) {
        if (!input.python.empty() && report.python.empty()) {
            report.python = input.python;
            python_from = input.path;
        } else if (!input.python.empty() && input.python != report.python) {
            const std::string message =
                fmt::format("ran Python {}, but {} ran Python {}", input.python, python_from, report.python);
            merged.warnings.push_back(warning(input.path, message));
        }
        report.seconds = std::max(report.seconds, input.seconds);
        unite(report.sandbox.protections, input.sandbox.protections);
        unite(report.sandbox.missing, input.sandbox.missing);
        unite(report.errors, input.errors);
        for (SavedSnippet& snippet : input.snippets) {
            report.snippets.push_back(std::move(snippet));
        }
    }
    // Without the shards' record of the run's order, by path; a document's
    // own snippets keep their order either way (a stable sort).
    const auto position = [&](const SavedSnippet& snippet) {
        const auto it = order.find(snippet.outcome.file);
        return it == order.end() ? k_unknown_order : it->second;
    };
    const auto before = [&](const SavedSnippet& a, const SavedSnippet& b) {
        const std::size_t position_a = all_shards ? position(a) : 0;
        const std::size_t position_b = all_shards ? position(b) : 0;
        if (position_a != position_b) {
            return position_a < position_b;
        }
        return a.outcome.file < b.outcome.file;
    };
    std::stable_sort(report.snippets.begin(), report.snippets.end(), before);
    return merged;
}

std::string dump_merged_json(const MergedReport& merged) {
    nlohmann::json out = run_report_to_json(to_run_report(merged.report));
    // Each snippet exactly as its input wrote it: fields this snipcheck does
    // not know survive the merge.
    nlohmann::json& snippets = out["snippets"];
    for (std::size_t i = 0; i < merged.report.snippets.size() && i < snippets.size(); ++i) {
        snippets[i] = merged.report.snippets[i].fields;
    }
    out["merged_from"] = merged.inputs;
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace snipcheck
