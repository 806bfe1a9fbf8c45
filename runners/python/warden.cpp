#include "runners/python/warden.hpp"

#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "runners/python/embedded_interpreter.hpp"
#include "runners/python/support_modules.hpp"

namespace snipcheck::runners::python {
namespace {

using nlohmann::json;

constexpr int k_socket_fd = 3;

void write_line(int fd, const json& message) {
    const std::string text = message.dump(-1, ' ', true, json::error_handler_t::replace) + "\n";
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return;
        }
        done += static_cast<std::size_t>(n);
    }
}

void send_notes(int fd, const SandboxNotes& notes) {
    write_line(fd, {{"event", "sandbox"}, {"protections", notes.protections}, {"missing", notes.missing}});
}

[[noreturn]] void run_runner(int socket, const std::string& folder, const SpawnRequest& request,
                             bool network_isolated) {
    // Only the socket survives, as fd 3, for the harness.
    if (socket != k_socket_fd) {
        ::dup2(socket, k_socket_fd);
    }
    ::syscall(SYS_close_range, k_socket_fd + 1, ~0U, 0);
    const SandboxNotes notes = confine_runner(folder + "/scratch", folder + "/stdout", folder + "/stderr",
                                              request.limits, network_isolated, TmpFolders{true, request.sockets});
    send_notes(k_socket_fd, notes);
    if (request.python.empty()) {
        const std::string failure = serve_in_embedded_interpreter(k_socket_fd);
        if (!failure.empty()) {
            write_line(k_socket_fd, {{"event", "error"}, {"message", failure}});
        }
        ::_exit(0);
    }
    // Another interpreter runs the same harness; -I keeps the user's
    // environment and site folder out, -B writes no bytecode.
    const std::string code = harness_source();
    const std::string fd_text = std::to_string(k_socket_fd);
    std::vector<std::string> support;
    for (const SupportModule& module : support_modules()) {
        support.emplace_back(module.name);
        support.emplace_back(module.source);
    }
    std::vector<const char*> argv = {request.python.c_str(), "-I", "-B", "-c", code.c_str(), "--serve",
                                     fd_text.c_str()};
    for (const std::string& item : support) {
        argv.push_back(item.c_str());
    }
    argv.push_back(nullptr);
    ::execv(request.python.c_str(), const_cast<char* const*>(argv.data()));
    write_line(k_socket_fd, {{"event", "error"},
                             {"message", "cannot run " + request.python + ": " + std::strerror(errno)}});
    ::_exit(127);
}

}  // namespace

void run_warden(int socket, const SpawnRequest& request) {
    ::signal(SIGCHLD, SIG_DFL);
    ::signal(SIGPIPE, SIG_IGN);
    ::setpgid(0, 0);  // the orchestrator kills the whole group on timeout
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);

    std::string pattern = request.scratch_root + "/doc-XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
        write_line(socket, {{"event", "error"},
                            {"message", "cannot make a scratch folder in " + request.scratch_root + ": " +
                                            std::strerror(errno)}});
        ::_exit(1);
    }
    const std::string folder = pattern;
    // The runner drops to user nobody: it must pass through, not list.
    ::chmod(folder.c_str(), 0711);
    ::mkdir((folder + "/scratch").c_str(), 0700);

    const SandboxNotes notes = enter_namespaces();
    send_notes(socket, notes);
    bool network_isolated = false;
    for (const std::string& protection : notes.protections) {
        network_isolated = network_isolated || protection.rfind("network namespace", 0) == 0;
    }

    const pid_t runner = ::fork();
    if (runner == 0) {
        run_runner(socket, folder, request, network_isolated);
    }
    json ended = {{"event", "exit"}};
    if (runner < 0) {
        ended["error"] = std::string("fork: ") + std::strerror(errno);
    } else {
        int status = 0;
        while (::waitpid(runner, &status, 0) < 0 && errno == EINTR) {
        }
        if (WIFEXITED(status)) {
            ended["code"] = WEXITSTATUS(status);
        } else if (WIFSIGNALED(status)) {
            ended["signal"] = WTERMSIG(status);
        }
        // What the runner last wrote to stderr says why it ended early.
        if (std::ifstream err(folder + "/stderr", std::ios::binary | std::ios::ate); err) {
            const auto size = static_cast<std::streamoff>(err.tellg());
            const std::streamoff keep = std::min<std::streamoff>(size, 2000);
            std::string tail(static_cast<std::size_t>(keep), '\0');
            err.seekg(size - keep);
            err.read(tail.data(), keep);
            if (!tail.empty()) {
                ended["stderr"] = tail;
            }
        }
    }
    write_line(socket, ended);
    remove_tree(folder);
    ::_exit(0);
}

}  // namespace snipcheck::runners::python
