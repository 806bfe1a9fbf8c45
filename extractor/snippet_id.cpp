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

// What the snippet is expected to do: the same code with another expected
// output (an output block after it) is not a duplicate.
std::uint64_t expectations_hash(const Snippet& snippet, std::uint64_t hash) {
    for (const Expectation& expectation : snippet.expectations) {
        for (char c : expectation.expected) {
            hash ^= static_cast<unsigned char>(c);
            hash *= 1099511628211ull;
        }
        hash ^= 0xff;
        hash *= 1099511628211ull;
    }
    return hash;
}

}  // namespace

void assign_ids(std::vector<Snippet>& snippets) {
    std::unordered_map<std::uint64_t, int> occurrences;          // code hash -> count
    std::unordered_map<std::uint64_t, std::string> first_of;     // code+expectations hash -> first id
    for (Snippet& snippet : snippets) {
        const std::uint64_t hash = content_hash(snippet);
        const int count = ++occurrences[hash];
        const std::string base = fmt::format("{:012x}", hash >> 16);
        snippet.id = count == 1 ? base : fmt::format("{}-{}", base, count);
        auto [it, inserted] = first_of.try_emplace(expectations_hash(snippet, hash), snippet.id);
        if (!inserted) {
            snippet.duplicate_of = it->second;
        }
    }
}

}  // namespace snipcheck::extractor
