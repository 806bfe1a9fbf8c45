#pragma once
// Text written in order and read back once, held in memory up to a limit and
// moved to an unnamed temporary file past it: the JSON of a document with a
// quarter of a million snippets is hundreds of megabytes, which need not all
// be in memory at once. The file is made in $TMPDIR (else /tmp).

#include <cstddef>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

namespace snipcheck {

class SpillBuffer {
public:
    explicit SpillBuffer(std::size_t limit) : m_limit(limit) {}
    ~SpillBuffer();
    SpillBuffer(const SpillBuffer&) = delete;
    SpillBuffer& operator=(const SpillBuffer&) = delete;

    // Where to append the text; the reference stays valid.
    std::string& text() { return m_text; }

    // Moves the text in memory to the temporary file when it is past the
    // limit. Without a temporary file (none can be made, the disk is full)
    // the text stays in memory from then on.
    void spill_if_full();

    // Bytes written so far, in memory or not.
    std::size_t size() const { return m_spilled + m_text.size(); }

    // Gives `sink` the whole text in order, in pieces of at most a megabyte
    // from the file, then what is in memory. Returns the first non-empty
    // reason `sink` gives, or why the file could not be read back.
    std::string for_each_piece(const std::function<std::string(std::string_view)>& sink);

private:
    std::size_t m_limit;
    std::string m_text;
    std::FILE* m_file = nullptr;  // unnamed, in $TMPDIR or /tmp: gone when closed
    std::size_t m_spilled = 0;
    bool m_stay_in_memory = false;
    bool m_broken = false;  // a failed write could not be undone: reading back fails
};

}  // namespace snipcheck
