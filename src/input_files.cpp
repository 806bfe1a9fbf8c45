#include "src/input_files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fcntl.h>
#include <system_error>
#include <unistd.h>

#include <fmt/format.h>

namespace snipcheck {
namespace {

namespace fs = std::filesystem;

bool is_document_name(const fs::path& path) {
    const std::string extension = path.extension().string();
    return extension == ".md" || extension == ".markdown" || extension == ".txt";
}

void walk(const fs::path& root, const std::string& shown_root, InputSet& inputs) {
    std::error_code error;
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
    if (error) {
        inputs.problems.push_back({shown_root, 0, Severity::error, fmt::format("cannot list folder: {}", error.message())});
        return;
    }
    for (const fs::recursive_directory_iterator end; it != end; it.increment(error)) {
        if (error) {
            inputs.problems.push_back({shown_root, 0, Severity::error, fmt::format("cannot list folder: {}", error.message())});
            break;
        }
        const fs::path& path = it->path();
        const std::string name = path.filename().string();
        if (it->is_directory(error) && !name.empty() && name[0] == '.') {
            it.disable_recursion_pending();  // .git and friends hold no documents
            continue;
        }
        if (it->is_regular_file(error) && is_document_name(path)) {
            found.push_back(path.string());
        }
    }
    std::sort(found.begin(), found.end());
    inputs.paths.insert(inputs.paths.end(), found.begin(), found.end());
}

// Reads everything from fd; false on a read error.
bool read_all(int fd, std::string& bytes) {
    char buffer[1 << 16];
    while (true) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n == 0) {
            return true;
        }
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return false;
        }
        bytes.append(buffer, static_cast<std::size_t>(n));
        if (bytes.size() > k_max_document_bytes) {
            errno = EFBIG;
            return false;
        }
    }
}

}  // namespace

InputSet find_inputs(const std::vector<std::string>& arguments) {
    InputSet inputs;
    for (const std::string& argument : arguments) {
        if (argument == "-") {
            inputs.paths.push_back(argument);
            continue;
        }
        std::error_code error;
        const fs::file_status status = fs::status(argument, error);
        if (error || !fs::exists(status)) {
            inputs.problems.push_back({argument, 0, Severity::error, "no such file or folder"});
        } else if (fs::is_directory(status)) {
            walk(argument, argument, inputs);
        } else {
            inputs.paths.push_back(argument);
        }
    }
    return inputs;
}

Expected<InputFile, Diagnostic> read_input(const std::string& path) {
    InputFile file{path, {}};
    if (path == "-") {
        if (!read_all(STDIN_FILENO, file.bytes)) {
            return unexpected(Diagnostic{path, 0, Severity::error, fmt::format("cannot read standard input: {}", std::strerror(errno))});
        }
        return file;
    }
    std::error_code error;
    const auto size = fs::file_size(path, error);
    if (!error && size > k_max_document_bytes) {
        return unexpected(Diagnostic{path, 0, Severity::error,
                                     fmt::format("document too large ({} MiB; the limit is {} MiB), skipped",
                                                 size >> 20, k_max_document_bytes >> 20)});
    }
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return unexpected(Diagnostic{path, 0, Severity::error, fmt::format("cannot read: {}", std::strerror(errno))});
    }
    if (!error) {
        file.bytes.reserve(static_cast<std::size_t>(size));
    }
    const bool ok = read_all(fd, file.bytes);
    const int read_errno = errno;
    ::close(fd);
    if (!ok) {
        return unexpected(Diagnostic{path, 0, Severity::error, fmt::format("cannot read: {}", std::strerror(read_errno))});
    }
    return file;
}

}  // namespace snipcheck
