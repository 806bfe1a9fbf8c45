#include "src/spill_buffer.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace snipcheck {
namespace {

// An unnamed file in $TMPDIR (else /tmp), as the user's other temporary
// files are: std::tmpfile() always used /tmp, which may be small.
std::FILE* unnamed_temporary_file() {
    const char* tmpdir = std::getenv("TMPDIR");
    const std::string folder = tmpdir != nullptr && tmpdir[0] == '/' ? tmpdir : "/tmp";
    int fd = ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR)) {
        // A file system without O_TMPFILE: a named file, unlinked at once.
        std::string pattern = folder + "/snipcheck-spill-XXXXXX";
        fd = ::mkostemp(pattern.data(), O_CLOEXEC);
        if (fd >= 0) {
            ::unlink(pattern.c_str());
        }
    }
    if (fd < 0) {
        return nullptr;
    }
    std::FILE* file = ::fdopen(fd, "w+b");
    if (file == nullptr) {
        ::close(fd);
    }
    return file;
}

}  // namespace

SpillBuffer::~SpillBuffer() {
    if (m_file != nullptr) {
        std::fclose(m_file);
    }
}

void SpillBuffer::spill_if_full() {
    if (m_text.size() < m_limit || m_stay_in_memory) {
        return;
    }
    if (m_file == nullptr) {
        if ((m_file = unnamed_temporary_file()) == nullptr) {
            m_stay_in_memory = true;  // no temporary file: memory it is
            return;
        }
        // Unbuffered: the text goes in large parts anyway, and a failed
        // write leaves nothing behind in a buffer to undo.
        std::setvbuf(m_file, nullptr, _IONBF, 0);
    }
    // At the end of what was spilled, wherever reading back left off.
    if (std::fseek(m_file, static_cast<long>(m_spilled), SEEK_SET) != 0 ||
        std::fwrite(m_text.data(), 1, m_text.size(), m_file) != m_text.size()) {
        // A full disk: what was spilled stays, the rest stays in memory.
        if (::ftruncate(::fileno(m_file), static_cast<off_t>(m_spilled)) != 0 ||
            std::fseek(m_file, static_cast<long>(m_spilled), SEEK_SET) != 0) {
            m_broken = true;
        }
        m_stay_in_memory = true;
        return;
    }
    m_spilled += m_text.size();
    m_text.clear();  // the capacity stays, for the next part
}

std::string SpillBuffer::for_each_piece(const std::function<std::string(std::string_view)>& sink) {
    if (m_broken) {
        return "cannot write a temporary file";
    }
    if (m_file != nullptr) {
        if (std::fflush(m_file) != 0 || std::fseek(m_file, 0, SEEK_SET) != 0) {
            return std::string("cannot read a temporary file: ") + std::strerror(errno);
        }
        std::vector<char> piece(std::size_t{1} << 20);
        std::size_t left = m_spilled;
        while (left > 0) {
            const std::size_t read = std::fread(piece.data(), 1, std::min(piece.size(), left), m_file);
            if (read == 0) {
                return "cannot read a temporary file: it ended early";
            }
            if (std::string reason = sink(std::string_view(piece.data(), read)); !reason.empty()) {
                return reason;
            }
            left -= read;
        }
    }
    return sink(m_text);
}

}  // namespace snipcheck
