#pragma once
// The child the fork server starts for one document. It makes the
// document's scratch folder, enters new namespaces, forks the sandboxed
// runner (pid 1 of the new pid namespace), and when the runner ends, tells
// the orchestrator how (exit code or signal) and removes the folder.

#include "runners/python/fork_server.hpp"

namespace snipcheck::runners::python {

[[noreturn]] void run_warden(int socket, const SpawnRequest& request);

}  // namespace snipcheck::runners::python
