#include "src/baseline.hpp"

#include <cctype>
#include <deque>
#include <filesystem>
#include <map>

namespace snipcheck {
namespace {

bool is_broken(Status status) { return status == Status::fail || status == Status::error || status == Status::timeout; }

// "./docs/a.md" and "docs//a.md" name the same document as "docs/a.md";
// purely lexical, so a report compares the same on any machine.
std::string normal_file(const std::string& file) {
    if (file.empty() || file == "-") {
        return file;
    }
    std::string normal = std::filesystem::path(file).lexically_normal().generic_string();
    return normal.empty() ? file : normal;
}

std::string match_key(const ComparedSnippet& snippet) { return normal_file(snippet.file) + '\n' + snippet.id; }

// A document error without its line number: "a.md:12: error: x" -> "a.md: error: x".
std::string error_key(std::string_view error) {
    for (std::string_view marker : {": error: ", ": warning: ", ": note: "}) {
        const std::size_t at = error.find(marker);
        if (at == std::string_view::npos) {
            continue;
        }
        std::string_view location = error.substr(0, at);
        std::size_t digits = location.size();
        while (digits > 0 && std::isdigit(static_cast<unsigned char>(location[digits - 1])) != 0) {
            --digits;
        }
        if (digits > 0 && digits < location.size() && location[digits - 1] == ':') {
            location = location.substr(0, digits - 1);
        }
        return normal_file(std::string(location)) + std::string(error.substr(at));
    }
    return std::string(error);
}

}  // namespace

const char* change_name(Change change) {
    switch (change) {
    case Change::same: return "same";
    case Change::added: return "new";
    case Change::regressed: return "regressed";
    case Change::fixed: return "fixed";
    }
    return "same";
}

std::optional<Change> change_from_name(std::string_view name) {
    for (Change change : {Change::same, Change::added, Change::regressed, Change::fixed}) {
        if (name == change_name(change)) {
            return change;
        }
    }
    return std::nullopt;
}

Change change_between(Status was, Status now) {
    if (was == Status::pass && is_broken(now)) {
        return Change::regressed;
    }
    if (is_broken(was) && now == Status::pass) {
        return Change::fixed;
    }
    return Change::same;
}

void ChangeCounts::add(const SnippetChange& change, Status now) {
    switch (change.change) {
    case Change::same:
        ++same;
        status_changed += change.was && *change.was != now ? 1 : 0;
        break;
    case Change::added: ++added; break;
    case Change::regressed: ++regressed; break;
    case Change::fixed: ++fixed; break;
    }
}

BaselineComparison compare_with_baseline(const ReportOutcomes& baseline, const ReportOutcomes& now,
                                         const std::set<std::string>* only_files) {
    BaselineComparison comparison;
    // A file named twice on a command line holds each id twice: the copies
    // are matched in order.
    std::map<std::string, std::deque<std::size_t>> old_index;
    for (std::size_t i = 0; i < baseline.snippets.size(); ++i) {
        old_index[match_key(baseline.snippets[i])].push_back(i);
    }
    std::vector<bool> matched(baseline.snippets.size(), false);
    for (const ComparedSnippet& snippet : now.snippets) {
        SnippetChange change;
        const auto it = old_index.find(match_key(snippet));
        if (it != old_index.end() && !it->second.empty()) {
            const std::size_t index = it->second.front();
            it->second.pop_front();
            const ComparedSnippet& old = baseline.snippets[index];
            matched[index] = true;
            change.change = change_between(old.status, snippet.status);
            change.was = old.status;
            change.was_line = old.start_line;
        }
        comparison.counts.add(change, snippet.status);
        comparison.changes.push_back(change);
    }
    std::set<std::string> scope;
    if (only_files != nullptr) {
        for (const std::string& file : *only_files) {
            scope.insert(normal_file(file));
        }
    }
    for (std::size_t i = 0; i < baseline.snippets.size(); ++i) {
        const ComparedSnippet& old = baseline.snippets[i];
        if (!matched[i] && (only_files == nullptr || scope.count(normal_file(old.file)) > 0)) {
            comparison.removed.push_back(old);
        }
    }
    comparison.counts.removed = static_cast<int>(comparison.removed.size());
    std::set<std::string> old_errors;
    for (const std::string& error : baseline.errors) {
        old_errors.insert(error_key(error));
    }
    for (const std::string& error : now.errors) {
        if (old_errors.count(error_key(error)) == 0) {
            comparison.new_errors.push_back(error);
        }
    }
    comparison.counts.new_errors = static_cast<int>(comparison.new_errors.size());
    return comparison;
}

}  // namespace snipcheck
