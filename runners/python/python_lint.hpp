#pragma once
// pyflakes over the Python snippets of a whole run, in one sandboxed
// interpreter process (runners/python/pyflakes_driver.py, compiled in).
// Session-aware: a snippet may use the names earlier snippets of its
// document define, as the runner replays them. Parses only, runs nothing.

#include <optional>
#include <string>
#include <vector>

#include "extractor/snippet.hpp"
#include "runners/tool_process.hpp"
#include "src/finding.hpp"

namespace snipcheck::runners::python {

// Debian's interpreter, which has python3-pyflakes.
inline constexpr const char* k_default_lint_python = "/usr/bin/python3";

// One document's Python snippets, in document order.
struct LintDocument {
    std::vector<const extractor::Snippet*> snippets;
};

// The findings of one snippet, at document lines.
using SnippetFindings = std::vector<Finding>;

struct LintResult {
    std::vector<std::vector<SnippetFindings>> findings;  // [document][snippet], same shape as the input
    std::string error;  // not empty when pyflakes could not run; then `findings` is empty
};

// pyflakes started on a run's documents, to be finished once the snippets
// have run: it checks beside them instead of after them.
class LintRun {
public:
    // Starts pyflakes over `documents`, which must outlive the LintRun.
    explicit LintRun(const std::vector<LintDocument>& documents, const std::string& python = k_default_lint_python);

    // Waits for pyflakes up to `timeout_seconds` more (then kills it) and
    // reads its answer. Call once.
    LintResult finish(double timeout_seconds);

    // Kills pyflakes if it was not finished: nothing outlives the run.
    ~LintRun();
    // It owns a running process: not copied, not moved.
    LintRun(const LintRun&) = delete;
    LintRun& operator=(const LintRun&) = delete;

private:
    const std::vector<LintDocument>& m_documents;
    ScratchFolder m_scratch;
    std::optional<RunningTool> m_tool;
    std::string m_error;  // why it did not start
};

// Runs pyflakes once for all documents with `python`. A snippet that does
// not parse (a syntax error, Python 2) has no findings and is no error.
// Fails (LintResult::error) when the interpreter or pyflakes is missing,
// the run times out or its answer cannot be read.
LintResult lint_python(const std::vector<LintDocument>& documents, double timeout_seconds,
                       const std::string& python = k_default_lint_python);

}  // namespace snipcheck::runners::python
