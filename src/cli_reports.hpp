#pragma once
// The command line of the commands that read saved reports:
// `snipcheck diff OLD.json NEW.json` and `snipcheck merge REPORT.json...`.
// Usage errors exit 2 with one line.

#include <iosfwd>
#include <string>
#include <vector>

namespace snipcheck {

// `arguments` starts with the command word, as run_cli receives it.
int parse_diff(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);
int parse_merge(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);

}  // namespace snipcheck
