#include "extractor/snippet_id.hpp"

#include <cstdint>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

namespace snipcheck::extractor {
namespace {

// FNV-1a over language and code with trailing spaces of each line ignored,
// so re-saving a document in an editor does not change ids.
std::uint64_t content_hash(const Snippet& snippet) {
    std::uint64_t hash = 14695981039346656037ull;
    const auto mix = [&hash](char c) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ull;
    };
    for (char c : snippet.language) {
        mix(c);
    }
    mix('\0');
    std::string_view code = snippet.code;
    std::size_t pending_spaces = 0;
    for (char c : code) {
        if (c == ' ' || c == '\t') {
            ++pending_spaces;
            continue;
        }
        if (c != '\n') {
            for (; pending_spaces > 0; --pending_spaces) {
                mix(' ');
            }
        }
        pending_spaces = 0;
        mix(c);
    }
    return hash;
}

}  // namespace

void assign_ids(std::vector<Snippet>& snippets) {
    std::unordered_map<std::uint64_t, std::pair<int, std::string>> seen;  // hash -> (count, first id)
    for (Snippet& snippet : snippets) {
        const std::uint64_t hash = content_hash(snippet);
        auto& [count, first_id] = seen[hash];
        ++count;
        const std::string base = fmt::format("{:012x}", hash >> 16);
        if (count == 1) {
            snippet.id = base;
            first_id = base;
        } else {
            snippet.id = fmt::format("{}-{}", base, count);
            snippet.duplicate_of = first_id;
        }
    }
}

}  // namespace snipcheck::extractor
