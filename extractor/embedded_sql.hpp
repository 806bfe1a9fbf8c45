#pragma once
// SQL written inside Python string literals passed to `execute`,
// `executemany`, `executescript` or `raw` (directly, or through a name bound
// to a literal earlier in the snippet).

#include <string>
#include <vector>

#include "extractor/python_tokens.hpp"

namespace snipcheck::extractor {

struct EmbeddedSql {
    std::string sql;            // the literal's text (adjacent literals joined)
    std::vector<int> line_map;  // document line of each SQL line
    bool interpolated = false;  // an f-string: the SQL has {placeholders}
};

// lines/line_map are the Python snippet's; tokens come from tokenize_python(lines).
// Only strings whose first word starts an SQL statement are returned.
std::vector<EmbeddedSql> find_embedded_sql(const std::vector<std::string_view>& lines, const std::vector<int>& line_map,
                                           const std::vector<PyToken>& tokens);

}  // namespace snipcheck::extractor
