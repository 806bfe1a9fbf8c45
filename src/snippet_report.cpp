#include "src/snippet_report.hpp"

#include <map>

namespace snipcheck {

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

}  // namespace snipcheck
