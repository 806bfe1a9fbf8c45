#pragma once
// What besides a snippet decides its result: this snipcheck build (its GNU
// build id covers the compiled-in harness too), the shared libraries it
// loaded (libpython, SQLite, libyaml), the interpreter, the installed Python
// packages, the [fixtures] switches, the external tools and servers
// (redis-server among them), the kernel and the user it runs as. Each
// runner's part goes into the cache keys of the snippets it runs, so an
// upgrade of any of these makes new keys instead of stale hits.
// Reads only metadata (names, sizes, modification times); never throws.

#include <string>
#include <vector>

#include "runners/sql/sql_runner.hpp"
#include "src/fixture_choice.hpp"

namespace snipcheck {

struct FingerprintOptions {
    std::string python;  // --python, empty for the embedded interpreter
    runners::sql::SqlEngine sql_engine = runners::sql::SqlEngine::sqlite;
    FixtureChoices fixtures;  // [fixtures]: which environments Python snippets may get
};

// One text per runner; equal texts mean the same environment.
struct RunFingerprint {
    std::string python;         // Python snippets (runner and interpreter)
    std::string python_lint;    // pyflakes, which runs in /usr/bin/python3
    std::string sql;
    std::string static_checks;  // shellcheck, nginx, node, the parsers
};

RunFingerprint fingerprint_run(const FingerprintOptions& options);

// "PATH SIZE MTIME_NS" of the file `path` leads to, or "PATH missing".
std::string file_identity(const std::string& path);

// file_identity of the program the runners would start for `name`
// (found on PATH as they find it), or "NAME missing".
std::string program_identity(const std::string& name);

// The running executable's GNU build id, or its file identity when it has none.
std::string build_identity();

// The file identities of the shared libraries this process loaded, sorted.
std::string loaded_libraries_identity();

// The installed distributions found in `folders` (their *.dist-info,
// *.egg-info, *.egg-link and *.pth names, which carry versions), sorted
// per folder; a missing folder counts as empty.
std::string python_packages_identity(const std::vector<std::string>& folders);

}  // namespace snipcheck
