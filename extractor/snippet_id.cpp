#include "extractor/snippet_id.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace snipcheck::extractor {
namespace {

// A hash of language and code with trailing spaces of each line ignored, so
// re-saving a document in an editor does not change ids. Defined here, not
// std::hash, because ids must not change with the compiler or library: they
// are matched across runs. Eight bytes at a time; FNV-style mixing.
constexpr std::uint64_t k_prime = 1099511628211ull;

std::uint64_t mix_bytes(std::uint64_t hash, std::string_view bytes) {
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, bytes.data() + i, 8);
        hash = (hash ^ word) * k_prime;
        hash ^= hash >> 29;
    }
    for (; i < bytes.size(); ++i) {
        hash = (hash ^ static_cast<unsigned char>(bytes[i])) * k_prime;
    }
    return hash;
}

std::uint64_t content_hash(const Snippet& snippet) {
    std::uint64_t hash = mix_bytes(14695981039346656037ull, snippet.language);
    hash = (hash ^ 0xffu) * k_prime;
    std::string_view code = snippet.code;
    std::size_t start = 0;
    while (start <= code.size()) {
        std::size_t end = code.find('\n', start);
        if (end == std::string_view::npos) {
            end = code.size();
        }
        std::size_t kept = end;
        while (kept > start && (code[kept - 1] == ' ' || code[kept - 1] == '\t')) {
            --kept;
        }
        hash = mix_bytes(hash, code.substr(start, kept - start));
        hash = (hash ^ '\n') * k_prime;
        start = end + 1;
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

// `value` as `width` lower-case hex digits, zero-padded (what "{:012x}"
// gives for a value that fits), without a format string to parse per snippet.
std::string hex_digits(std::uint64_t value, int width) {
    std::string digits(static_cast<std::size_t>(width), '0');
    for (int i = width - 1; i >= 0 && value != 0; --i) {
        digits[static_cast<std::size_t>(i)] = "0123456789abcdef"[value & 0xf];
        value >>= 4;
    }
    return digits;
}

}  // namespace

void assign_ids(std::vector<Snippet>& snippets) {
    // Snippets grouped by hash with a sort, not hash maps: a long document
    // has hundreds of thousands of snippets, and map nodes scattered over
    // the heap cost a cache miss per lookup. Within a group, order is
    // document order, so the first of a group is the first occurrence.
    // Results go to small arrays by snippet, and the snippets themselves
    // are then visited in order, not in hash order.
    struct Keyed {
        std::uint64_t hash;
        std::size_t index;
        bool operator<(const Keyed& other) const {
            return hash != other.hash ? hash < other.hash : index < other.index;
        }
    };
    const std::size_t count = snippets.size();
    std::vector<std::uint64_t> code_hashes(count);
    std::vector<Keyed> by_code(count);
    std::vector<Keyed> by_behaviour(count);
    for (std::size_t i = 0; i < count; ++i) {
        code_hashes[i] = content_hash(snippets[i]);
        by_code[i] = {code_hashes[i], i};
        by_behaviour[i] = {expectations_hash(snippets[i], code_hashes[i]), i};
    }
    std::sort(by_code.begin(), by_code.end());
    std::sort(by_behaviour.begin(), by_behaviour.end());
    std::vector<std::uint32_t> occurrence(count);  // 1 for the first snippet with its code, 2 for the next ...
    std::vector<std::size_t> first_alike(count);   // the first snippet that has the same code and expectations
    for (std::size_t k = 0; k < count; ++k) {
        const bool same_code = k > 0 && by_code[k].hash == by_code[k - 1].hash;
        occurrence[by_code[k].index] = same_code ? occurrence[by_code[k - 1].index] + 1 : 1;
        const bool same_behaviour = k > 0 && by_behaviour[k].hash == by_behaviour[k - 1].hash;
        first_alike[by_behaviour[k].index] = same_behaviour ? first_alike[by_behaviour[k - 1].index] : by_behaviour[k].index;
    }
    for (std::size_t i = 0; i < count; ++i) {
        Snippet& snippet = snippets[i];
        snippet.id = hex_digits(code_hashes[i] >> 16, 12);
        if (occurrence[i] > 1) {
            snippet.id += '-';
            snippet.id += std::to_string(occurrence[i]);
        }
        if (first_alike[i] != i) {
            snippet.duplicate_of = snippets[first_alike[i]].id;  // an earlier snippet: its id is set
        }
    }
}

}  // namespace snipcheck::extractor
