#include "src/document_selection.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "src/input_files.hpp"

namespace snipcheck {
namespace {

namespace fs = std::filesystem;

bool is_document_name(const fs::path& path) {
    const fs::path extension = path.extension();
    return extension == ".md" || extension == ".markdown" || extension == ".txt";
}

// The exclude glob that covers `relative`, or nullptr.
const GlobPattern* excluded_by(const ConfigFile& config, const std::string& relative) {
    for (const GlobPattern& glob : config.exclude) {
        if (glob.covers(relative)) {
            return &glob;
        }
    }
    return nullptr;
}

const GlobPattern* excluded_by_path(const ConfigFile& config, const std::string& path) {
    const std::optional<std::string> relative = relative_to_base(config.folder, path);
    return relative ? excluded_by(config, *relative) : nullptr;
}

// A glob naming the file takes it whatever its extension; a glob naming a
// folder takes the documents in it.
bool included(const ConfigFile& config, const std::string& relative, const fs::path& file) {
    if (config.include.empty()) {
        return is_document_name(file);
    }
    for (const GlobPattern& glob : config.include) {
        if (glob.matches(relative) || (is_document_name(file) && glob.covers(relative))) {
            return true;
        }
    }
    return false;
}

// How the configuration file's folder is written from the current folder:
// "" for the current folder itself, "docs/" or "../" otherwise.
std::string shown_prefix(const std::string& folder) {
    std::error_code error;
    const fs::path current = fs::current_path(error);
    const fs::path relative = error ? fs::path() : fs::path(folder).lexically_relative(current);
    if (relative.empty()) {
        return folder + "/";
    }
    const std::string text = relative.generic_string();
    return text == "." ? std::string() : text + "/";
}

Expected<DocumentSelection, Diagnostic> included_documents(const ConfigFile& config) {
    DocumentSelection selection;
    const std::string prefix = shown_prefix(config.folder);
    std::error_code error;
    fs::recursive_directory_iterator it(config.folder, fs::directory_options::skip_permission_denied, error);
    for (const fs::recursive_directory_iterator end; !error && it != end; it.increment(error)) {
        const fs::path& path = it->path();
        const std::string relative = path.lexically_relative(config.folder).generic_string();
        const std::string name = path.filename().string();
        std::error_code kind_error;
        if (it->is_directory(kind_error)) {
            // .git and friends hold no documents; an excluded folder is not walked.
            if ((!name.empty() && name[0] == '.') || excluded_by(config, relative) != nullptr) {
                it.disable_recursion_pending();
            }
            continue;
        }
        if (it->is_regular_file(kind_error) && excluded_by(config, relative) == nullptr &&
            included(config, relative, path)) {
            selection.paths.push_back(prefix + relative);
        }
    }
    if (error) {
        return unexpected(Diagnostic{config.path, 0, Severity::error,
                                     fmt::format("cannot list {}: {}", config.folder, error.message())});
    }
    std::sort(selection.paths.begin(), selection.paths.end());
    if (selection.paths.empty()) {
        const std::string what = config.include.empty() ? "there is no .md, .markdown or .txt document"
                                                        : "'include' matches no document";
        return unexpected(Diagnostic{config.path, config.include_position.line, Severity::error,
                                     fmt::format("{} under {} (less 'exclude'), and the command line names none",
                                                 what, config.folder),
                                     config.include_position.column});
    }
    return selection;
}

}  // namespace

Expected<DocumentSelection, Diagnostic> select_documents(const ConfigFile& config,
                                                         const std::vector<std::string>& paths) {
    if (paths.empty()) {
        return included_documents(config);
    }
    DocumentSelection selection;
    for (const std::string& path : paths) {
        std::error_code error;
        if (path == "-" || !fs::is_directory(path, error)) {
            if (const GlobPattern* glob = excluded_by_path(config, path); glob != nullptr && path != "-") {
                selection.notes.push_back({path, 0, Severity::note,
                                           fmt::format("not checked: {} excludes it ('{}')", config.path, glob->text())});
            } else {
                selection.paths.push_back(path);  // a file, or a path the run reports as missing
            }
            continue;
        }
        const InputSet found = find_inputs({path});
        if (!found.problems.empty()) {
            selection.paths.push_back(path);  // the run lists the folder again and reports why it could not
            continue;
        }
        for (const std::string& document : found.paths) {
            if (excluded_by_path(config, document) == nullptr) {
                selection.paths.push_back(document);
            }
        }
    }
    return selection;
}

}  // namespace snipcheck
