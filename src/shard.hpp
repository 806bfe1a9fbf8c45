#pragma once
// `--shard K/N`: a deterministic split of the documents over N machines of a
// CI matrix, balanced by snippet count. Pure: every shard computes the same
// assignment from the same document list, whatever machine it runs on.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "src/expected.hpp"

namespace snipcheck {

inline constexpr int k_max_shards = 10000;

// Shard `index` (1-based) of `count`.
struct ShardSpec {
    int index = 1;
    int count = 1;
};

// Reads "K/N" with 1 <= K <= N <= k_max_shards; the error is one line for a person.
Expected<ShardSpec, std::string> parse_shard(std::string_view text);

// A document as the split sees it: its path and how many snippets it holds.
struct DocumentLoad {
    std::string path;
    std::size_t snippets = 0;
};

// The shard (1-based) of each document, in the order given. Heaviest
// documents first (ties by path, then by position), each to the shard with
// the fewest snippets so far (ties to the one with fewer documents, then to
// the lowest index): the longest-
// processing-time rule, which keeps the heaviest shard within 4/3 of the best
// split. Documents are never cut: a session spans a whole document.
std::vector<int> assign_shards(const std::vector<DocumentLoad>& documents, int count);

// One document of a shard's report: where it stood in the whole run's
// document order, so a merge can restore that order.
struct ShardDocument {
    std::string file;
    std::size_t order = 0;
    std::size_t snippets = 0;
};

// What a shard's report records of its part of the work.
struct ShardPart {
    ShardSpec spec;
    std::vector<ShardDocument> documents;  // the documents this shard ran, in run order
    std::size_t all_documents = 0;         // documents of the whole run, over every shard
};

}  // namespace snipcheck
