#pragma once
// Runs the built snipcheck binary from the source folder, as a user would,
// and captures what it printed and its exit status.

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace snipcheck::test {

struct BinaryRun {
    int status = -1;
    std::string out;  // standard output
};

// `arguments` is a shell fragment; stderr is merged into out when merge_stderr;
// `environment` ("PATH=/x:$PATH") is set for the command. Each call gets an
// empty result cache of its own (XDG_CACHE_HOME), removed afterwards, so a
// test sees a fresh run and never the user's cache; tests of the cache
// pass --cache-dir.
inline BinaryRun run_snipcheck(const std::string& arguments, bool merge_stderr = false,
                               const std::string& environment = {}) {
    // Tests that run under GitHub Actions must not get its defaults (annotations,
    // the job's step summary) unless they set them in `environment`.
    const std::string command = std::string("cd '") + SNIPCHECK_SOURCE_DIR +
                                "' && snipcheck_test_cache=$(mktemp -d) && XDG_CACHE_HOME=\"$snipcheck_test_cache\" " +
                                "env -u GITHUB_ACTIONS -u GITHUB_STEP_SUMMARY " + environment + " '" + SNIPCHECK_BINARY +
                                "' " + arguments + (merge_stderr ? " 2>&1" : " 2>/dev/null") +
                                "; snipcheck_status=$?; rm -rf \"$snipcheck_test_cache\"; exit $snipcheck_status";
    BinaryRun run;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return run;
    }
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
        run.out.append(buffer.data(), n);
    }
    const int raw = ::pclose(pipe);
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return run;
}

}  // namespace snipcheck::test
