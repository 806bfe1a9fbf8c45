#include "runners/plain_environment.hpp"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace snipcheck::runners {
namespace {

constexpr std::array<const char*, 6> k_kept = {"PATH", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "TZ"};

struct Range {
    std::uintptr_t begin = 0;
    std::uintptr_t end = 0;
};

// Fields 50 and 51 of /proc/self/stat (Linux 3.5 and later), counted after
// the command name, which may itself hold spaces and parentheses.
Range initial_environment_block() {
    std::ifstream stat("/proc/self/stat");
    std::string text;
    std::getline(stat, text);  // one line
    const std::size_t name_end = text.rfind(')');
    if (name_end == std::string::npos) {
        return {};
    }
    std::istringstream fields(text.substr(name_end + 1));
    std::string field;
    Range range;
    for (int number = 3; fields >> field; ++number) {
        if (number == 50) {
            range.begin = std::strtoull(field.c_str(), nullptr, 10);
        } else if (number == 51) {
            range.end = std::strtoull(field.c_str(), nullptr, 10);
            break;
        }
    }
    return range;
}

}  // namespace

bool keep_plain_environment() {
    std::vector<std::pair<std::string, std::string>> kept;
    for (const char* name : k_kept) {
        if (const char* value = std::getenv(name); value != nullptr) {
            kept.emplace_back(name, value);
        }
    }
    // Forgotten first, so no entry points into the block while it is wiped
    // (an entry replaced by setenv still has its old text there).
    ::clearenv();
    const Range block = initial_environment_block();
    if (block.begin == 0 || block.end <= block.begin) {
        for (const auto& [name, value] : kept) {
            ::setenv(name.c_str(), value.c_str(), 1);
        }
        return false;
    }
    std::memset(reinterpret_cast<void*>(block.begin), 0, block.end - block.begin);
    for (const auto& [name, value] : kept) {
        ::setenv(name.c_str(), value.c_str(), 1);
    }
    return true;
}

}  // namespace snipcheck::runners
