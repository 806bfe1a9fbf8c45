#include "runners/sandbox.hpp"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <linux/landlock.h>
#include <net/if.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include <fmt/format.h>

#include "runners/plain_environment.hpp"
#include "runners/private_tmp.hpp"

// Bookworm's kernel headers predate Landlock's network rules (ABI 4) and
// scoping (ABI 6); the kernel may well have them.
#ifndef LANDLOCK_ACCESS_NET_BIND_TCP
#define LANDLOCK_ACCESS_NET_BIND_TCP (1ULL << 0)
#define LANDLOCK_ACCESS_NET_CONNECT_TCP (1ULL << 1)
#endif
#ifndef LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET
#define LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET (1ULL << 0)
#define LANDLOCK_SCOPE_SIGNAL (1ULL << 1)
#endif
#ifndef LANDLOCK_ACCESS_FS_REFER
#define LANDLOCK_ACCESS_FS_REFER (1ULL << 13)
#endif
#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE (1ULL << 14)
#endif

namespace snipcheck::runners {

std::string errno_text() { return std::strerror(errno); }

namespace {

constexpr uid_t k_nobody = 65534;

// The newest ruleset attribute layout; older kernels get a prefix of it.
struct RulesetAttr {
    std::uint64_t handled_access_fs = 0;
    std::uint64_t handled_access_net = 0;
    std::uint64_t scoped = 0;
};

struct PathBeneathAttr {
    std::uint64_t allowed_access;
    std::int32_t parent_fd;
} __attribute__((packed));

bool write_text(const std::string& path, const std::string& text) {
    std::ofstream out(path);
    out << text;
    return static_cast<bool>(out.flush());
}

void bring_loopback_up(SandboxNotes& notes) {
    // Snippets may serve and connect on 127.0.0.1 inside their own namespace.
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return;
    }
    ifreq request{};
    std::strncpy(request.ifr_name, "lo", IFNAMSIZ - 1);
    if (::ioctl(fd, SIOCGIFFLAGS, &request) == 0) {
        request.ifr_flags = static_cast<short>(request.ifr_flags | IFF_UP);
        if (::ioctl(fd, SIOCSIFFLAGS, &request) != 0) {
            notes.missing.push_back("loopback: cannot bring lo up: " + errno_text());
        }
    }
    ::close(fd);
}

void set_limit(int resource, std::uint64_t value, const char* name, SandboxNotes& notes) {
    rlimit limit{value, value};
    if (::setrlimit(resource, &limit) != 0) {
        notes.missing.push_back(fmt::format("rlimit {}: {}", name, errno_text()));
    }
}

std::string size_text(std::uint64_t bytes) {
    if (bytes % (1ULL << 30) == 0) {
        return fmt::format("{} GiB", bytes >> 30);
    }
    return fmt::format("{} MiB", bytes >> 20);
}

void apply_landlock(const std::string& scratch, const std::vector<std::string>& private_folders, bool network_isolated,
                    SandboxNotes& notes) {
    const long abi = ::syscall(SYS_landlock_create_ruleset, nullptr, 0, LANDLOCK_CREATE_RULESET_VERSION);
    if (abi < 1) {
        notes.missing.push_back("filesystem: Landlock unavailable (" + errno_text() +
                                "): writes outside the scratch folder are not refused");
        if (!network_isolated) {
            notes.missing.push_back("network: neither a network namespace nor Landlock: snippets can reach the network");
        }
        return;
    }
    std::uint64_t write_access = LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR |
                                 LANDLOCK_ACCESS_FS_REMOVE_FILE | LANDLOCK_ACCESS_FS_MAKE_CHAR |
                                 LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG |
                                 LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO |
                                 LANDLOCK_ACCESS_FS_MAKE_BLOCK | LANDLOCK_ACCESS_FS_MAKE_SYM;
    if (abi >= 2) {
        write_access |= LANDLOCK_ACCESS_FS_REFER;
    }
    if (abi >= 3) {
        write_access |= LANDLOCK_ACCESS_FS_TRUNCATE;
    }
    RulesetAttr attr;
    attr.handled_access_fs = write_access;
    std::size_t attr_size = sizeof(std::uint64_t);
    if (abi >= 4 && !network_isolated) {
        attr.handled_access_net = LANDLOCK_ACCESS_NET_BIND_TCP | LANDLOCK_ACCESS_NET_CONNECT_TCP;
        attr_size = 2 * sizeof(std::uint64_t);
    }
    if (abi >= 6) {
        attr.scoped = LANDLOCK_SCOPE_SIGNAL | LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET;
        attr_size = sizeof(RulesetAttr);
    }
    const int ruleset = static_cast<int>(::syscall(SYS_landlock_create_ruleset, &attr, attr_size, 0));
    if (ruleset < 0) {
        notes.missing.push_back("filesystem: Landlock ruleset refused: " + errno_text());
        return;
    }
    const auto allow = [&](const std::string& path, std::uint64_t access) {
        const int fd = ::open(path.c_str(), O_PATH | O_CLOEXEC);
        if (fd < 0) {
            return;
        }
        PathBeneathAttr rule{access, fd};
        if (::syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0) != 0) {
            notes.missing.push_back("filesystem: Landlock rule for " + path + " refused: " + errno_text());
        }
        ::close(fd);
    };
    allow(scratch, write_access);
    for (const std::string& folder : private_folders) {
        allow(folder, write_access);
    }
    allow("/dev/null", LANDLOCK_ACCESS_FS_WRITE_FILE | (abi >= 3 ? LANDLOCK_ACCESS_FS_TRUNCATE : 0));
    if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 || ::syscall(SYS_landlock_restrict_self, ruleset, 0) != 0) {
        notes.missing.push_back("filesystem: Landlock not applied: " + errno_text());
    } else {
        notes.protections.push_back(fmt::format("writes only in the scratch folder{} (Landlock ABI {})",
                                                private_folders.empty() ? "" : " and the private /tmp", abi));
        if (attr.handled_access_net != 0) {
            notes.protections.push_back("TCP connect and bind refused (Landlock)");
            notes.missing.push_back("network: no network namespace; only TCP is refused (by Landlock), UDP is not");
        }
        if (attr.scoped != 0) {
            notes.protections.push_back("signals only within the snippet's own processes (Landlock scope)");
        }
    }
    ::close(ruleset);
}

}  // namespace

SandboxNotes enter_namespaces(PidNamespace pid) {
    SandboxNotes notes;
    const bool root = ::geteuid() == 0;
    if (!root) {
        // An unprivileged user gets namespaces through a user namespace of its own.
        const uid_t uid = ::geteuid();
        const gid_t gid = ::getegid();
        if (::unshare(CLONE_NEWUSER) == 0) {
            write_text("/proc/self/setgroups", "deny");
            write_text("/proc/self/uid_map", fmt::format("{} {} 1", uid, uid));
            write_text("/proc/self/gid_map", fmt::format("{} {} 1", gid, gid));
            notes.protections.push_back("user namespace");
        } else {
            notes.missing.push_back("user namespace: " + errno_text());
        }
    }
    if (::unshare(CLONE_NEWNET) == 0) {
        notes.protections.push_back("network namespace (no network; loopback only)");
        bring_loopback_up(notes);
    } else {
        notes.missing.push_back("network namespace: " + errno_text());
    }
    if (pid == PidNamespace::skip) {
        return notes;
    }
    if (::unshare(CLONE_NEWPID) == 0) {
        notes.protections.push_back("pid namespace (every process the snippet starts dies with it)");
    } else {
        notes.missing.push_back("pid namespace: " + errno_text() +
                                "; processes that leave the process group may outlive the snippet");
    }
    return notes;
}

SandboxNotes confine_runner(const std::string& scratch, const std::string& stdout_path,
                            const std::string& stderr_path, const SandboxLimits& limits, bool network_isolated,
                            const TmpFolders& tmp) {
    SandboxNotes notes;
    const int in = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    const int out = ::open(stdout_path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0600);
    const int err = ::open(stderr_path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0600);
    if (in >= 0 && out >= 0 && err >= 0) {
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        notes.protections.push_back("standard input from /dev/null");
    } else {
        notes.missing.push_back("standard streams: " + errno_text());
    }
    for (int fd : {in, out, err}) {
        if (fd > 2) {
            ::close(fd);
        }
    }

    // Mounting needs the privileges given up just below.
    std::vector<std::string> private_folders;
    if (tmp.private_tmpfs) {
        std::vector<KeptFolder> keep = {{scratch, KeptAccess::read_write}};
        for (const std::string& socket : tmp.reachable) {
            keep.push_back({std::filesystem::path(socket).parent_path().string(), KeptAccess::read_only});
        }
        private_folders = make_private_tmp(keep, limits.file_size_bytes, notes);
    }

    if (::geteuid() == 0) {
        // Root would bypass the process limit and the file permissions.
        const bool owned = ::chown(scratch.c_str(), k_nobody, k_nobody) == 0;
        if (owned && ::setgroups(0, nullptr) == 0 && ::setgid(k_nobody) == 0 && ::setuid(k_nobody) == 0) {
            notes.protections.push_back("runs as user nobody");
        } else {
            notes.missing.push_back("unprivileged user: " + errno_text() + "; snippets run as root");
        }
    }
    // Set after the user change, which clears it: die with the warden.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);

    if (::chdir(scratch.c_str()) != 0) {
        notes.missing.push_back("scratch folder: " + errno_text());
    }
    if (!keep_plain_environment()) {
        notes.missing.push_back("environment: /proc/self/stat unreadable; the caller's environment is unset but not wiped from memory");
    }
    for (const char* name : {"HOME", "TMPDIR", "TMP", "TEMP"}) {
        ::setenv(name, scratch.c_str(), 1);
    }
    if (const passwd* user = ::getpwuid(::geteuid()); user != nullptr) {
        ::setenv("USER", user->pw_name, 1);
        ::setenv("LOGNAME", user->pw_name, 1);
    }
    ::setenv("PYTHONDONTWRITEBYTECODE", "1", 1);
    notes.protections.push_back("environment: PATH, locale, time zone and user name only (none of the caller's tokens or keys)");

    set_limit(RLIMIT_AS, limits.address_space_bytes, "address space", notes);
    set_limit(RLIMIT_FSIZE, limits.file_size_bytes, "file size", notes);
    set_limit(RLIMIT_NPROC, limits.processes, "processes", notes);
    set_limit(RLIMIT_CORE, 0, "core files", notes);
    if (limits.cpu_seconds > 0) {
        set_limit(RLIMIT_CPU, limits.cpu_seconds, "CPU time", notes);
    }
    // Past the file size limit a write fails (EFBIG) instead of killing.
    ::signal(SIGXFSZ, SIG_IGN);
    notes.protections.push_back(fmt::format("limits: address space {}, file size {}, {} processes, CPU time per snippet",
                                            size_text(limits.address_space_bytes), size_text(limits.file_size_bytes),
                                            limits.processes));

    apply_landlock(scratch, private_folders, network_isolated, notes);
    return notes;
}

void remove_tree(const std::string& path) {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
}

}  // namespace snipcheck::runners
