#pragma once
// The run report for GitHub Actions: workflow commands that become
// annotations on the changed lines (`::error file=F,line=L,...::message`),
// and a Markdown summary for the job's page ($GITHUB_STEP_SUMMARY).

#include <string>
#include <string_view>

#include "src/snippet_report.hpp"

namespace snipcheck {

// Where the run happens, for links in the summary; empty fields: no links.
struct GithubContext {
    std::string server_url;  // GITHUB_SERVER_URL: "https://github.com"
    std::string repository;  // GITHUB_REPOSITORY: "owner/name"
    std::string sha;         // GITHUB_SHA
};

// The context from the environment variables the runner sets.
GithubContext github_context_from_environment();

// Escapes a workflow command's message as GitHub documents it: % \r \n.
std::string github_escape_data(std::string_view text);

// Escapes a workflow command's property value: also : and ,.
std::string github_escape_property(std::string_view text);

// One workflow command per line: `::error` for each snippet that failed,
// errored or timed out and for error findings, `::warning` for warning
// findings, `::notice` for notes, `::error` for documents that could not be read.
std::string run_report_to_github_annotations(const RunReport& report);

// The Markdown summary: a totals table, then what needs attention as
// file:line links to the commit (plain file:line without a context).
std::string run_report_to_github_summary(const RunReport& report, const GithubContext& context);

// The lines that stop and resume the runner's reading of workflow commands
// around text from documents (the term report), so no line of a snippet's
// output can pose as one: "::stop-commands::TOKEN", "::TOKEN::". The token
// must be one the documents cannot guess.
std::string github_stop_commands(std::string_view token);
std::string github_resume_commands(std::string_view token);

// Appends `summary` to the file GITHUB_STEP_SUMMARY names; empty on
// success, else a one-line reason. The runner owns the file: it is appended
// to, not replaced.
std::string append_github_summary(const std::string& path, std::string_view summary);

}  // namespace snipcheck
