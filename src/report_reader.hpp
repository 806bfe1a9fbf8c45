#pragma once
// Reads a saved JSON run report (schema 1, `snipcheck run --format json`)
// back into plain values, for `--baseline`, `snipcheck diff` and
// `snipcheck merge`. Whatever the file holds (not JSON, cut short, another
// tool's JSON, huge), the answer is a value or one clear error line, never a
// crash.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "src/baseline.hpp"
#include "src/expected.hpp"
#include "src/shard.hpp"
#include "src/snippet_report.hpp"

namespace snipcheck {

// Reports larger than this are refused rather than read into memory.
inline constexpr std::size_t k_max_report_bytes = 512u * 1024u * 1024u;

// One snippet of a saved report.
struct SavedSnippet {
    ComparedSnippet outcome;              // file, id, start line, status, message
    std::optional<SnippetChange> change;  // when the run compared with a baseline
    nlohmann::json fields;                // the snippet object as written, every field kept
};

struct SavedReport {
    std::string path;  // where it was read from
    std::vector<SavedSnippet> snippets;
    std::vector<std::string> errors;  // document errors, "path:line: error: ..."
    SandboxReport sandbox;
    std::string python;  // empty when the report names none
    double seconds = 0;
    std::optional<BaselineReport> baseline;  // when the run compared with a baseline
    std::optional<ShardPart> shard;          // when the run was one shard
};

// Parses report text read from `path` (named in errors). The error is a whole
// line: "path:3: error: not a snipcheck report (invalid JSON: ...)",
// "path: error: schema 2 is not supported (this snipcheck reads schema 1)".
Expected<SavedReport, std::string> parse_report(std::string_view text, const std::string& path);

// Reads and parses the file at `path` ("-" for standard input); a file larger
// than `max_bytes` is an error.
Expected<SavedReport, std::string> read_report(const std::string& path, std::size_t max_bytes = k_max_report_bytes);

// The snippets' statuses and the errors, for a baseline comparison.
ReportOutcomes outcomes_of(const SavedReport& report);

}  // namespace snipcheck
