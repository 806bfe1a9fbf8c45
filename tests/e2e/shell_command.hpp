#pragma once
// Runs a shell command for an end-to-end test and captures its standard
// output and exit status; the command is given as /bin/sh reads it.

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace snipcheck::test {

struct ShellRun {
    int status = -1;  // -1 when it could not start or died on a signal
    std::string out;
};

inline ShellRun run_shell(const std::string& command) {
    ShellRun run;
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
