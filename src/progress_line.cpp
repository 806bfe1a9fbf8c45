#include "src/progress_line.hpp"

#include <utility>

namespace snipcheck {
namespace {

constexpr std::chrono::milliseconds k_min_interval{100};

// Drops bytes from the front of `path` so it fits `room` bytes, marking the
// cut with "..." and never splitting a UTF-8 sequence.
std::string fit_path(std::string_view path, std::size_t room) {
    if (path.size() <= room) {
        return std::string(path);
    }
    if (room <= 3) {
        return std::string(room, '.');
    }
    std::size_t start = path.size() - (room - 3);
    while (start < path.size() && (static_cast<unsigned char>(path[start]) & 0xC0) == 0x80) {
        ++start;
    }
    return "..." + std::string(path.substr(start));
}

}  // namespace

ProgressLine::ProgressLine(std::ostream& out, IsTerminal is_terminal, Clock now, std::size_t width)
    : m_out(out), m_enabled(is_terminal == IsTerminal::yes), m_now(std::move(now)), m_width(width) {}

ProgressLine::~ProgressLine() {
    try {
        clear();
    } catch (...) {
        // A destructor must not throw; a stream that fails now has nothing left to show.
    }
}

void ProgressLine::update(std::size_t done, std::size_t total, std::string_view path) {
    if (!m_enabled) {
        return;
    }
    const auto now = m_now();
    if (m_shown > 0 && now - m_last_draw < k_min_interval) {
        return;
    }
    std::string line = "[";  // built by appending: GCC 12 warns falsely (-Wrestrict) on "[" + std::string
    line.append(std::to_string(done)).append("/").append(std::to_string(total)).append("] ");
    // One column short of the width: writing the last column wraps on some terminals.
    const std::size_t room = m_width > line.size() + 1 ? m_width - line.size() - 1 : 0;
    line += fit_path(path, room);
    const std::size_t length = line.size();
    // Spaces over the rest of a longer previous line: plain bytes, no escape codes needed.
    if (length < m_shown) {
        line.append(m_shown - length, ' ');
    }
    m_out << '\r' << line << std::flush;
    m_shown = length;
    m_last_draw = now;
}

void ProgressLine::clear() {
    if (!m_enabled || m_shown == 0) {
        return;
    }
    m_out << '\r' << std::string(m_shown, ' ') << '\r' << std::flush;
    m_shown = 0;
}

}  // namespace snipcheck
