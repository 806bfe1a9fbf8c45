#pragma once
// Path globs as the configuration file writes them: relative to a base
// folder, `/` between folders, `*` and `?` within one name, `[abc]` and
// `[!abc]` classes, and `**` as a whole name for any number of folders
// (`docs/**/*.md`). A glob that names a folder covers everything in it.

#include <string>
#include <string_view>
#include <vector>

#include "src/expected.hpp"

namespace snipcheck {

class GlobPattern {
public:
    // Fails with a reason ("unclosed '['", "'**' must be a whole path
    // segment" ...) for an empty, absolute or malformed glob.
    static Expected<GlobPattern, std::string> parse(std::string_view text);

    // Whether `path` (relative to the base folder, `/`-separated) is the
    // glob itself: `docs/*.md` matches `docs/a.md`, not `docs/sub/a.md`.
    bool matches(std::string_view path) const;

    // Whether `path` or one of the folders holding it matches: `vendor`
    // and `vendor/**` both cover `vendor/lib/README.md`.
    bool covers(std::string_view path) const;

    // As written in the configuration file.
    const std::string& text() const { return m_text; }

private:
    std::string m_text;
    std::vector<std::string> m_segments;  // "**" or a one-name pattern each
};

// Splits a relative path into its names, dropping empty ones and ".".
std::vector<std::string_view> path_segments(std::string_view path);

}  // namespace snipcheck
