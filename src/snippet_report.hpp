#pragma once
// One line of a run report: the snippet, what its run produced, and the
// verdict. Every reporter (term, json, junit) reads a list of these.

#include <string>
#include <vector>

#include "extractor/snippet.hpp"
#include "src/run_output.hpp"
#include "src/verdict.hpp"

namespace snipcheck {

struct SnippetReport {
    extractor::Snippet snippet;
    RunOutput run;
    Verdict verdict;
    bool allowed_to_fail = false;  // the configuration's allow-fail names it: its failure does not fail the run
};

// What the sandbox could and could not put in place on this machine.
struct SandboxReport {
    std::vector<std::string> protections;  // "network namespace", "landlock filesystem", "rlimit address space 2 GiB" ...
    std::vector<std::string> missing;      // "pid namespace: unshare failed: Operation not permitted" ...
};

struct RunReport {
    std::vector<SnippetReport> snippets;  // in document order, documents in command-line order
    std::vector<std::string> document_errors;  // "path:line: error: ..." for documents that could not be read
    SandboxReport sandbox;
    std::string python_version;  // of the interpreter that ran the snippets
    double seconds = 0;          // wall time of the whole run
};

// A document's snippets, for reporters that group by document.
struct DocumentReports {
    std::string path;
    std::vector<const SnippetReport*> snippets;
};

// Documents in order of first appearance, each with its snippets in order.
std::vector<DocumentReports> group_by_document(const RunReport& report);

}  // namespace snipcheck
