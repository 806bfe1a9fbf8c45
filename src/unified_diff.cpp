#include "src/unified_diff.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace snipcheck {
namespace {

constexpr int k_context = 3;
// Past this many differing lines the middle is shown replaced whole: Myers'
// trace grows with the square of the difference.
constexpr int k_max_differences = 2000;

enum class Op { keep, remove, add };

std::vector<std::string_view> split_keeping_ends(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t stop = text.find('\n', start);
        const std::size_t end = stop == std::string_view::npos ? text.size() : stop + 1;
        lines.push_back(text.substr(start, end - start));
        start = end;
    }
    return lines;
}

using Lines = std::vector<std::string_view>;

// Myers' O(ND) shortest edit script of a[a0, a1) into b[b0, b1), appended to ops.
void myers(const Lines& a, int a0, int a1, const Lines& b, int b0, int b1, std::vector<Op>& ops) {
    const int n = a1 - a0;
    const int m = b1 - b0;
    const auto replace_whole = [&] {
        ops.insert(ops.end(), static_cast<std::size_t>(n), Op::remove);
        ops.insert(ops.end(), static_cast<std::size_t>(m), Op::add);
    };
    const int max = std::min(n + m, k_max_differences);
    // v[k + offset]: the furthest x on diagonal k. trace[d] keeps diagonals
    // -d-1 .. d+1 of v as it was before step d, all the way back needs.
    const int offset = max + 1;
    std::vector<int> v(static_cast<std::size_t>(2 * offset + 1), 0);
    std::vector<std::vector<int>> trace;
    const auto at = [&](std::vector<int>& values, int k) -> int& { return values[static_cast<std::size_t>(k + offset)]; };
    const auto traced = [&](int d, int k) { return trace[static_cast<std::size_t>(d)][static_cast<std::size_t>(k + d + 1)]; };
    int found = -1;
    for (int d = 0; d <= max && found < 0; ++d) {
        const auto from = v.begin() + (offset - d - 1);
        trace.emplace_back(from, from + (2 * d + 3));
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && at(v, k - 1) < at(v, k + 1))) ? at(v, k + 1) : at(v, k - 1) + 1;
            int y = x - k;
            while (x < n && y < m && a[static_cast<std::size_t>(a0 + x)] == b[static_cast<std::size_t>(b0 + y)]) {
                ++x;
                ++y;
            }
            at(v, k) = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    if (found < 0) {
        replace_whole();
        return;
    }
    std::vector<Op> reversed;
    int x = n;
    int y = m;
    for (int d = found; d > 0; --d) {
        const int k = x - y;
        const int previous_k = (k == -d || (k != d && traced(d, k - 1) < traced(d, k + 1))) ? k + 1 : k - 1;
        const int previous_x = traced(d, previous_k);
        const int previous_y = previous_x - previous_k;
        while (x > previous_x && y > previous_y) {
            reversed.push_back(Op::keep);
            --x;
            --y;
        }
        reversed.push_back(x == previous_x ? Op::add : Op::remove);
        x = previous_x;
        y = previous_y;
    }
    while (x > 0 && y > 0) {
        reversed.push_back(Op::keep);
        --x;
        --y;
    }
    ops.insert(ops.end(), reversed.rbegin(), reversed.rend());
}

std::vector<Op> edit_script(const Lines& a, const Lines& b) {
    int prefix = 0;
    const int n = static_cast<int>(a.size());
    const int m = static_cast<int>(b.size());
    while (prefix < n && prefix < m && a[static_cast<std::size_t>(prefix)] == b[static_cast<std::size_t>(prefix)]) {
        ++prefix;
    }
    int suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix &&
           a[static_cast<std::size_t>(n - 1 - suffix)] == b[static_cast<std::size_t>(m - 1 - suffix)]) {
        ++suffix;
    }
    std::vector<Op> ops(static_cast<std::size_t>(prefix), Op::keep);
    myers(a, prefix, n - suffix, b, prefix, m - suffix, ops);
    ops.insert(ops.end(), static_cast<std::size_t>(suffix), Op::keep);
    return ops;
}

std::string range(int start, int count) {
    // diff -u: an empty range names the line before it; a count of one is implied.
    if (count == 0) {
        return fmt::format("{},0", start - 1);
    }
    return count == 1 ? fmt::format("{}", start) : fmt::format("{},{}", start, count);
}

void append_line(std::string& out, char sign, std::string_view line) {
    out += sign;
    out += line;
    if (!line.ends_with('\n')) {
        out += "\n\\ No newline at end of file\n";
    }
}

}  // namespace

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after) {
    if (before == after) {
        return {};
    }
    const Lines a = split_keeping_ends(before);
    const Lines b = split_keeping_ends(after);
    const std::vector<Op> ops = edit_script(a, b);
    // Line numbers (0-based) in a and b where each op starts.
    std::vector<int> a_at(ops.size() + 1, 0);
    std::vector<int> b_at(ops.size() + 1, 0);
    for (std::size_t i = 0; i < ops.size(); ++i) {
        a_at[i + 1] = a_at[i] + (ops[i] != Op::add ? 1 : 0);
        b_at[i + 1] = b_at[i] + (ops[i] != Op::remove ? 1 : 0);
    }
    std::string out = fmt::format("--- {}\n+++ {}\n", path, path);
    const int total = static_cast<int>(ops.size());
    int i = 0;
    while (i < total) {
        if (ops[static_cast<std::size_t>(i)] == Op::keep) {
            ++i;
            continue;
        }
        // A hunk: from k_context lines before this change through k_context
        // after the last change that is no more than 2 * k_context keeps away.
        const int start = std::max(0, i - k_context);
        int end = i;
        int keeps = 0;
        while (end < total && keeps <= 2 * k_context) {
            keeps = ops[static_cast<std::size_t>(end)] == Op::keep ? keeps + 1 : 0;
            ++end;
        }
        if (keeps > 2 * k_context || end == total) {
            end = end - keeps + std::min(keeps, k_context);
        }
        const auto s = static_cast<std::size_t>(start);
        const auto e = static_cast<std::size_t>(end);
        out += fmt::format("@@ -{} +{} @@\n", range(a_at[s] + 1, a_at[e] - a_at[s]), range(b_at[s] + 1, b_at[e] - b_at[s]));
        for (std::size_t k = s; k < e; ++k) {
            switch (ops[k]) {
            case Op::keep: append_line(out, ' ', a[static_cast<std::size_t>(a_at[k])]); break;
            case Op::remove: append_line(out, '-', a[static_cast<std::size_t>(a_at[k])]); break;
            case Op::add: append_line(out, '+', b[static_cast<std::size_t>(b_at[k])]); break;
            }
        }
        i = end;
    }
    return out;
}

}  // namespace snipcheck
