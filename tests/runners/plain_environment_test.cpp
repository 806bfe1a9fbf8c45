#include "runners/plain_environment.hpp"

#include <cstdlib>
#include <fstream>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

using snipcheck::runners::keep_plain_environment;

namespace {

// The entries of /proc/self/environ that are not wiped (empty).
int readable_entries() {
    std::ifstream environ_file("/proc/self/environ", std::ios::binary);
    int count = 0;
    for (std::string entry; std::getline(environ_file, entry, '\0');) {
        count += entry.empty() ? 0 : 1;
    }
    return count;
}

// Runs `check` in a forked child, as keep_plain_environment changes the
// process for good; the child's exit code is the number of failed checks.
template <typename Check>
int failures_in_child(Check check) {
    const pid_t child = ::fork();
    if (child == 0) {
        ::_exit(check());
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 100;
}

}  // namespace

TEST_CASE("keep_plain_environment keeps PATH and the locale and drops the rest") {
    const int failures = failures_in_child([] {
        ::setenv("SNIPCHECK_TEST_TOKEN", "secret", 1);
        ::setenv("LANG", "C.UTF-8", 1);
        ::setenv("PATH", "/usr/bin:/bin", 1);
        static_cast<void>(keep_plain_environment());
        const char* path = std::getenv("PATH");
        const char* lang = std::getenv("LANG");
        return (std::getenv("SNIPCHECK_TEST_TOKEN") != nullptr) + (std::getenv("HOME") != nullptr) +
               (lang == nullptr || std::string(lang) != "C.UTF-8") + (path == nullptr || std::string(path) != "/usr/bin:/bin");
    });
    CHECK(failures == 0);
}

TEST_CASE("keep_plain_environment wipes the environment block the process started with") {
    // A forked process keeps its parent's block, which /proc/self/environ shows.
    REQUIRE(readable_entries() > 0);
    const int failures = failures_in_child([] {
        const bool wiped = keep_plain_environment();
        return (wiped ? 0 : 1) + (readable_entries() > 0 ? 1 : 0);
    });
    CHECK(failures == 0);
}
