#pragma once
// The person-readable inventory: one row per snippet, grouped by document,
// with a closing line of counts.

#include <map>
#include <string>

#include "extractor/extractor.hpp"

namespace snipcheck {

class ListTable {
public:
    void add_document(const std::string& path, const extractor::ExtractedDocument& extracted);
    // The rows and the closing line of counts. Consumes the table: the rows
    // of a huge document are tens of megabytes, moved out rather than copied.
    std::string render() &&;

private:
    std::string m_rows;
    std::map<std::string, int> m_languages;
    int m_snippets = 0;
    int m_documents = 0;
    int m_expectations = 0;
    int m_duplicates = 0;
};

}  // namespace snipcheck
