#pragma once
// Confinement of a child that runs snippets. Two steps, because a new pid
// namespace only takes effect for the children of the process that asks:
// the warden enters fresh pid and network namespaces, then forks the
// runner, which becomes the namespace's init and confines itself further
// (limits, filesystem, user, standard streams).
//
// Nothing here is fatal: what the kernel refuses is reported as missing,
// so the report can say which protection a run went without.

#include <cstdint>
#include <string>
#include <vector>

namespace snipcheck::runners {

struct SandboxLimits {
    std::uint64_t address_space_bytes = 2ULL << 30;
    std::uint64_t cpu_seconds = 0;  // hard limit for the whole document; 0 = none
    std::uint64_t file_size_bytes = 256ULL << 20;
    std::uint64_t processes = 1024;
};

struct SandboxNotes {
    std::vector<std::string> protections;
    std::vector<std::string> missing;
};

// A new pid namespace makes the caller's next child its pid 1, and from
// then on the caller itself can start no threads (the kernel refuses
// CLONE_THREAD across namespaces): only a process that forks asks for one.
enum class PidNamespace { enter, skip };

// In the warden. Afterwards its next child is pid 1 of a new pid namespace.
SandboxNotes enter_namespaces(PidNamespace pid = PidNamespace::enter);

// /tmp and /dev/shm of a runner: the machine's, where writes are refused,
// or empty ones of its own (see private_tmp.hpp) for code that writes there.
struct TmpFolders {
    bool private_tmpfs = false;
    std::vector<std::string> reachable;  // sockets under /tmp the runner connects to (the run's Redis)
};

// In the runner: standard input from /dev/null, fds 1 and 2 into the
// capture files, working directory `scratch`, resource limits, an
// unprivileged user, writes refused outside `scratch` and the private
// /tmp and /dev/shm, when asked for and made (Landlock).
SandboxNotes confine_runner(const std::string& scratch, const std::string& stdout_path,
                            const std::string& stderr_path, const SandboxLimits& limits, bool network_isolated,
                            const TmpFolders& tmp = {});

// strerror(errno), for the notes: what the kernel said when it refused.
std::string errno_text();

// Removes a folder tree; used by the warden for its document's scratch.
void remove_tree(const std::string& path);

}  // namespace snipcheck::runners
