#pragma once
// Keeps the result cache folder under a size. Entries used longest ago go
// first: ResultCache refreshes an entry's modification time on each hit, so
// that time is its last use. Listing a large folder costs, so a run prunes
// only when the folder's stamp says the last pruning is an hour old or more.

#include <chrono>
#include <cstdint>
#include <string>

#include "src/expected.hpp"

namespace snipcheck {

constexpr std::uintmax_t k_default_cache_max_bytes = std::uintmax_t{256} << 20;

struct PruneOutcome {
    std::size_t removed = 0;       // entries and leftover temporary files removed
    std::uintmax_t bytes_before = 0;  // entries' bytes before
    std::uintmax_t bytes_after = 0;
};

// Removes the least recently used entries (`XX/<key>.json`) until the
// entries take at most 80% of `max_bytes`, when they take more than
// `max_bytes`; and temporary files a killed run left behind (`.tmp-*`, an
// hour old). Nothing else in the folder is touched. The error when the
// folder cannot be listed; a file that vanishes meanwhile (another run
// pruning) is not one.
Expected<PruneOutcome, std::string> prune_cache(const std::string& folder, std::uintmax_t max_bytes,
                                                std::chrono::system_clock::time_point now);

// True when the folder was last pruned `every` or longer before `now`, or
// never.
bool prune_due(const std::string& folder, std::chrono::system_clock::time_point now, std::chrono::seconds every);

// Records a pruning at the current time (the stamp file's time); false
// when the folder is read-only to this run.
bool mark_pruned(const std::string& folder);

}  // namespace snipcheck
