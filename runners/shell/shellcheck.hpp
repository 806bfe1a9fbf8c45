#pragma once
// shellcheck as a checker of shell scripts: writes the scripts into a
// scratch folder, runs `shellcheck -f json1 -s <dialect>` on them through
// run_tool (sandboxed, with a timeout) and reads its JSON report back as
// findings at 1-based script lines.
//
// A run that did not happen is an error value, never an empty list of
// findings: "shellcheck is not installed", a timeout, a crash, output that is
// not shellcheck's report.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "runners/shell/shell_dialect.hpp"
#include "src/expected.hpp"
#include "src/finding.hpp"

namespace snipcheck::runners::shell {

struct ShellcheckOptions {
    ShellDialect dialect = ShellDialect::sh;
    std::vector<int> excluded_codes;  // 2154 for SC2154: passed to shellcheck's --exclude
    double timeout_seconds = 10;
};

// Findings for one script: rule "SC2086", line 1-based in the script,
// severity error/warning, or note for shellcheck's info and style levels.
using ShellcheckFindings = Expected<std::vector<Finding>, std::string>;

// Runs shellcheck on one script; an error value says why it could not run.
ShellcheckFindings run_shellcheck(const std::string& script, const ShellcheckOptions& options);

// Runs one shellcheck process over several scripts of the same dialect; the
// result holds one findings list per script, in order, or one error for all.
Expected<std::vector<std::vector<Finding>>, std::string> run_shellcheck_all(const std::vector<std::string>& scripts,
                                                                             const ShellcheckOptions& options);

// Reads shellcheck's json1 report into findings per file name as shellcheck
// printed it; an error value when the text is not such a report.
Expected<std::map<std::string, std::vector<Finding>>, std::string> parse_shellcheck_report(std::string_view json);

}  // namespace snipcheck::runners::shell
