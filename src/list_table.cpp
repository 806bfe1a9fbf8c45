#include "src/list_table.hpp"

#include <fmt/format.h>

namespace snipcheck {
namespace {

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty()) {
            out += separator;
        }
        out += item;
    }
    return out;
}

}  // namespace

void ListTable::add_document(const std::string& path, const extractor::ExtractedDocument& extracted) {
    ++m_documents;
    m_rows += fmt::format("{}  ({} snippets)\n", path, extracted.snippets.size());
    for (const extractor::DocumentDefect& defect : extracted.defects) {
        m_rows += fmt::format("  {}:{}: {}: {}\n", path, defect.line, defect.code, defect.message);
    }
    for (const extractor::Snippet& snippet : extracted.snippets) {
        ++m_snippets;
        ++m_languages[snippet.language];
        m_expectations += static_cast<int>(snippet.expectations.size());
        std::vector<std::string> notes;
        if (!snippet.expectations.empty()) {
            notes.push_back(fmt::format("{} expectation{}", snippet.expectations.size(),
                                        snippet.expectations.size() == 1 ? "" : "s"));
        }
        if (!snippet.defects.empty()) {
            notes.push_back("defects: " + join(snippet.defects, ","));
        }
        if (!snippet.duplicate_of.empty()) {
            ++m_duplicates;
            notes.push_back("duplicate of " + snippet.duplicate_of);
        }
        if (snippet.directives.skip) {
            notes.push_back("skip");
        }
        m_rows += fmt::format("  {:>5}-{:<5}  {:<10}  {:<8}  {}  {}\n", snippet.start_line, snippet.end_line,
                              snippet.language, extractor::form_name(snippet.form), snippet.id, join(notes, "; "));
    }
}

std::string ListTable::render() const {
    std::vector<std::string> languages;
    for (const auto& [language, count] : m_languages) {
        languages.push_back(fmt::format("{} {}", language, count));
    }
    return m_rows + fmt::format("{} snippets in {} documents ({}); {} expectations; {} duplicates\n", m_snippets,
                                m_documents, languages.empty() ? "none" : join(languages, ", "), m_expectations,
                                m_duplicates);
}

}  // namespace snipcheck
