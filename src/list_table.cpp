#include "src/list_table.hpp"
#include "src/join.hpp"

#include <utility>

#include <fmt/format.h>

namespace snipcheck {
namespace {


// Pads `text` with spaces to `column` characters, at least two past its end.
void pad_to(std::string& text, std::size_t column) {
    text.append(text.size() + 2 > column ? 2 : column - text.size(), ' ');
}

// The notes column: expectations, file, defects, duplicate, skip, joined
// by "; ". Appended in place: a huge document has a row per snippet, and a
// vector of note strings per row showed in profiles.
void append_notes(std::string& row, const extractor::Snippet& snippet) {
    bool first = true;
    const auto next_note = [&]() -> std::string& {
        if (!first) {
            row += "; ";
        }
        first = false;
        return row;
    };
    if (!snippet.expectations.empty()) {
        next_note() += std::to_string(snippet.expectations.size());
        row += snippet.expectations.size() == 1 ? " expectation" : " expectations";
    }
    if (!snippet.part_file.empty()) {
        next_note() += "file ";
        row += snippet.part_file;
    }
    if (!snippet.defects.empty()) {
        next_note() += "defects: ";
        row += join(snippet.defects, ",");
    }
    if (!snippet.duplicate_of.empty()) {
        next_note() += "duplicate of ";
        row += snippet.duplicate_of;
    }
    if (snippet.directives.skip) {
        next_note() += "skip";
    }
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
    // About 80 bytes a row besides the path: reserved, the rows of a long
    // document are not copied at each doubling.
    m_rows.reserve(m_rows.size() + extracted.snippets.size() * (path.size() + 80));
    for (const extractor::Snippet& snippet : extracted.snippets) {
        ++m_snippets;
        ++m_languages[snippet.language];
        m_expectations += static_cast<int>(snippet.expectations.size());
        m_duplicates += snippet.duplicate_of.empty() ? 0 : 1;
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
        append_notes(m_rows, snippet);
        m_rows.erase(m_rows.find_last_not_of(' ') + 1);
        m_rows += '\n';
    }
}

std::string ListTable::render() && {
    std::vector<std::string> languages;
    for (const auto& [language, count] : m_languages) {
        languages.push_back(fmt::format("{} {}", language, count));
    }
    m_rows += fmt::format("{} snippets in {} documents ({}); {} expectations; {} duplicates\n", m_snippets,
                          m_documents, languages.empty() ? "none" : join(languages, ", "), m_expectations,
                          m_duplicates);
    return std::move(m_rows);
}

}  // namespace snipcheck
