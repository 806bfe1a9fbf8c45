#include "src/path_rules.hpp"

#include <filesystem>
#include <system_error>

namespace snipcheck {
namespace {

namespace fs = std::filesystem;

// Whether `line` is one of the snippet's lines, a fenced block's fences
// included: the term report names a snippet by its first code line, an
// editor may point at the fence.
bool holds_line(const extractor::Snippet& snippet, int line) {
    const int fence = snippet.form == extractor::SnippetForm::fenced ? 1 : 0;
    return line >= snippet.start_line - fence && line <= snippet.end_line + fence;
}

bool entry_names(const AllowFailEntry& entry, const std::optional<std::string>& relative,
                 const extractor::Snippet& snippet) {
    if (!entry.id.empty()) {
        return entry.id == snippet.id;
    }
    if (!entry.paths || !relative || !entry.paths->covers(*relative)) {
        return false;
    }
    return entry.line == 0 || holds_line(snippet, entry.line);
}

}  // namespace

std::optional<std::string> relative_to_base(const std::string& base_folder, const std::string& path) {
    if (base_folder.empty() || path == "-" || path.empty()) {
        return std::nullopt;
    }
    std::error_code error;
    const fs::path absolute = fs::absolute(path, error).lexically_normal();
    if (error) {
        return std::nullopt;
    }
    const fs::path relative = absolute.lexically_relative(fs::path(base_folder).lexically_normal());
    if (relative.empty() || *relative.begin() == "..") {
        return std::nullopt;  // outside the folder the rules speak about
    }
    return relative.generic_string();
}

extractor::Directives directive_defaults(const PathRules& rules, const std::string& document_path) {
    extractor::Directives defaults;
    if (rules.overrides.empty()) {
        return defaults;
    }
    const std::optional<std::string> relative = relative_to_base(rules.base_folder, document_path);
    if (!relative) {
        return defaults;
    }
    for (const PathOverride& override_rule : rules.overrides) {
        bool applies = false;
        for (const GlobPattern& glob : override_rule.paths) {
            applies = applies || glob.covers(*relative);
        }
        if (!applies) {
            continue;
        }
        if (override_rule.skip) {
            defaults.skip = *override_rule.skip;
            defaults.skip_reason = *override_rule.skip ? override_rule.skip_reason : std::string();
        }
        if (override_rule.timeout_seconds) {
            defaults.timeout_seconds = override_rule.timeout_seconds;
        }
        if (!override_rule.session.empty()) {
            defaults.session = override_rule.session;
        }
        if (!override_rule.language.empty()) {
            defaults.language = override_rule.language;
        }
    }
    return defaults;
}

bool allowed_to_fail(const PathRules& rules, const extractor::Snippet& snippet) {
    if (rules.allow_fail.empty()) {
        return false;
    }
    const std::optional<std::string> relative = relative_to_base(rules.base_folder, snippet.file);
    for (const AllowFailEntry& entry : rules.allow_fail) {
        if (entry_names(entry, relative, snippet)) {
            return true;
        }
    }
    return false;
}

}  // namespace snipcheck
