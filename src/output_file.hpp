#pragma once
// Writes a report file atomically: a temporary file beside it, then rename,
// so a reader never sees half a report and a failed write leaves the old one.
// A device or FIFO (/dev/null, /dev/stdout) is written in place; a symbolic
// link keeps pointing where it did; the old file's permissions are kept,
// and its owner when this process may set it.

#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace snipcheck {

// Returns an empty string on success, else a one-line reason.
std::string write_file_atomically(const std::string& path, std::string_view content);

// The same; `before_rename` runs once the new content is on disk beside the
// file, just before it takes the file's place: a non-empty reason from it
// cancels the write (the old file stays as it was) and is returned as is.
std::string write_file_atomically(const std::string& path, std::string_view content,
                                  const std::function<std::string()>& before_rename);

// The same for content given in pieces, written one after the other: a
// report of hundreds of megabytes need not be joined into one string first.
std::string write_file_atomically(const std::string& path, std::span<const std::string_view> pieces);

// Takes content a piece at a time; returns a reason to stop, else empty.
using ContentSink = std::function<std::string(std::string_view piece)>;
// Feeds the whole content to the sink in order, and returns the first reason
// the sink gave (or its own), else empty.
using ContentWriter = std::function<std::string(const ContentSink& sink)>;

// The same for content produced while it is written (a report too large to
// hold in memory at once): `write` feeds it to the file.
std::string write_file_atomically(const std::string& path, const ContentWriter& write);

}  // namespace snipcheck
