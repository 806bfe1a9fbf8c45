#include "src/glob_pattern.hpp"

#include <cstddef>

namespace snipcheck {
namespace {

// The index just past the class that opens at pattern[open] ('['), or npos
// when it is never closed. A ']' right after '[' or '[!' is a member.
std::size_t class_end(std::string_view pattern, std::size_t open) {
    std::size_t i = open + 1;
    if (i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^')) {
        ++i;
    }
    if (i < pattern.size() && pattern[i] == ']') {
        ++i;
    }
    while (i < pattern.size() && pattern[i] != ']') {
        ++i;
    }
    return i < pattern.size() ? i + 1 : std::string_view::npos;
}

// Whether `c` is in the class pattern[open, end): members, ranges `a-z`,
// negated by a leading '!' or '^'.
bool class_has(std::string_view pattern, std::size_t open, std::size_t end, char c) {
    std::size_t i = open + 1;
    bool negated = false;
    if (pattern[i] == '!' || pattern[i] == '^') {
        negated = true;
        ++i;
    }
    bool found = false;
    const std::size_t last = end - 1;  // the closing ']'
    while (i < last) {
        if (i + 2 < last && pattern[i + 1] == '-') {
            found = found || (pattern[i] <= c && c <= pattern[i + 2]);
            i += 3;
        } else {
            found = found || pattern[i] == c;
            ++i;
        }
    }
    return found != negated;
}

// One name against a one-name pattern; `*` backtracks to its last position.
bool name_matches(std::string_view pattern, std::string_view name) {
    std::size_t p = 0;
    std::size_t n = 0;
    std::size_t star = std::string_view::npos;
    std::size_t star_name = 0;
    while (n < name.size()) {
        if (p < pattern.size()) {
            const char c = pattern[p];
            if (c == '*') {
                star = p++;
                star_name = n;
                continue;
            }
            if (c == '?') {
                ++p;
                ++n;
                continue;
            }
            if (c == '[') {
                const std::size_t end = class_end(pattern, p);
                if (class_has(pattern, p, end, name[n])) {
                    p = end;
                    ++n;
                    continue;
                }
            } else {
                const bool escaped = c == '\\';
                const char literal = escaped ? pattern[p + 1] : c;
                if (literal == name[n]) {
                    p += escaped ? 2 : 1;
                    ++n;
                    continue;
                }
            }
        }
        if (star == std::string_view::npos) {
            return false;
        }
        p = star + 1;
        n = ++star_name;
    }
    while (p < pattern.size() && pattern[p] == '*') {
        ++p;
    }
    return p == pattern.size();
}

bool segments_match(const std::vector<std::string>& pattern, std::size_t p, const std::vector<std::string_view>& path,
                    std::size_t s) {
    if (p == pattern.size()) {
        return s == path.size();
    }
    if (pattern[p] == "**") {
        for (std::size_t next = s; next <= path.size(); ++next) {
            if (segments_match(pattern, p + 1, path, next)) {
                return true;
            }
        }
        return false;
    }
    return s < path.size() && name_matches(pattern[p], path[s]) && segments_match(pattern, p + 1, path, s + 1);
}

// Why `segment` is not a valid one-name pattern, or empty.
std::string segment_problem(std::string_view segment) {
    for (std::size_t i = 0; i < segment.size(); ++i) {
        if (segment[i] == '\\') {
            if (i + 1 == segment.size()) {
                return "a '\\' at the end escapes nothing";
            }
            ++i;
        } else if (segment[i] == '[') {
            const std::size_t end = class_end(segment, i);
            if (end == std::string_view::npos) {
                return "unclosed '['";
            }
            i = end - 1;
        } else if (segment[i] == '*' && i + 1 < segment.size() && segment[i + 1] == '*' && segment != "**") {
            return "'**' must be a whole path segment (docs/**/*.md)";
        }
    }
    return {};
}

}  // namespace

std::vector<std::string_view> path_segments(std::string_view path) {
    std::vector<std::string_view> segments;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) {
            end = path.size();
        }
        const std::string_view segment = path.substr(start, end - start);
        if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        start = end + 1;
    }
    return segments;
}

Expected<GlobPattern, std::string> GlobPattern::parse(std::string_view text) {
    if (text.empty()) {
        return unexpected(std::string("an empty glob matches nothing"));
    }
    if (text.front() == '/') {
        return unexpected(std::string("a glob is relative to the configuration file's folder, not absolute"));
    }
    GlobPattern glob;
    glob.m_text = std::string(text);
    for (std::string_view segment : path_segments(text)) {
        if (segment == "..") {
            return unexpected(std::string("a glob cannot leave the configuration file's folder ('..')"));
        }
        if (std::string problem = segment_problem(segment); !problem.empty()) {
            return unexpected(std::move(problem));
        }
        // "**/**" is "**": collapsing keeps the matcher from trying both.
        if (segment == "**" && !glob.m_segments.empty() && glob.m_segments.back() == "**") {
            continue;
        }
        glob.m_segments.emplace_back(segment);
    }
    if (glob.m_segments.empty()) {
        return unexpected(std::string("the glob names no file or folder"));
    }
    return glob;
}

bool GlobPattern::matches(std::string_view path) const {
    return segments_match(m_segments, 0, path_segments(path), 0);
}

bool GlobPattern::covers(std::string_view path) const {
    std::vector<std::string_view> segments = path_segments(path);
    while (!segments.empty()) {
        if (segments_match(m_segments, 0, segments, 0)) {
            return true;
        }
        segments.pop_back();
    }
    return false;
}

}  // namespace snipcheck
