#include "extractor/snippet_id.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "extractor/huge_pages.hpp"
#include "extractor/text_search.hpp"

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

}  // namespace

std::uint64_t code_hash(std::string_view language, std::string_view code) {
    std::uint64_t hash = mix_bytes(14695981039346656037ull, language);
    hash = (hash ^ 0xffu) * k_prime;
    std::size_t start = 0;
    while (start <= code.size()) {
        const std::size_t end = find_newline(code, start);
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

namespace {

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

// Values by 64-bit hash, in open addressing: no node per entry, one probe
// sequence per lookup.
class HashSlots {
public:
    // Room for `count` hashes at most half full.
    explicit HashSlots(std::size_t count) {
        const std::size_t slots = std::bit_ceil(std::max<std::size_t>(2 * count, 16));
        reserve_large(m_slots, slots);
        m_slots.resize(slots);
        m_mask = slots - 1;
    }

    // The value kept for `hash`; `value` is kept first when the hash is new.
    std::uint32_t& slot(std::uint64_t hash, std::uint32_t value) {
        std::size_t at = home(hash);
        while (m_slots[at].used && m_slots[at].hash != hash) {
            at = (at + 1) & m_mask;
        }
        Slot& found = m_slots[at];
        if (!found.used) {
            found = {hash, value, true};
        }
        return found.value;
    }

    // Asks the cache for the slot `hash` probes first: a long document's
    // table is megabytes, and a probe that waits for memory cost more than
    // hashing the snippet.
    void prefetch(std::uint64_t hash) const { __builtin_prefetch(&m_slots[home(hash)], 1); }

private:
    // The hashes are well mixed already; the multiply spreads their high bits.
    std::size_t home(std::uint64_t hash) const {
        return static_cast<std::size_t>((hash * 0x9E3779B97F4A7C15ull) >> 32) & m_mask;
    }

    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t value = 0;
        bool used = false;
    };
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
};

}  // namespace

void assign_ids(std::vector<Snippet>& snippets) {
    std::vector<std::uint64_t> code_hashes;
    code_hashes.reserve(snippets.size());
    for (const Snippet& snippet : snippets) {
        code_hashes.push_back(code_hash(snippet.language, snippet.code));
    }
    assign_ids(snippets, code_hashes);
}

void assign_ids(std::vector<Snippet>& snippets, std::span<const std::uint64_t> code_hashes) {
    if (code_hashes.size() != snippets.size()) {
        assign_ids(snippets);
        return;
    }
    // Snippets are visited in document order, so the first of a hash to be
    // seen is its first occurrence; a table keyed by the hash gives each
    // snippet its number and its first alike in one probe, without sorting
    // the hundreds of thousands of a long document.
    const std::size_t count = snippets.size();
    HashSlots by_code(count);       // value: how many snippets so far have the code
    HashSlots by_behaviour(count);  // value: the first snippet with the same code and expectations
    // Each snippet's hashes are computed a few snippets ahead of its probes,
    // and the table slots they will probe are fetched meanwhile.
    struct Hashes {
        std::uint64_t code = 0;
        std::uint64_t behaviour = 0;
    };
    constexpr std::size_t k_ahead = 8;
    std::array<Hashes, k_ahead> ahead;  // snippet j's hashes at j % k_ahead
    const auto hash_ahead = [&](std::size_t j) {
        const std::uint64_t code = code_hashes[j];
        ahead[j % k_ahead] = {code, expectations_hash(snippets[j], code)};
        by_code.prefetch(code);
        by_behaviour.prefetch(ahead[j % k_ahead].behaviour);
    };
    for (std::size_t j = 0; j < std::min(count, k_ahead); ++j) {
        hash_ahead(j);
    }
    for (std::size_t i = 0; i < count; ++i) {
        const Hashes hashes = ahead[i % k_ahead];
        if (i + k_ahead < count) {
            hash_ahead(i + k_ahead);
        }
        Snippet& snippet = snippets[i];
        const std::uint64_t code_hash = hashes.code;
        const std::uint32_t occurrence = ++by_code.slot(code_hash, 0);
        const std::size_t first_alike = by_behaviour.slot(hashes.behaviour, static_cast<std::uint32_t>(i));
        snippet.id = hex_digits(code_hash >> 16, 12);
        if (occurrence > 1) {
            snippet.id += '-';
            snippet.id += std::to_string(occurrence);
        }
        if (first_alike != i) {
            snippet.duplicate_of = snippets[first_alike].id;  // an earlier snippet: its id is set
        }
    }
}

}  // namespace snipcheck::extractor
