#include "runners/python/fork_server.hpp"

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>

#include <nlohmann/json.hpp>

#include "runners/python/embedded_interpreter.hpp"
#include "runners/python/warden.hpp"
#include "runners/plain_environment.hpp"

namespace snipcheck::runners::python {
namespace {

using nlohmann::json;

constexpr std::size_t k_message_size = 64 * 1024;

bool send_message(int fd, const std::string& payload, int passed_fd = -1) {
    iovec io{const_cast<char*>(payload.data()), payload.size()};
    msghdr message{};
    message.msg_iov = &io;
    message.msg_iovlen = 1;
    alignas(cmsghdr) std::array<char, CMSG_SPACE(sizeof(int))> control{};
    if (passed_fd >= 0) {
        message.msg_control = control.data();
        message.msg_controllen = control.size();
        cmsghdr* header = CMSG_FIRSTHDR(&message);
        header->cmsg_level = SOL_SOCKET;
        header->cmsg_type = SCM_RIGHTS;
        header->cmsg_len = CMSG_LEN(sizeof(int));
        std::memcpy(CMSG_DATA(header), &passed_fd, sizeof(int));
    }
    ssize_t sent;
    do {
        sent = ::sendmsg(fd, &message, MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    return sent == static_cast<ssize_t>(payload.size());
}

// Returns false at end of stream or on error.
bool receive_message(int fd, std::string& payload, int* passed_fd) {
    payload.resize(k_message_size);
    iovec io{payload.data(), payload.size()};
    msghdr message{};
    message.msg_iov = &io;
    message.msg_iovlen = 1;
    alignas(cmsghdr) std::array<char, CMSG_SPACE(sizeof(int))> control{};
    message.msg_control = control.data();
    message.msg_controllen = control.size();
    ssize_t received;
    do {
        received = ::recvmsg(fd, &message, 0);
    } while (received < 0 && errno == EINTR);
    if (received <= 0) {
        return false;
    }
    payload.resize(static_cast<std::size_t>(received));
    if (passed_fd != nullptr) {
        *passed_fd = -1;
        for (cmsghdr* header = CMSG_FIRSTHDR(&message); header != nullptr; header = CMSG_NXTHDR(&message, header)) {
            if (header->cmsg_level == SOL_SOCKET && header->cmsg_type == SCM_RIGHTS) {
                std::memcpy(passed_fd, CMSG_DATA(header), sizeof(int));
            }
        }
    }
    return true;
}

SpawnRequest request_from_json(const json& value) {
    SpawnRequest request;
    request.scratch_root = value.value("scratch_root", std::string("/tmp"));
    request.python = value.value("python", std::string());
    request.limits.address_space_bytes = value.value("address_space", request.limits.address_space_bytes);
    request.limits.cpu_seconds = value.value("cpu_seconds", request.limits.cpu_seconds);
    request.limits.file_size_bytes = value.value("file_size", request.limits.file_size_bytes);
    request.limits.processes = value.value("processes", request.limits.processes);
    request.sockets = value.value("sockets", std::vector<std::string>());
    return request;
}

[[noreturn]] void serve_forks(int control, bool embedded, const std::vector<std::string>& warm_modules,
                              const std::vector<std::string>& fixtures) {
    // Die with the orchestrator; let the kernel reap the wardens.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    // Handlers of the process that started this one (a test framework's
    // report on SIGTERM) would run in snippets' processes: a worker that
    // multiprocessing ends with SIGTERM printed them into the output.
    for (int signal_number = 1; signal_number < NSIG; ++signal_number) {
        if (signal_number != SIGKILL && signal_number != SIGSTOP) {
            ::signal(signal_number, SIG_DFL);
        }
    }
    sigset_t none;
    ::sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::signal(SIGCHLD, SIG_IGN);
    ::signal(SIGPIPE, SIG_IGN);
    // Before CPython copies the environment into os.environ: every runner
    // is forked from here, so what this process holds, snippets could read.
    static_cast<void>(keep_plain_environment());  // without /proc, the runners say so
    // Whatever a warm-up import prints must not land in the report.
    if (const int null = ::open("/dev/null", O_RDWR | O_CLOEXEC); null >= 0) {
        ::dup2(null, 0);
        ::dup2(null, 1);
        ::dup2(null, 2);
        ::close(null);
    }
    json hello = json::object();
    if (embedded) {
        auto version = start_embedded_interpreter(warm_modules, fixtures);
        if (version) {
            hello["python"] = *version;
        } else {
            hello["error"] = version.error();
        }
    }
    send_message(control, hello.dump());
    std::string payload;
    int child_socket = -1;
    while (receive_message(control, payload, &child_socket)) {
        json reply;
        const json request = json::parse(payload, nullptr, false);
        if (child_socket < 0 || request.is_discarded()) {
            reply = {{"error", "bad spawn request"}};
        } else {
            const pid_t pid = ::fork();
            if (pid == 0) {
                ::close(control);
                run_warden(child_socket, request_from_json(request));
            }
            reply = pid > 0 ? json{{"pid", pid}} : json{{"error", std::string("fork: ") + std::strerror(errno)}};
        }
        if (child_socket >= 0) {
            ::close(child_socket);
        }
        send_message(control, reply.dump());
    }
    ::_exit(0);
}

}  // namespace

Expected<ForkServer, std::string> ForkServer::start(bool embedded, const std::vector<std::string>& warm_modules,
                                                 const std::vector<std::string>& fixtures) {
    int ends[2];
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, ends) != 0) {
        return unexpected(std::string("socketpair: ") + std::strerror(errno));
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(ends[0]);
        ::close(ends[1]);
        return unexpected(std::string("fork: ") + std::strerror(errno));
    }
    if (pid == 0) {
        ::close(ends[0]);
        serve_forks(ends[1], embedded, warm_modules, fixtures);
    }
    ::close(ends[1]);
    ForkServer server(ends[0], pid);
    std::string payload;
    if (!receive_message(server.m_control, payload, nullptr)) {
        return unexpected(std::string("the fork server died while starting"));
    }
    const json hello = json::parse(payload, nullptr, false);
    if (hello.is_discarded()) {
        return unexpected(std::string("the fork server sent nonsense"));
    }
    if (hello.contains("error")) {
        return unexpected(hello["error"].get<std::string>());
    }
    server.m_python_version = hello.value("python", std::string());
    return server;
}

ForkServer::ForkServer(ForkServer&& other) noexcept
    : m_control(other.m_control), m_pid(other.m_pid), m_python_version(std::move(other.m_python_version)) {
    other.m_control = -1;
    other.m_pid = -1;
}

ForkServer::~ForkServer() {
    if (m_control >= 0) {
        ::close(m_control);  // the server sees end of stream and exits
    }
    if (m_pid > 0) {
        int status = 0;
        while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
}

Expected<pid_t, std::string> ForkServer::spawn(int child_socket, const SpawnRequest& request) {
    const json message = {{"scratch_root", request.scratch_root},
                          {"python", request.python},
                          {"sockets", request.sockets},
                          {"address_space", request.limits.address_space_bytes},
                          {"cpu_seconds", request.limits.cpu_seconds},
                          {"file_size", request.limits.file_size_bytes},
                          {"processes", request.limits.processes}};
    const bool sent = send_message(m_control, message.dump(), child_socket);
    ::close(child_socket);
    if (!sent) {
        return unexpected(std::string("the fork server is gone: ") + std::strerror(errno));
    }
    std::string payload;
    if (!receive_message(m_control, payload, nullptr)) {
        return unexpected(std::string("the fork server died"));
    }
    const json reply = json::parse(payload, nullptr, false);
    if (reply.is_discarded() || !reply.contains("pid")) {
        return unexpected(reply.is_discarded() ? std::string("bad reply from the fork server")
                                               : reply.value("error", std::string("spawn failed")));
    }
    return reply["pid"].get<pid_t>();
}

}  // namespace snipcheck::runners::python
