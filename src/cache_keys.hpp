#pragma once
// Result-cache keys: SHA-256 over everything a snippet's run depends on.
// Lines enter relative to the snippet's first line, so a snippet moved by
// an edit elsewhere in its document keeps its key (the cache shifts the
// stored lines back on reading). Snippets that run in one session (the
// Python or the SQL snippets of a document: a lane) depend on the earlier
// ones too, so their keys chain through the lane.

#include <string>
#include <string_view>
#include <vector>

#include "extractor/snippet.hpp"

namespace snipcheck {

// The snippet's own part of a key: language, dialect, form, id, parent,
// code; its line map, end and expectations (the runner splits statements
// at expectation lines) relative to its first line; its directives, with
// the timeout it runs under (`default_timeout_seconds` unless a directive
// sets one). Unambiguous: every field is written with its length.
std::string snippet_key_material(const extractor::Snippet& snippet, double default_timeout_seconds);

// How far a lane key reaches: the snippet and those before it (a session
// that runs in order), or the whole lane (the SQL engine `auto` picks a
// document's server from all its snippets; pyflakes reads later snippets).
enum class LaneReach { earlier, whole };

struct LaneKeys {
    std::vector<std::string> snippets;  // one per snippet of the lane, in order
    std::string whole;                  // covers the whole lane
};

// Keys for the snippets of one lane, in document order, each under
// `context` (the runner's fingerprint, and for Python the document's path,
// which tracebacks show). The distance between consecutive snippets is
// part of the chain: a traceback through an earlier snippet shows its
// lines, so lines inserted between two snippets change the later key, and
// lines inserted above the first change none.
LaneKeys lane_keys(std::string_view context, const std::vector<const extractor::Snippet*>& lane,
                   double default_timeout_seconds, LaneReach reach);

// The key of a snippet checked alone (a parser or an external checker);
// `context` is hashed with every snippet, so pass a digest of a long one.
std::string alone_key(std::string_view context, const extractor::Snippet& snippet, double default_timeout_seconds);

}  // namespace snipcheck
