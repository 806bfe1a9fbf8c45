#pragma once
// `snipcheck run --update` and `--diff`: the failed expectations of each
// document rewritten with what its snippets really printed. The documents
// with edits run a second time and only values printed both times are kept;
// each changed document is then written atomically (--update), unless its
// bytes on disk are no longer the ones the run read, or shown as a unified
// diff (--diff).

#include <iosfwd>
#include <string>

#include "src/run_command.hpp"

namespace snipcheck {

struct UpdateOutcome {
    std::string diff;     // --diff: the unified diff of every document that would change
    bool failed = false;  // a document could not be written, or changed since it was read
};

// `first` is the run whose report is shown, with the bytes it read. Each
// edit and refusal is told on err as `path:line: updated: OLD -> NEW` or
// `path:line: not updated: REASON`.
UpdateOutcome update_documents(const RunOptions& options, const JudgedRun& first, std::ostream& err);

// The message when `path` no longer holds `read_bytes` (it changed since the
// run read it), else empty. The check made just before a document is replaced.
std::string changed_since_read(const std::string& path, const std::string& read_bytes);

// Writes `new_bytes` over `path` atomically (a temporary file beside it,
// fsync, rename; its permissions kept), unless the file no longer holds
// `read_bytes`. Returns the message for a person, or empty on success.
std::string write_updated_document(const std::string& path, const std::string& read_bytes, const std::string& new_bytes);

}  // namespace snipcheck
