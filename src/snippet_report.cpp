#include "src/snippet_report.hpp"

#include <map>

namespace snipcheck {

bool is_problem(Status status) {
    return status == Status::fail || status == Status::error || status == Status::timeout;
}

bool is_unallowed_problem(const SnippetReport& item) { return is_problem(item.verdict.status) && !item.allowed_to_fail; }

bool is_allowed_problem(const SnippetReport& item) { return is_problem(item.verdict.status) && item.allowed_to_fail; }

std::vector<DocumentReports> group_by_document(const RunReport& report) {
    std::vector<DocumentReports> documents;
    std::map<std::string_view, std::size_t> index;  // path -> position in documents
    for (const SnippetReport& item : report.snippets) {
        const auto [it, added] = index.emplace(item.snippet.file, documents.size());
        if (added) {
            documents.push_back({item.snippet.file, {}});
        }
        documents[it->second].snippets.push_back(&item);
    }
    return documents;
}

ReportOutcomes outcomes_of(const RunReport& report) {
    ReportOutcomes outcomes;
    for (const SnippetReport& item : report.snippets) {
        outcomes.snippets.push_back(
            {item.snippet.file, item.snippet.id, item.snippet.start_line, item.verdict.status, item.verdict.message});
    }
    outcomes.errors = report.document_errors;
    return outcomes;
}

ChangeCounts change_counts(const RunReport& report) {
    ChangeCounts counts;
    for (const SnippetReport& item : report.snippets) {
        if (item.change) {
            counts.add(*item.change, item.verdict.status);
        }
    }
    if (report.baseline) {
        counts.removed = static_cast<int>(report.baseline->removed.size());
        counts.new_errors = static_cast<int>(report.baseline->new_errors.size());
    }
    return counts;
}

}  // namespace snipcheck
