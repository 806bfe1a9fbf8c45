#include "src/cache_pruning.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <optional>
#include <system_error>
#include <vector>

#include <fmt/format.h>

namespace snipcheck {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::system_clock;

constexpr const char* k_stamp_name = "last-prune";
constexpr auto k_leftover_age = std::chrono::hours(1);

struct CacheFile {
    fs::path path;
    std::uintmax_t bytes = 0;
    Clock::time_point used;
};

// lstat's modification time; nullopt when the file is gone.
std::optional<std::pair<std::uintmax_t, Clock::time_point>> size_and_time(const fs::path& path) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
        return std::nullopt;
    }
    const auto since_epoch = std::chrono::seconds(info.st_mtim.tv_sec) + std::chrono::nanoseconds(info.st_mtim.tv_nsec);
    return std::pair(static_cast<std::uintmax_t>(info.st_size),
                     Clock::time_point(std::chrono::duration_cast<Clock::duration>(since_epoch)));
}

bool is_entry_folder(const fs::path& path) {
    const std::string name = path.filename().string();
    return name.size() == 2 && std::all_of(name.begin(), name.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

bool starts_with(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

Expected<PruneOutcome, std::string> prune_cache(const std::string& folder, std::uintmax_t max_bytes,
                                                Clock::time_point now) {
    PruneOutcome outcome;
    std::vector<CacheFile> entries;
    std::vector<fs::path> leftovers;
    std::error_code error;
    fs::directory_iterator top(folder, error);
    if (error) {
        return unexpected(fmt::format("cannot list the cache folder {}: {}", folder, error.message()));
    }
    const auto consider = [&](const fs::path& path) {
        const std::string name = path.filename().string();
        const auto found = size_and_time(path);
        if (!found) {
            return;
        }
        if (starts_with(name, ".tmp-")) {
            if (now - found->second >= k_leftover_age) {
                leftovers.push_back(path);
            }
        } else if (path.extension() == ".json") {
            entries.push_back({path, found->first, found->second});
            outcome.bytes_before += found->first;
        }
    };
    // Iterated with error codes: a folder that goes away meanwhile (another
    // run pruning) ends its listing, it does not throw.
    for (; !error && top != fs::directory_iterator(); top.increment(error)) {
        const fs::path item = top->path();
        const std::string name = item.filename().string();
        if (starts_with(name, ".tmp-")) {
            consider(item);
        } else if (is_entry_folder(item) && top->is_directory(error)) {
            std::error_code inner;
            for (fs::directory_iterator files(item, inner); !inner && files != fs::directory_iterator();
                 files.increment(inner)) {
                consider(files->path());
            }
        }
    }
    for (const fs::path& path : leftovers) {
        outcome.removed += ::unlink(path.c_str()) == 0 ? 1 : 0;
    }
    outcome.bytes_after = outcome.bytes_before;
    if (outcome.bytes_before <= max_bytes) {
        return outcome;
    }
    // Down to 80%, so the next runs do not prune again at once.
    const std::uintmax_t target = max_bytes / 5 * 4;
    std::sort(entries.begin(), entries.end(), [](const CacheFile& a, const CacheFile& b) {
        return a.used != b.used ? a.used < b.used : a.path < b.path;
    });
    for (const CacheFile& entry : entries) {
        if (outcome.bytes_after <= target) {
            break;
        }
        if (::unlink(entry.path.c_str()) == 0 || errno == ENOENT) {
            outcome.bytes_after -= entry.bytes;
            ++outcome.removed;
        }
    }
    return outcome;
}

bool prune_due(const std::string& folder, Clock::time_point now, std::chrono::seconds every) {
    const auto stamp = size_and_time(fs::path(folder) / k_stamp_name);
    return !stamp || now - stamp->second >= every;
}

bool mark_pruned(const std::string& folder) {
    const std::string path = (fs::path(folder) / k_stamp_name).string();
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        return false;
    }
    const bool stamped = ::futimens(fd, nullptr) == 0;  // an existing stamp gets the current time too
    ::close(fd);
    return stamped;
}

}  // namespace snipcheck
