#pragma once
// Which documents a run checks when a configuration file is in play: its
// `include` globs when the command line names no path, and never what its
// `exclude` globs match, whether found in a folder or named explicitly (so a
// pre-commit hook that passes every changed Markdown file respects it).

#include <string>
#include <vector>

#include "src/config_file.hpp"
#include "src/diagnostic.hpp"
#include "src/expected.hpp"

namespace snipcheck {

struct DocumentSelection {
    std::vector<std::string> paths;  // files to read; missing paths and "-" are kept for the run to report
    std::vector<Diagnostic> notes;   // files named on the command line that `exclude` drops
};

// With no `paths`: the documents under the configuration file's folder that
// `include` matches (every .md, .markdown and .txt file when it is not set),
// shown relative to the current folder; an error when there is none. With
// `paths`: folders expanded as `run` does. Hidden folders are not searched.
Expected<DocumentSelection, Diagnostic> select_documents(const ConfigFile& config,
                                                         const std::vector<std::string>& paths);

}  // namespace snipcheck
