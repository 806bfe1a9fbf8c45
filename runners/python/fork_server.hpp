#pragma once
// The fork server: a dedicated single-threaded process that holds the warm
// embedded interpreter and forks one child per document on request. The
// orchestrator sends it one end of a socket pair (SCM_RIGHTS); the child
// (a warden that forks the sandboxed runner) talks over that socket.
//
// Children are reaped by the server (SIGCHLD ignored); the orchestrator
// learns how a runner ended from the warden's last message on the socket.

#include <sys/types.h>

#include <string>
#include <vector>

#include "runners/sandbox.hpp"
#include "src/expected.hpp"

namespace snipcheck::runners::python {

struct SpawnRequest {
    std::string scratch_root;  // the warden makes its document's folder in here
    SandboxLimits limits;
    std::string python;  // empty: the embedded interpreter; else the path of one to run the harness in
    std::vector<std::string> sockets;  // of the run's services (Redis) the document connects to
};

class ForkServer {
public:
    // Forks the server now: call before the process starts any thread.
    // With `embedded`, the server starts and warms CPython before answering,
    // setting up `fixtures` ("django") first.
    static Expected<ForkServer, std::string> start(bool embedded, const std::vector<std::string>& warm_modules,
                                                   const std::vector<std::string>& fixtures = {});

    ForkServer(ForkServer&& other) noexcept;
    ForkServer& operator=(ForkServer&&) = delete;
    ForkServer(const ForkServer&) = delete;
    ~ForkServer();

    // Starts a child that will serve one document over `child_socket`
    // (which this call closes). Returns the child's pid, also its process
    // group: kill(-pid, SIGKILL) ends it and everything it started.
    Expected<pid_t, std::string> spawn(int child_socket, const SpawnRequest& request);

    const std::string& python_version() const { return m_python_version; }

private:
    ForkServer(int control, pid_t pid) : m_control(control), m_pid(pid) {}

    int m_control = -1;
    pid_t m_pid = -1;
    std::string m_python_version;
};

}  // namespace snipcheck::runners::python
