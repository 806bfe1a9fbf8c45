#include "runners/tool_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace snipcheck::runners {
namespace {

constexpr std::size_t k_capture_cap = 1 << 20;

std::string read_capped(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string text(k_capture_cap, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    return text;
}

void write_all(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0 && errno != EINTR) {
            return;
        }
        done += n > 0 ? static_cast<std::size_t>(n) : 0;
    }
}

// In the forked child: confine, report what the sandbox holds, exec.
[[noreturn]] void exec_confined(const ToolRequest& request, const std::string& root, int report_fd) {
    ::setpgid(0, 0);
    SandboxNotes notes;
    if (!request.keep_network) {
        // A tool may start threads (node does), so no pid namespace: the
        // timeout kills the tool's process group instead.
        notes = enter_namespaces(PidNamespace::skip);
    }
    SandboxNotes confined = confine_runner(request.scratch->path(), root + "/stdout", root + "/stderr",
                                           request.limits, !request.keep_network);
    notes.protections.insert(notes.protections.end(), confined.protections.begin(), confined.protections.end());
    notes.missing.insert(notes.missing.end(), confined.missing.begin(), confined.missing.end());
    std::string report;
    for (const std::string& line : notes.protections) {
        report += "+" + line + "\n";
    }
    for (const std::string& line : notes.missing) {
        report += "-" + line + "\n";
    }
    write_all(report_fd, report);
    std::vector<char*> argv;
    for (const std::string& arg : request.argv) {
        argv.push_back(const_cast<char*>(arg.c_str()));
    }
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    write_all(report_fd, std::string("!") + std::strerror(errno) + "\n");
    ::_exit(127);
}

// Waits for `pid` until `timeout_seconds`; kills its process group then.
bool wait_or_kill(pid_t pid, double timeout_seconds, int& status) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_seconds);
    const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
    while (true) {
        const pid_t done = ::waitpid(pid, &status, WNOHANG);
        if (done == pid) {
            if (pidfd >= 0) {
                ::close(pidfd);
            }
            return false;
        }
        const auto left = deadline - std::chrono::steady_clock::now();
        if (left <= std::chrono::steady_clock::duration::zero()) {
            ::kill(-pid, SIGKILL);
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            if (pidfd >= 0) {
                ::close(pidfd);
            }
            return true;
        }
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(left).count() + 1;
        if (pidfd >= 0) {
            pollfd entry{pidfd, POLLIN, 0};
            ::poll(&entry, 1, static_cast<int>(std::min<long long>(ms, 1000)));
        } else {
            std::this_thread::sleep_for(std::chrono::milliseconds(std::min<long long>(ms, 5)));
        }
    }
}

}  // namespace

ScratchFolder::ScratchFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "snipcheck-tool-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        m_error = std::string("cannot make a scratch folder: ") + std::strerror(errno);
        return;
    }
    m_root = pattern;
    // The tool runs as nobody: it must pass through the root to its folder.
    ::chmod(m_root.c_str(), 0711);
    const std::string scratch = m_root + "/scratch";
    if (::mkdir(scratch.c_str(), 0755) != 0) {
        m_error = std::string("cannot make a scratch folder: ") + std::strerror(errno);
        return;
    }
    m_path = scratch;
}

ScratchFolder::~ScratchFolder() {
    if (!m_root.empty()) {
        remove_tree(m_root);
    }
}

bool ScratchFolder::write(const std::string& name, const std::string& text) const {
    const std::filesystem::path target = std::filesystem::path(m_path) / name;
    std::error_code ignored;
    std::filesystem::create_directories(target.parent_path(), ignored);
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    return static_cast<bool>(out);
}

std::string find_program(const std::string& name) {
    if (name.find('/') != std::string::npos) {
        return ::access(name.c_str(), X_OK) == 0 ? name : std::string();
    }
    const char* path = std::getenv("PATH");
    std::stringstream folders(path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
    std::string folder;
    while (std::getline(folders, folder, ':')) {
        const std::string candidate = (folder.empty() ? std::string(".") : folder) + "/" + name;
        if (::access(candidate.c_str(), X_OK) == 0) {
            return candidate;
        }
    }
    // Debian keeps nginx and database servers in sbin, often not on a user's PATH.
    for (const char* folder_name : {"/usr/sbin", "/sbin"}) {
        const std::string candidate = std::string(folder_name) + "/" + name;
        if (::access(candidate.c_str(), X_OK) == 0) {
            return candidate;
        }
    }
    return {};
}

ToolResult run_tool(const ToolRequest& request) {
    ToolResult result;
    if (request.argv.empty() || request.scratch == nullptr || request.scratch->path().empty()) {
        result.error = "no tool or no scratch folder";
        return result;
    }
    ToolRequest resolved = request;
    resolved.argv[0] = find_program(request.argv[0]);
    if (resolved.argv[0].empty()) {
        result.error = request.argv[0] + " is not installed";
        return result;
    }
    const std::string root = std::filesystem::path(request.scratch->path()).parent_path().string();
    int report[2];
    if (::pipe2(report, O_CLOEXEC) != 0) {
        result.error = std::string("pipe: ") + std::strerror(errno);
        return result;
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
        result.error = std::string("fork: ") + std::strerror(errno);
        ::close(report[0]);
        ::close(report[1]);
        return result;
    }
    if (pid == 0) {
        ::close(report[0]);
        exec_confined(resolved, root, report[1]);
    }
    ::setpgid(pid, pid);
    ::close(report[1]);
    int status = 0;
    result.timed_out = wait_or_kill(pid, request.timeout_seconds, status);
    std::string notes;
    char buffer[4096];
    for (ssize_t n; (n = ::read(report[0], buffer, sizeof buffer)) > 0;) {
        notes.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(report[0]);
    std::stringstream lines(notes);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty()) {
            continue;
        }
        const std::string text = line.substr(1);
        if (line[0] == '+') {
            result.sandbox.protections.push_back(text);
        } else if (line[0] == '-') {
            result.sandbox.missing.push_back(text);
        } else if (line[0] == '!') {
            result.error = "cannot run " + resolved.argv[0] + ": " + text;
        }
    }
    result.started = result.error.empty();
    if (WIFEXITED(status)) {
        result.exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        result.signal = WTERMSIG(status);
    }
    result.stdout_text = read_capped(root + "/stdout");
    result.stderr_text = read_capped(root + "/stderr");
    return result;
}

}  // namespace snipcheck::runners
