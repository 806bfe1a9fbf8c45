#include "src/run_fingerprint.hpp"

#include <elf.h>
#include <link.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string_view>

#include <fmt/format.h>

#include "runners/tool_process.hpp"

namespace snipcheck {
namespace {

namespace fs = std::filesystem;

// Bumped when what a key covers changes, so old entries stop matching.
constexpr int k_fingerprint_version = 1;

struct LoadedObjects {
    std::string build_id;                // hex, of the main program
    std::vector<std::string> libraries;  // file paths
};

// Reads the NT_GNU_BUILD_ID note out of the main program's loaded segments.
std::string build_id_of(const dl_phdr_info& info) {
    for (int i = 0; i < info.dlpi_phnum; ++i) {
        const ElfW(Phdr)& header = info.dlpi_phdr[i];
        if (header.p_type != PT_NOTE) {
            continue;
        }
        const auto* at = reinterpret_cast<const unsigned char*>(info.dlpi_addr + header.p_vaddr);
        const unsigned char* end = at + header.p_memsz;
        while (at + sizeof(ElfW(Nhdr)) <= end) {
            ElfW(Nhdr) note{};
            std::memcpy(&note, at, sizeof note);
            const unsigned char* name = at + sizeof note;
            const unsigned char* description = name + ((note.n_namesz + 3) & ~3U);
            const unsigned char* next = description + ((note.n_descsz + 3) & ~3U);
            if (next > end) {
                break;
            }
            if (note.n_type == NT_GNU_BUILD_ID && note.n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
                std::string hex;
                for (std::size_t byte = 0; byte < note.n_descsz; ++byte) {
                    hex += fmt::format("{:02x}", description[byte]);
                }
                return hex;
            }
            at = next;
        }
    }
    return {};
}

int collect_object(dl_phdr_info* info, std::size_t, void* data) {
    auto& objects = *static_cast<LoadedObjects*>(data);
    const std::string_view name = info->dlpi_name != nullptr ? info->dlpi_name : "";
    if (name.empty()) {
        // The main program comes first and has no name.
        if (objects.build_id.empty()) {
            objects.build_id = build_id_of(*info);
        }
    } else if (name.front() == '/') {
        objects.libraries.emplace_back(name);
    }
    return 0;
}

LoadedObjects loaded_objects() {
    LoadedObjects objects;
    ::dl_iterate_phdr(collect_object, &objects);
    return objects;
}

// Folders whose names start with `prefix` inside `parent`, sorted.
std::vector<std::string> subfolders(const std::string& parent, std::string_view prefix) {
    std::vector<std::string> found;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(parent, error)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) == 0) {
            found.push_back(entry.path().string());
        }
    }
    std::sort(found.begin(), found.end());
    return found;
}

// Where an interpreter finds installed packages: Debian's and /usr/local's
// folders for every Python 3, the user's own, and for --python (a virtual
// environment, a build under /opt) the lib folder beside its bin folder.
std::vector<std::string> package_folders(const std::string& python) {
    std::vector<std::string> roots = {"/usr/lib", "/usr/local/lib"};
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        roots.push_back(std::string(home) + "/.local/lib");
    }
    if (!python.empty()) {
        std::error_code error;
        const fs::path real = fs::canonical(python, error);
        if (!error) {
            roots.push_back((real.parent_path().parent_path() / "lib").string());
        }
        // A virtual environment's python is a link out of it: its own lib too.
        roots.push_back((fs::absolute(python, error).parent_path().parent_path() / "lib").string());
    }
    std::sort(roots.begin(), roots.end());
    roots.erase(std::unique(roots.begin(), roots.end()), roots.end());
    std::vector<std::string> folders;
    for (const std::string& root : roots) {
        for (const std::string& version : subfolders(root, "python3")) {
            folders.push_back(version + "/dist-packages");
            folders.push_back(version + "/site-packages");
        }
    }
    return folders;
}

std::string common_identity() {
    static const std::string identity = [] {
        utsname machine{};
        ::uname(&machine);
        return fmt::format("fingerprint {}\nsnipcheck {}\nbuild {}\nkernel {} {}\neuid {}\nlibraries\n{}",
                           k_fingerprint_version, SNIPCHECK_VERSION, build_identity(), machine.release,
                           machine.machine, ::geteuid(), loaded_libraries_identity());
    }();
    return identity;
}

// Debian installs each PostgreSQL major version in its own folder.
std::string postgres_identity() {
    std::string identity;
    for (const std::string& version : subfolders("/usr/lib/postgresql", "")) {
        identity += file_identity(version + "/bin/postgres") + "\n";
    }
    return identity;
}

const char* engine_name(runners::sql::SqlEngine engine) {
    switch (engine) {
    case runners::sql::SqlEngine::sqlite: return "sqlite";
    case runners::sql::SqlEngine::mariadb: return "mariadb";
    case runners::sql::SqlEngine::postgres: return "postgres";
    case runners::sql::SqlEngine::auto_select: return "auto";
    }
    return "sqlite";
}

}  // namespace

std::string file_identity(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        return path + " missing";
    }
    return fmt::format("{} {} {}.{:09}", path, info.st_size, info.st_mtim.tv_sec, info.st_mtim.tv_nsec);
}

std::string program_identity(const std::string& name) {
    const std::string path = runners::find_program(name);
    return path.empty() ? name + " missing" : file_identity(path);
}

std::string build_identity() {
    const LoadedObjects objects = loaded_objects();
    if (!objects.build_id.empty()) {
        return "build-id " + objects.build_id;
    }
    return file_identity("/proc/self/exe");
}

std::string loaded_libraries_identity() {
    std::vector<std::string> identities;
    for (const std::string& library : loaded_objects().libraries) {
        identities.push_back(file_identity(library));
    }
    std::sort(identities.begin(), identities.end());
    std::string text;
    for (const std::string& identity : identities) {
        text += identity + "\n";
    }
    return text;
}

std::string python_packages_identity(const std::vector<std::string>& folders) {
    std::string text;
    for (const std::string& folder : folders) {
        std::vector<std::string> names;
        std::error_code error;
        for (const auto& entry : fs::directory_iterator(folder, error)) {
            const std::string name = entry.path().filename().string();
            for (std::string_view suffix : {".dist-info", ".egg-info", ".egg-link", ".pth"}) {
                if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
                    names.push_back(name);
                    break;
                }
            }
        }
        if (names.empty()) {
            continue;
        }
        std::sort(names.begin(), names.end());
        text += folder + ":";
        for (const std::string& name : names) {
            text += " " + name;
        }
        text += "\n";
    }
    return text;
}

RunFingerprint fingerprint_run(const FingerprintOptions& options) {
    const std::string common = common_identity();
    const std::string lint_python = "/usr/bin/python3";
    RunFingerprint fingerprint;
    fingerprint.python = fmt::format("{}python {}\npackages\n{}fixtures django={} redis={}\n{}\n", common,
                                     options.python.empty() ? "embedded" : file_identity(options.python),
                                     python_packages_identity(package_folders(options.python)),
                                     fixture_switch_name(options.fixtures.django),
                                     fixture_switch_name(options.fixtures.redis), program_identity("redis-server"));
    fingerprint.python_lint = fmt::format("{}pyflakes {}\npackages\n{}", common, file_identity(lint_python),
                                          python_packages_identity(package_folders(lint_python)));
    fingerprint.sql = fmt::format("{}sql-engine {}\n", common, engine_name(options.sql_engine));
    if (options.sql_engine != runners::sql::SqlEngine::sqlite) {
        fingerprint.sql += program_identity("mariadbd") + "\n" + postgres_identity();
    }
    fingerprint.static_checks = fmt::format("{}{}\n{}\n{}\n", common, program_identity("shellcheck"),
                                            program_identity("nginx"), program_identity("node"));
    return fingerprint;
}

}  // namespace snipcheck
