#pragma once
// One snippet of the HTML report: a <details> element whose summary line
// shows status, lines, language and message, and whose body shows the code
// with document line numbers, expectations with expected, actual and diff,
// the exception, findings, stand-ins, replays and output. Everything that
// comes from a document or a run is escaped.

#include <cstddef>
#include <string>

#include "src/snippet_report.hpp"

namespace snipcheck {

// The element id of a snippet: snippet ids are unique within a document only.
std::string snippet_anchor(std::size_t document_index, const std::string& snippet_id);

// Appends the snippet's element: open when it failed, errored or timed out,
// closed (one line) when it passed or was skipped, so a large run stays
// readable. `document` is the snippet's document, for links to replays.
void append_snippet_html(std::string& out, const SnippetReport& item, const DocumentReports& document,
                         std::size_t document_index);

}  // namespace snipcheck
