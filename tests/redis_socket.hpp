#pragma once
// Talks to a test's Redis server straight over its Unix socket, in inline
// commands, so a test sees exactly what the server answers.

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <string>

namespace snipcheck::test {

// The raw reply to `commands` (inline, separated by "\r\n"); empty when
// nothing answers.
inline std::string ask_redis(const std::string& socket_path, const std::string& commands) {
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, socket_path.c_str(), sizeof address.sun_path - 1);
    std::string reply;
    const std::string request = commands + "\r\n";
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0 &&
        ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) > 0) {
        pollfd entry{fd, POLLIN, 0};
        char buffer[4096];
        // Replies here are short: what arrives within a moment is all of it.
        while (::poll(&entry, 1, reply.empty() ? 2000 : 50) > 0) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0) {
                break;
            }
            reply.append(buffer, static_cast<std::size_t>(n));
        }
    }
    ::close(fd);
    return reply;
}

}  // namespace snipcheck::test
