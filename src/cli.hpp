#pragma once
// The command line: `snipcheck COMMAND [options] PATHS`. Parses, then hands
// the options to the command. Usage errors exit 2 with one line.

#include <iosfwd>
#include <string>
#include <vector>

namespace snipcheck {

int run_cli(const std::vector<std::string>& arguments, std::ostream& out, std::ostream& err);

}  // namespace snipcheck
