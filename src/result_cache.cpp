#include "src/result_cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "src/run_output_json.hpp"
#include "src/run_output_lines.hpp"

namespace snipcheck {
namespace {

using nlohmann::json;

// Written into every entry; an entry of another version is a miss.
constexpr int k_entry_version = 1;
// Far above any real entry (output is cut at 1 MiB a stream): a bigger file is not ours.
constexpr off_t k_max_entry_bytes = 64 << 20;

constexpr const char* k_cachedir_tag =
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file marks snipcheck's result cache; backup tools may skip the folder.\n";

std::string read_small_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return {};
    }
    std::string text;
    struct stat info {};
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size <= k_max_entry_bytes) {
        text.resize(static_cast<std::size_t>(info.st_size));
        std::size_t done = 0;
        while (done < text.size()) {
            const ssize_t n = ::read(fd, text.data() + done, text.size() - done);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                break;
            }
            done += static_cast<std::size_t>(n);
        }
        text.resize(done);
    }
    ::close(fd);
    return text;
}

// The entry under `key` if it is a whole entry of this version and kind
// that says it is that key; a discarded value otherwise.
json read_entry(const std::string& path, const std::string& key, const char* kind) {
    const std::string text = read_small_file(path);
    if (text.empty()) {
        return json(json::value_t::discarded);
    }
    json entry = json::parse(text, nullptr, false);
    const bool ours = !entry.is_discarded() && entry.is_object() && entry.value("snipcheck_cache", json()) == k_entry_version &&
                      entry.value("key", json()) == key && entry.value("kind", json()) == kind &&
                      entry.value("start_line", json()).is_number_integer() && entry.value("file", json()).is_string() &&
                      entry.value("anchored", json()).is_boolean();
    if (!ours) {
        return json(json::value_t::discarded);
    }
    // The entry's time is its last use: pruning removes the longest unused.
    ::utimensat(AT_FDCWD, path.c_str(), nullptr, 0);
    return entry;
}

json entry_header(const std::string& key, const char* kind, const extractor::Snippet& first, bool anchored) {
    return {{"snipcheck_cache", k_entry_version},
            {"key", key},
            {"kind", kind},
            {"file", first.file},
            {"start_line", first.start_line},
            {"anchored", anchored}};
}

// How far the snippet moved since the entry was written; nullopt when the
// entry holds only where it was written and the snippet is elsewhere.
std::optional<int> moved_by(const json& entry, const extractor::Snippet& snippet) {
    const int delta = snippet.start_line - entry["start_line"].get<int>();
    if (entry["anchored"].get<bool>() && (delta != 0 || entry["file"].get<std::string>() != snippet.file)) {
        return std::nullopt;
    }
    return delta;
}

}  // namespace

bool is_cacheable(const RunOutput& run) {
    return run.end != RunEnd::not_run && run.end != RunEnd::timeout && run.end != RunEnd::crashed;
}

std::string ResultCache::default_folder() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && xdg[0] == '/') {
        return std::string(xdg) + "/snipcheck";
    }
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        return std::string(home) + "/.cache/snipcheck";
    }
    return {};
}

Expected<ResultCache, std::string> ResultCache::open(const std::string& folder) {
    if (folder.empty()) {
        return unexpected(std::string("no cache folder: neither XDG_CACHE_HOME nor HOME is set (use --cache-dir)"));
    }
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (!std::filesystem::is_directory(folder, error)) {
        return unexpected(fmt::format("cannot make the cache folder {}: {}", folder,
                                      error ? error.message() : "it is not a folder"));
    }
    ResultCache cache(folder);
    // A folder others fill and this run may only read still serves hits;
    // a failed write here shows up in write_error() like any other.
    const std::string tag = folder + "/CACHEDIR.TAG";
    if (::access(tag.c_str(), F_OK) != 0) {
        cache.write_file(tag, k_cachedir_tag);
    }
    return cache;
}

std::string ResultCache::entry_path(const std::string& key) const {
    // 256 subfolders keep each one small, as ccache does.
    return key.size() > 2 ? fmt::format("{}/{}/{}.json", m_folder, key.substr(0, 2), key) : m_folder + "/" + key;
}

std::optional<RunOutput> ResultCache::load_run(const std::string& key, const extractor::Snippet& snippet) const {
    const json entry = read_entry(entry_path(key), key, "run");
    if (entry.is_discarded() || !entry.contains("run")) {
        return std::nullopt;
    }
    const std::optional<int> delta = moved_by(entry, snippet);
    std::optional<RunOutput> run = run_output_from_json(entry["run"]);
    if (!delta || !run) {
        return std::nullopt;
    }
    move_run_lines(*run, snippet.file, *delta);
    return run;
}

bool ResultCache::store_run(const std::string& key, const extractor::Snippet& snippet, const RunOutput& run) {
    json entry = entry_header(key, "run", snippet, mentions_position(run, snippet.file));
    entry["run"] = run_output_to_json(run);
    return write_file(entry_path(key), entry.dump(-1, ' ', false, json::error_handler_t::replace));
}

std::optional<PythonDocumentRecord> ResultCache::load_python_document(
    const std::string& key, const std::vector<const extractor::Snippet*>& snippets) const {
    if (snippets.empty()) {
        return std::nullopt;
    }
    const json entry = read_entry(entry_path(key), key, "python-document");
    if (entry.is_discarded()) {
        return std::nullopt;
    }
    const std::optional<int> delta = moved_by(entry, *snippets.front());
    const json findings = entry.value("findings", json());
    const json python = entry.value("python", json());
    const json sandbox = entry.value("sandbox", json());
    if (!delta || !findings.is_array() || findings.size() != snippets.size() || !python.is_string() ||
        !sandbox.is_object()) {
        return std::nullopt;
    }
    PythonDocumentRecord record;
    record.python_version = python.get<std::string>();
    for (const json& snippet_findings : findings) {
        std::optional<std::vector<Finding>> read = findings_from_json(snippet_findings);
        if (!read) {
            return std::nullopt;
        }
        move_finding_lines(*read, *delta);
        record.findings.push_back(std::move(*read));
    }
    for (const char* list : {"protections", "missing"}) {
        const json items = sandbox.value(list, json());
        if (!items.is_array()) {
            return std::nullopt;
        }
        auto& into = std::string(list) == "protections" ? record.sandbox.protections : record.sandbox.missing;
        for (const json& item : items) {
            if (!item.is_string()) {
                return std::nullopt;
            }
            into.push_back(item.get<std::string>());
        }
    }
    return record;
}

bool ResultCache::store_python_document(const std::string& key, const std::vector<const extractor::Snippet*>& snippets,
                                        const PythonDocumentRecord& record) {
    if (snippets.empty() || record.findings.size() != snippets.size()) {
        return false;
    }
    bool anchored = false;
    json findings = json::array();
    for (const std::vector<Finding>& snippet_findings : record.findings) {
        anchored = anchored || mentions_position(snippet_findings, snippets.front()->file);
        findings.push_back(findings_to_json(snippet_findings));
    }
    json entry = entry_header(key, "python-document", *snippets.front(), anchored);
    entry["findings"] = std::move(findings);
    entry["python"] = record.python_version;
    entry["sandbox"] = {{"protections", record.sandbox.protections}, {"missing", record.sandbox.missing}};
    return write_file(entry_path(key), entry.dump(-1, ' ', false, json::error_handler_t::replace));
}

bool ResultCache::write_file(const std::string& path, const std::string& text) {
    const std::string folder = path.substr(0, path.rfind('/'));
    const auto fail = [&](const std::string& what) {
        if (m_write_error.empty()) {
            m_write_error = fmt::format("cannot write {}: {}", what, std::strerror(errno));
        }
        return false;
    };
    if (m_made_folders.count(folder) == 0) {
        if (::mkdir(folder.c_str(), 0777) != 0 && errno != EEXIST) {
            return fail(folder);
        }
        m_made_folders.insert(folder);
    }
    // Beside the entry, so the rename stays on one file system and is atomic.
    std::string temporary = folder + "/.tmp-XXXXXX";
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0) {
        return fail(temporary);
    }
    ::fchmod(fd, 0644);
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            errno = n == 0 ? EIO : errno;
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    const bool written = done == text.size();
    if (::close(fd) != 0 || !written || ::rename(temporary.c_str(), path.c_str()) != 0) {
        const int saved = errno;
        ::unlink(temporary.c_str());
        errno = saved;
        return fail(path);
    }
    return true;
}

}  // namespace snipcheck
