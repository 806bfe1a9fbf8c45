#pragma once
// The result cache: what runners produced for snippets, kept in a folder
// (one small JSON file per entry, named by its key) so an unchanged snippet
// is not run again. The checker judges a cached run again, so a verdict is
// always today's judgement of the stored run.
//
// Safe to share between runs, also at the same time: an entry is written to
// a temporary file beside it and renamed into place, so a reader sees a
// whole entry or none; two runs writing one key write the same thing. An
// entry that is truncated, damaged, of another format version, or not the
// entry its name says is a miss, never an error. A hit refreshes the
// entry's modification time; src/cache_pruning removes the longest unused.

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "extractor/snippet.hpp"
#include "src/expected.hpp"
#include "src/finding.hpp"
#include "src/run_output.hpp"
#include "src/snippet_report.hpp"

namespace snipcheck {

// What a Python document's run adds beside its snippets' runs: pyflakes'
// findings (which depend on the whole document, so they are kept per
// document), the interpreter's version and what the sandbox did.
struct PythonDocumentRecord {
    std::vector<std::vector<Finding>> findings;  // per snippet of the document's Python lane
    std::string python_version;
    SandboxReport sandbox;
};

// Is this a result worth keeping? Not when the run did not happen (the
// runner could not start), timed out (a loaded machine may finish it next
// time) or crashed (the runner may have been killed from outside).
bool is_cacheable(const RunOutput& run);

class ResultCache {
public:
    // $XDG_CACHE_HOME/snipcheck, else $HOME/.cache/snipcheck; empty when
    // neither variable is set.
    static std::string default_folder();

    // Opens `folder`, making it when missing; the reason when it cannot.
    static Expected<ResultCache, std::string> open(const std::string& folder);

    const std::string& folder() const { return m_folder; }

    // The run stored under `key`, its lines moved to where `snippet` is
    // now; nullopt for a miss.
    std::optional<RunOutput> load_run(const std::string& key, const extractor::Snippet& snippet) const;

    // Stores `run` of `snippet` under `key` (check is_cacheable first).
    // False when the entry could not be written; write_error() says why.
    bool store_run(const std::string& key, const extractor::Snippet& snippet, const RunOutput& run);

    // The record of the Python document whose lane is `snippets`, findings
    // moved to where the snippets are now; nullopt for a miss.
    std::optional<PythonDocumentRecord> load_python_document(const std::string& key,
                                                             const std::vector<const extractor::Snippet*>& snippets) const;

    bool store_python_document(const std::string& key, const std::vector<const extractor::Snippet*>& snippets,
                               const PythonDocumentRecord& record);

    // The first write that failed ("cannot write …: No space left on device"), or empty.
    const std::string& write_error() const { return m_write_error; }

    // Where the entry for `key` lives.
    std::string entry_path(const std::string& key) const;

private:
    explicit ResultCache(std::string folder) : m_folder(std::move(folder)) {}

    // Writes a temporary file beside `path`, then renames it into place.
    bool write_file(const std::string& path, const std::string& text);

    std::string m_folder;
    std::string m_write_error;
    std::set<std::string> m_made_folders;  // subfolders known to exist: one mkdir each per run
};

}  // namespace snipcheck
