#include "runners/tool_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
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
[[noreturn]] void exec_confined(const ToolRequest& request, const std::string& stdout_path,
                                const std::string& stderr_path, int report_fd) {
    ::setpgid(0, 0);
    SandboxNotes notes;
    if (!request.keep_network) {
        // A tool may start threads (node does), so no pid namespace: the
        // timeout kills the tool's process group instead.
        notes = enter_namespaces(PidNamespace::skip);
    }
    SandboxNotes confined = confine_runner(request.scratch->path(), stdout_path, stderr_path,
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

// What every tool run so far went without, for the run's report. Tools run
// from one thread (the orchestrator's), so no lock.
std::vector<std::string>& missing_so_far() {
    static std::vector<std::string> missing;
    return missing;
}

// Reads the child's sandbox report until exec closes the pipe; returns
// the exec error, empty when the program runs.
std::string read_report(int report_fd, const std::string& program, SandboxNotes& sandbox) {
    std::string notes;
    char buffer[4096];
    for (ssize_t n; (n = ::read(report_fd, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR);) {
        notes.append(buffer, static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
    }
    ::close(report_fd);
    std::string error;
    std::stringstream lines(notes);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty()) {
            continue;
        }
        const std::string text = line.substr(1);
        if (line[0] == '+') {
            sandbox.protections.push_back(text);
        } else if (line[0] == '-') {
            sandbox.missing.push_back(text);
            std::vector<std::string>& all = missing_so_far();
            if (std::find(all.begin(), all.end(), text) == all.end()) {
                all.push_back(text);
            }
        } else if (line[0] == '!') {
            error = "cannot run " + program + ": " + text;
        }
    }
    return error;
}

void fill_status(int status, int& exit_code, int& signal) {
    if (WIFEXITED(status)) {
        exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        signal = WTERMSIG(status);
    }
}

// Waits for `pid` until `timeout_seconds`; kills its process group then.
bool wait_or_kill(pid_t pid, double timeout_seconds, int& status) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_seconds);
    const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
    while (true) {
        // Look without reaping, so the pid (and its process group) stays
        // ours while what the tool left running is killed.
        siginfo_t info{};
        if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid) {
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, &status, 0);
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
        if (::access(name.c_str(), X_OK) != 0) {
            return {};
        }
        return name[0] == '/' ? name : std::filesystem::absolute(name).string();
    }
    const char* path = std::getenv("PATH");
    std::stringstream folders(path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
    std::string folder;
    while (std::getline(folders, folder, ':')) {
        // A relative PATH entry would mean the scratch folder once the tool runs there.
        if (folder.empty() || folder[0] != '/') {
            continue;
        }
        const std::string candidate = folder + "/" + name;
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
        exec_confined(resolved, root + "/stdout", root + "/stderr", report[1]);
    }
    ::setpgid(pid, pid);
    ::close(report[1]);
    int status = 0;
    result.timed_out = wait_or_kill(pid, request.timeout_seconds, status);
    result.error = read_report(report[0], resolved.argv[0], result.sandbox);
    result.started = result.error.empty();
    fill_status(status, result.exit_code, result.signal);
    result.stdout_text = read_capped(root + "/stdout");
    result.stderr_text = read_capped(root + "/stderr");
    return result;
}

std::optional<RunningTool> start_tool(const ToolRequest& request, std::string& error) {
    if (request.argv.empty() || request.scratch == nullptr || request.scratch->path().empty()) {
        error = "no tool or no scratch folder";
        return std::nullopt;
    }
    ToolRequest resolved = request;
    resolved.argv[0] = find_program(request.argv[0]);
    if (resolved.argv[0].empty()) {
        error = request.argv[0] + " is not installed";
        return std::nullopt;
    }
    const std::string root = std::filesystem::path(request.scratch->path()).parent_path().string();
    int report[2];
    if (::pipe2(report, O_CLOEXEC) != 0) {
        error = std::string("pipe: ") + std::strerror(errno);
        return std::nullopt;
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
        error = std::string("fork: ") + std::strerror(errno);
        ::close(report[0]);
        ::close(report[1]);
        return std::nullopt;
    }
    // Named by pid so that several tools (and run_tool) can share one scratch folder.
    const auto capture = [&](pid_t owner, const char* stream) {
        return root + "/tool-" + std::to_string(owner) + "." + stream;
    };
    if (pid == 0) {
        ::close(report[0]);
        exec_confined(resolved, capture(::getpid(), "stdout"), capture(::getpid(), "stderr"), report[1]);
    }
    ::setpgid(pid, pid);
    ::close(report[1]);
    RunningTool tool;
    tool.pid = pid;
    tool.stdout_path = capture(pid, "stdout");
    tool.stderr_path = capture(pid, "stderr");
    error = read_report(report[0], resolved.argv[0], tool.sandbox);
    if (!error.empty()) {
        stop_tool(tool, SIGKILL, 0);
        return std::nullopt;
    }
    return tool;
}

bool tool_running(RunningTool& tool) {
    if (tool.pid <= 0) {
        return false;
    }
    int status = 0;
    if (::waitpid(tool.pid, &status, WNOHANG) != tool.pid) {
        return true;
    }
    fill_status(status, tool.exit_code, tool.signal);
    // Whatever it left in its process group goes with it.
    ::kill(-tool.pid, SIGKILL);
    tool.pid = -1;
    return false;
}

bool wait_tool(RunningTool& tool, double timeout_seconds) {
    if (tool.pid <= 0) {
        return false;
    }
    int status = 0;
    // Kills the group either way, then reaps.
    const bool timed_out = wait_or_kill(tool.pid, timeout_seconds, status);
    fill_status(status, tool.exit_code, tool.signal);
    tool.pid = -1;
    return timed_out;
}

void stop_tool(RunningTool& tool, int first_signal, double grace_seconds) {
    if (!tool_running(tool)) {
        return;
    }
    ::kill(tool.pid, first_signal);
    int status = 0;
    wait_or_kill(tool.pid, grace_seconds, status);
    fill_status(status, tool.exit_code, tool.signal);
    ::kill(-tool.pid, SIGKILL);
    tool.pid = -1;
}

std::string read_tail(const std::string& path, std::size_t max_bytes) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
        return {};
    }
    const std::streamoff size = in.tellg();
    const std::streamoff start = std::max<std::streamoff>(0, size - static_cast<std::streamoff>(max_bytes));
    in.seekg(start);
    std::string text(static_cast<std::size_t>(size - start), '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    return text;
}

std::vector<std::string> tool_sandbox_missing() { return missing_so_far(); }

}  // namespace snipcheck::runners
