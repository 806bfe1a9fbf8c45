#pragma once
// Turns the paths on the command line into documents' bytes: files as given,
// folders walked recursively for .md/.markdown/.txt, "-" for stdin. The one
// place that reads the file system for input.

#include <string>
#include <vector>

#include "src/diagnostic.hpp"
#include "src/expected.hpp"

namespace snipcheck {

// Documents larger than this are refused rather than read into memory.
inline constexpr std::size_t k_max_document_bytes = 256u * 1024u * 1024u;

struct InputFile {
    std::string path;  // as the user would write it ("-" for stdin)
    std::string bytes;
};

struct InputSet {
    std::vector<std::string> paths;      // documents found, in a stable order
    std::vector<Diagnostic> problems;    // paths that do not exist or cannot be listed
};

// Expands folders; keeps files named explicitly whatever their extension.
InputSet find_inputs(const std::vector<std::string>& arguments);

// Reads one document; an error (unreadable, too large) is a Diagnostic.
Expected<InputFile, Diagnostic> read_input(const std::string& path);

}  // namespace snipcheck
