#pragma once
// A one-line "[done/total] path" progress display for long runs on a
// terminal, redrawn in place with '\r' at most about ten times a second.
// Off a terminal (CI logs, pipes) it writes nothing at all.

#include <chrono>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace snipcheck {

enum class IsTerminal { no, yes };

class ProgressLine {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    // `now` is the clock behind the rate limit, a fake in tests; `width` is
    // the terminal's width, so the line never wraps (a wrapped line cannot be
    // redrawn with '\r').
    ProgressLine(std::ostream& out, IsTerminal is_terminal, Clock now = std::chrono::steady_clock::now,
                 std::size_t width = 80);
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    // Shows "[done/total] path" unless a line was drawn less than 100 ms ago.
    void update(std::size_t done, std::size_t total, std::string_view path);
    // Erases the line (before other output, and at the end); the next update
    // draws again at once. Does nothing when no line is shown.
    void clear();

private:
    std::ostream& m_out;
    bool m_enabled;
    Clock m_now;
    std::size_t m_width;
    std::size_t m_shown = 0;  // length of the line on screen, 0 when none
    std::chrono::steady_clock::time_point m_last_draw{};
};

}  // namespace snipcheck
