#include "src/list_table.hpp"
#include "src/join.hpp"

#include <fmt/format.h>

namespace snipcheck {
namespace {


// Pads `text` with spaces to `column` characters, at least two past its end.
void pad_to(std::string& text, std::size_t column) {
    text.append(text.size() + 2 > column ? 2 : column - text.size(), ' ');
}

}  // namespace

void ListTable::add_document(const std::string& path, const extractor::ExtractedDocument& extracted) {
    ++m_documents;
    m_rows += fmt::format("{}  ({} snippets)\n", path, extracted.snippets.size());
    // A mis-encoded document has a defect on most lines: show a few of each kind.
    std::map<std::string, int> shown;
    for (const extractor::DocumentDefect& defect : extracted.defects) {
        if (++shown[defect.code] <= 3) {
            m_rows += fmt::format("  {}:{}: {}\n", path, defect.line, defect.message);
        }
    }
    for (const auto& [code, count] : shown) {
        if (count > 3) {
            m_rows += fmt::format("  {}: ... and {} more lines with {}\n", path, count - 3, code);
        }
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
        if (!snippet.part_file.empty()) {
            notes.push_back("file " + snippet.part_file);
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
        // One row per snippet of possibly huge documents: plain appends, no format parsing.
        const std::size_t row_start = m_rows.size();
        m_rows += "  ";
        m_rows += path;
        m_rows += ':';
        m_rows += std::to_string(snippet.start_line);
        m_rows += '-';
        m_rows += std::to_string(snippet.end_line);
        pad_to(m_rows, row_start + path.size() + 16);
        m_rows += snippet.language;
        pad_to(m_rows, row_start + path.size() + 28);
        m_rows += extractor::form_name(snippet.form);
        pad_to(m_rows, row_start + path.size() + 38);
        m_rows += snippet.id;
        pad_to(m_rows, row_start + path.size() + 54);
        m_rows += join(notes, "; ");
        m_rows.erase(m_rows.find_last_not_of(' ') + 1);
        m_rows += '\n';
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
