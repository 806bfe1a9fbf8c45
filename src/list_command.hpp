#pragma once
// `snipcheck list`: the inventory of what the extractor found, as a table
// for a person or JSON (`{"schema": 1, "snippets": [...]}`) for a machine.

#include <iosfwd>
#include <string>
#include <vector>

namespace snipcheck {

enum class ListFormat { table, json };

struct ListOptions {
    std::vector<std::string> paths;
    ListFormat format = ListFormat::table;
    std::string output;  // empty: standard output
};

// Exit status: 0 when every document was read and every directive is valid,
// 1 when a document could not be read or holds an invalid directive.
int run_list(const ListOptions& options, std::ostream& out, std::ostream& err);

}  // namespace snipcheck
