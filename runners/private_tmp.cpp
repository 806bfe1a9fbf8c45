#include "runners/private_tmp.hpp"

#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <vector>

#include <fmt/format.h>

namespace snipcheck::runners {
namespace {

constexpr std::array<const char*, 2> k_folders = {"/tmp", "/dev/shm"};

bool is_directory(const char* path) {
    struct stat info {};
    return ::stat(path, &info) == 0 && S_ISDIR(info.st_mode);
}

bool is_private_folder(const std::string& path) {
    const std::string normal = std::filesystem::path(path).lexically_normal().string();
    for (const char* folder : k_folders) {
        if (normal == folder || normal == std::string(folder) + "/") {
            return true;
        }
    }
    return false;
}

bool same_file(int fd, const std::string& path) {
    struct stat held {};
    struct stat named {};
    return ::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 && held.st_dev == named.st_dev &&
           held.st_ino == named.st_ino;
}

struct HeldFolder {
    std::string path;
    KeptAccess access = KeptAccess::read_write;
    int fd = -1;
};

// A kept folder under a folder now hidden by a tmpfs: its path is made
// again inside the tmpfs and the folder (held open) bound onto it, so the
// working directory, HOME, TMPDIR and socket paths keep naming it. A folder
// only connected to is bound read-only: Landlock allows writes anywhere
// under the private /tmp, and the folder is the machine's.
bool bind_back(const HeldFolder& folder, SandboxNotes& notes) {
    std::error_code error;
    std::filesystem::create_directories(folder.path, error);
    if (error) {
        notes.missing.push_back(fmt::format("private /tmp: cannot make {} again: {}", folder.path, error.message()));
        return false;
    }
    const std::string source = fmt::format("/proc/self/fd/{}", folder.fd);
    if (::mount(source.c_str(), folder.path.c_str(), nullptr, MS_BIND, nullptr) != 0) {
        notes.missing.push_back(fmt::format("private /tmp: cannot bind {} back: {}", folder.path, errno_text()));
        return false;
    }
    if (folder.access == KeptAccess::read_only &&
        ::mount(nullptr, folder.path.c_str(), nullptr,
                MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) != 0) {
        notes.missing.push_back(fmt::format("private /tmp: cannot make {} read-only: {}", folder.path, errno_text()));
        return false;
    }
    return true;
}

void unmount_all(std::vector<std::string>& mounted) {
    for (const std::string& folder : mounted) {
        ::umount2(folder.c_str(), MNT_DETACH);
    }
    mounted.clear();
}

std::vector<std::string> mount_tmpfs_folders(std::uint64_t size_bytes, SandboxNotes& notes) {
    // Inodes are capped too: tmpfs counts them apart from the bytes.
    const std::string options = fmt::format("mode=1777,size={},nr_inodes=16384", size_bytes);
    std::vector<std::string> mounted;
    for (const char* folder : k_folders) {
        if (!is_directory(folder)) {
            continue;
        }
        if (::mount("snipcheck-tmp", folder, "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) != 0) {
            notes.missing.push_back(fmt::format("private /tmp: cannot mount a tmpfs on {}: {}; writes there are refused",
                                                folder, errno_text()));
            unmount_all(mounted);
            return {};
        }
        mounted.emplace_back(folder);
    }
    return mounted;
}

std::vector<std::string> mount_private_folders(std::vector<HeldFolder>& held, std::uint64_t size_bytes,
                                               SandboxNotes& notes) {
    // Opened in the new namespace: a bind mount takes its source from there.
    for (HeldFolder& folder : held) {
        if (is_private_folder(folder.path)) {
            notes.missing.push_back(fmt::format("private /tmp: {} cannot stay the machine's; writes there are refused",
                                                folder.path));
            return {};
        }
        folder.fd = ::open(folder.path.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        if (folder.fd < 0) {
            notes.missing.push_back(fmt::format("private /tmp: {}: {}; writes to /tmp are refused", folder.path,
                                                errno_text()));
            return {};
        }
    }
    std::vector<std::string> mounted = mount_tmpfs_folders(size_bytes, notes);
    for (const HeldFolder& folder : held) {
        if (!mounted.empty() && !same_file(folder.fd, folder.path) && !bind_back(folder, notes)) {
            // A hidden scratch folder or socket would break the run: it goes
            // on with the machine's folders, where Landlock refuses writes.
            unmount_all(mounted);
        }
    }
    return mounted;
}

}  // namespace

std::vector<std::string> make_private_tmp(const std::vector<KeptFolder>& keep, std::uint64_t size_bytes,
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
    std::vector<HeldFolder> held;
    for (const KeptFolder& folder : keep) {
        held.push_back({folder.path, folder.access});
    }
    std::vector<std::string> mounted = mount_private_folders(held, size_bytes, notes);
    for (const HeldFolder& folder : held) {
        if (folder.fd >= 0) {
            ::close(folder.fd);
        }
    }
    if (!mounted.empty()) {
        std::string names;
        for (const std::string& folder : mounted) {
            names += (names.empty() ? "" : " and ") + folder;
        }
        notes.protections.push_back(
            fmt::format("private {} (empty tmpfs of {} MiB each, gone with the runner)", names, size_bytes >> 20));
    }
    return mounted;
}

}  // namespace snipcheck::runners
