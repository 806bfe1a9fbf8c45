#pragma once
// `snipcheck merge`: joins saved reports (the shards of one run, or runs over
// different documents) into one. Pure: reports in, one report out.

#include <string>
#include <vector>

#include "src/expected.hpp"
#include "src/report_reader.hpp"

namespace snipcheck {

struct MergedReport {
    SavedReport report;                  // summary-free: counts are recomputed when it is written
    std::vector<std::string> inputs;     // the paths merged, in the order given
    std::vector<std::string> warnings;   // "B.json: warning: ..." lines for a person
};

// Snippets are ordered by the whole run's document order when every input is
// a shard of it, else by path, each document's snippets in their report
// order. Sandbox notes are united, document errors joined, `seconds` is the
// slowest input's (shards run side by side), the Python version the first
// one named. The baseline comparison is kept when every input has one.
// The error (one line) is the same file and snippet id in two inputs: a merge
// joins reports of different documents, never two runs of the same ones.
Expected<MergedReport, std::string> merge_reports(std::vector<SavedReport> inputs);

// The merged report as JSON text (schema 1, the run report's shape, each
// snippet as its input wrote it, plus "merged_from"), with a final newline.
std::string dump_merged_json(const MergedReport& merged);

}  // namespace snipcheck
