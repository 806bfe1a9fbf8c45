#include "runners/private_tmp.hpp"

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include <fmt/format.h>

namespace snipcheck::runners {
namespace {

constexpr std::array<const char*, 2> k_folders = {"/tmp", "/dev/shm"};

std::string errno_text() { return std::strerror(errno); }

bool is_directory(const char* path) {
    struct stat info {};
    return ::stat(path, &info) == 0 && S_ISDIR(info.st_mode);
}

bool same_file(int fd, const std::string& path) {
    struct stat held {};
    struct stat named {};
    return ::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 && held.st_dev == named.st_dev &&
           held.st_ino == named.st_ino;
}

// A kept folder under a folder now hidden by a tmpfs: its path is made
// again inside the tmpfs and the folder (held open) bound onto it, so the
// working directory, HOME, TMPDIR and socket paths keep naming it.
bool bind_back(int held, const std::string& path, SandboxNotes& notes) {
    std::error_code error;
    std::filesystem::create_directories(path, error);
    if (error) {
        notes.missing.push_back(fmt::format("private /tmp: cannot make {} again: {}", path, error.message()));
        return false;
    }
    const std::string source = fmt::format("/proc/self/fd/{}", held);
    if (::mount(source.c_str(), path.c_str(), nullptr, MS_BIND, nullptr) != 0) {
        notes.missing.push_back(fmt::format("private /tmp: cannot bind {} back: {}", path, errno_text()));
        return false;
    }
    return true;
}

struct HeldFolder {
    std::string path;
    int fd = -1;
};

std::vector<std::string> mount_tmpfs_folders(std::uint64_t size_bytes, SandboxNotes& notes) {
    const std::string options = fmt::format("mode=1777,size={}", size_bytes);
    std::vector<std::string> mounted;
    for (const char* folder : k_folders) {
        if (!is_directory(folder)) {
            continue;
        }
        if (::mount("snipcheck-tmp", folder, "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) != 0) {
            notes.missing.push_back(fmt::format("private /tmp: cannot mount a tmpfs on {}: {}; writes there are refused",
                                                folder, errno_text()));
            for (const std::string& done : mounted) {
                ::umount2(done.c_str(), MNT_DETACH);
            }
            return {};
        }
        mounted.emplace_back(folder);
    }
    return mounted;
}

}  // namespace

std::vector<std::string> make_private_tmp(const std::vector<std::string>& keep, std::uint64_t size_bytes,
                                          SandboxNotes& notes) {
    if (::unshare(CLONE_NEWNS) != 0) {
        notes.missing.push_back("private /tmp: mount namespace: " + errno_text() + "; writes to /tmp are refused");
        return {};
    }
    // Nothing mounted from here on may show in the machine's namespace.
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
        notes.missing.push_back("private /tmp: cannot make the mounts private: " + errno_text() +
                                "; writes to /tmp are refused");
        return {};
    }
    // Opened in the new namespace: a bind mount takes its source from there.
    std::vector<HeldFolder> held;
    for (const std::string& path : keep) {
        const int fd = ::open(path.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (fd >= 0) {
            held.push_back({path, fd});
        }
    }
    std::vector<std::string> mounted = mount_tmpfs_folders(size_bytes, notes);
    bool kept = true;
    for (const HeldFolder& folder : held) {
        if (kept && !mounted.empty() && !same_file(folder.fd, folder.path)) {
            kept = bind_back(folder.fd, folder.path, notes);
        }
        ::close(folder.fd);
    }
    if (!kept) {
        // A hidden scratch folder or socket would break the run: it goes on
        // with the machine's folders, where Landlock refuses writes.
        for (const std::string& folder : mounted) {
            ::umount2(folder.c_str(), MNT_DETACH);
        }
        mounted.clear();
    }
    if (!mounted.empty()) {
        notes.protections.push_back(fmt::format(
            "private /tmp and /dev/shm (empty tmpfs of {} MiB each, gone with the runner)", size_bytes >> 20));
    }
    return mounted;
}

}  // namespace snipcheck::runners
