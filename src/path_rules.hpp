#pragma once
// What the configuration file says about particular documents and snippets:
// [[overrides]] (directive defaults for the documents they match) and
// allow-fail (snippets whose failure does not fail the run). Paths and globs
// are relative to the configuration file's folder.

#include <optional>
#include <string>
#include <vector>

#include "extractor/snippet.hpp"
#include "src/glob_pattern.hpp"

namespace snipcheck {

// One [[overrides]] table: defaults for the snippets of the documents its
// globs match. Unset fields leave the snippet's own default.
struct PathOverride {
    std::vector<GlobPattern> paths;
    std::optional<bool> skip;
    std::string skip_reason;  // with skip = true: why
    std::optional<double> timeout_seconds;
    std::string session;      // "", "isolated", "document", "auto"
    std::string language;     // "": detected
};

// One allow-fail entry: the snippets of the documents a glob matches, the
// snippet of a document holding a line (`docs/a.md:12`), or a snippet id.
struct AllowFailEntry {
    std::string written;              // as in the file, for messages
    std::optional<GlobPattern> paths;  // unset for an id
    int line = 0;                     // with paths: a line of the snippet; 0: every snippet
    std::string id;                   // a snippet id (`f52fad9d599c`, `f52fad9d599c-2`)
};

struct PathRules {
    std::string base_folder;  // absolute; empty when there is no configuration file
    std::vector<PathOverride> overrides;
    std::vector<AllowFailEntry> allow_fail;
};

// `path` (as given on the command line) relative to `base_folder`, with `/`
// separators; nullopt for standard input ("-") or when no base is set.
std::optional<std::string> relative_to_base(const std::string& base_folder, const std::string& path);

// The directives every snippet of `document_path` starts from: the matching
// overrides applied in file order, a later one winning key by key. The
// document's own directives are applied over these by the extractor.
extractor::Directives directive_defaults(const PathRules& rules, const std::string& document_path);

// Whether an allow-fail entry names this snippet: its status is still
// reported, but a fail, error or timeout does not make the exit status 1.
bool allowed_to_fail(const PathRules& rules, const extractor::Snippet& snippet);

}  // namespace snipcheck
