#pragma once
// The CI report: JUnit XML, one <testsuite> per document and one <testcase>
// per snippet, read by GitLab, Jenkins, GitHub test-report actions.

#include <string>

#include "src/snippet_report.hpp"

namespace snipcheck {

// The whole report as an XML document. fail -> <failure>, error and timeout
// -> <error> (type "timeout" for a timeout), skip -> <skipped>. Never throws
// on odd contents: invalid UTF-8 becomes U+FFFD, and characters XML 1.0
// cannot hold (control characters but tab, newline, return) become U+FFFD too.
// Document errors, when any, form one extra suite named "snipcheck".
std::string run_report_to_junit(const RunReport& report);

}  // namespace snipcheck
