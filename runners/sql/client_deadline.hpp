#pragma once
// The client side of a statement deadline: waits for a server's answer on a
// socket, so a server that never answers cannot hang snipcheck.

#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <chrono>

namespace snipcheck::runners::sql {

using Deadline = std::chrono::steady_clock::time_point;

// A deadline `seconds` from now.
inline Deadline deadline_in(double seconds) {
    return std::chrono::steady_clock::now() +
           std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
}

// Waits until `fd` can be read; false when the deadline passes first or the
// descriptor is invalid.
inline bool wait_readable(int fd, Deadline deadline) {
    if (fd < 0) {
        return false;
    }
    while (true) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            return false;
        }
        pollfd entry{fd, POLLIN, 0};
        const int ready = ::poll(&entry, 1, static_cast<int>(std::min<long long>(left.count() + 1, 60000)));
        if (ready > 0) {
            return true;
        }
        if (ready < 0 && errno != EINTR) {
            return false;
        }
    }
}

}  // namespace snipcheck::runners::sql
