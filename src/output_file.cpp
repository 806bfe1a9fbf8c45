#include "src/output_file.hpp"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <utility>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace snipcheck {
namespace {

std::string write_piece(int fd, std::string_view content) {
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return std::strerror(errno);
        }
        written += static_cast<std::size_t>(n);
    }
    return {};
}

// Runs the caller's writer with a sink that writes to `fd`.
std::string write_all(int fd, const ContentWriter& write) {
    return write([fd](std::string_view piece) { return write_piece(fd, piece); });
}

// /dev/null, /dev/stdout, a FIFO: written in place. Renaming over them
// would replace a device with a regular file.
std::string write_in_place(const std::string& path, const ContentWriter& content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        return fmt::format("cannot write {}: {}", path, std::strerror(errno));
    }
    std::string reason = write_all(fd, content);
    if (::close(fd) != 0 && reason.empty()) {
        reason = std::strerror(errno);
    }
    return reason.empty() ? std::string() : fmt::format("cannot write {}: {}", path, reason);
}

std::string write_content_atomically(const std::string& requested, const ContentWriter& content,
                                     const std::function<std::string()>& before_rename) {
    // A symbolic link stays a link: the file it points to is replaced.
    std::string path = requested;
    if (char resolved[PATH_MAX]; ::realpath(requested.c_str(), resolved) != nullptr) {
        path = resolved;
    }
    mode_t mode = 0644;
    std::optional<std::pair<uid_t, gid_t>> owner;
    if (struct stat existing{}; ::stat(path.c_str(), &existing) == 0) {
        if (!S_ISREG(existing.st_mode)) {
            if (std::string refused = before_rename ? before_rename() : std::string(); !refused.empty()) {
                return refused;
            }
            return write_in_place(path, content);
        }
        mode = existing.st_mode & 07777;
        owner = std::pair(existing.st_uid, existing.st_gid);
    }
    const std::string temporary = fmt::format("{}.tmp.{}", path, ::getpid());
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        return fmt::format("cannot write {}: {}", requested, std::strerror(errno));
    }
    std::string reason = write_all(fd, content);
    if (owner && reason.empty()) {
        // Kept when allowed (root rewriting another user's file); otherwise the file is ours, as any new file.
        [[maybe_unused]] const int ignored = ::fchown(fd, owner->first, owner->second);
    }
    if (reason.empty() && (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0)) {
        reason = std::strerror(errno);
    }
    if (::close(fd) != 0 && reason.empty()) {
        reason = std::strerror(errno);
    }
    if (reason.empty() && before_rename) {
        if (std::string refused = before_rename(); !refused.empty()) {
            ::unlink(temporary.c_str());
            return refused;
        }
    }
    if (reason.empty() && std::rename(temporary.c_str(), path.c_str()) != 0) {
        reason = std::strerror(errno);
    }
    if (!reason.empty()) {
        ::unlink(temporary.c_str());
        return fmt::format("cannot write {}: {}", requested, reason);
    }
    return {};
}

// A writer that hands `pieces` to the sink one after the other.
ContentWriter pieces_writer(std::span<const std::string_view> pieces) {
    return [pieces](const ContentSink& sink) {
        for (std::string_view piece : pieces) {
            if (std::string reason = sink(piece); !reason.empty()) {
                return reason;
            }
        }
        return std::string();
    };
}

}  // namespace

std::string write_file_atomically(const std::string& requested, std::string_view content) {
    return write_content_atomically(requested, pieces_writer(std::span(&content, 1)), {});
}

std::string write_file_atomically(const std::string& requested, std::string_view content,
                                  const std::function<std::string()>& before_rename) {
    return write_content_atomically(requested, pieces_writer(std::span(&content, 1)), before_rename);
}

std::string write_file_atomically(const std::string& requested, std::span<const std::string_view> pieces) {
    return write_content_atomically(requested, pieces_writer(pieces), {});
}

std::string write_file_atomically(const std::string& requested, const ContentWriter& write) {
    return write_content_atomically(requested, write, {});
}

}  // namespace snipcheck
