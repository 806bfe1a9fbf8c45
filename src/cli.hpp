#pragma once
// The command line: `snipcheck COMMAND [options] PATHS`. Parses, then hands
// the options to the command. Usage errors exit 2 with one line.

#include <iosfwd>
#include <string>
#include <vector>

namespace snipcheck {

// Prints "snipcheck: error: MESSAGE" and the hint to --help; returns 2.
int usage_error(std::ostream& err, const std::string& message);

int run_cli(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);

}  // namespace snipcheck
