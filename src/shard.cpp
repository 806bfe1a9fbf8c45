#include "src/shard.hpp"

#include <algorithm>
#include <charconv>
#include <numeric>

#include <fmt/format.h>

namespace snipcheck {
namespace {

bool parse_int(std::string_view text, int& value) {
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    return !text.empty() && ec == std::errc() && ptr == end;
}

}  // namespace

Expected<ShardSpec, std::string> parse_shard(std::string_view text) {
    const std::size_t slash = text.find('/');
    ShardSpec spec;
    if (slash == std::string_view::npos || !parse_int(text.substr(0, slash), spec.index) ||
        !parse_int(text.substr(slash + 1), spec.count) || spec.index < 1 || spec.index > spec.count ||
        spec.count > k_max_shards) {
        return unexpected(fmt::format("--shard is K/N with 1 <= K <= N <= {} (1/3 is the first of three), not '{}'",
                                      k_max_shards, text));
    }
    return spec;
}

std::vector<int> assign_shards(const std::vector<DocumentLoad>& documents, int count) {
    std::vector<int> shard_of(documents.size(), 1);
    if (count <= 1) {
        return shard_of;
    }
    std::vector<std::size_t> order(documents.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (documents[a].snippets != documents[b].snippets) {
            return documents[a].snippets > documents[b].snippets;
        }
        if (documents[a].path != documents[b].path) {
            return documents[a].path < documents[b].path;
        }
        return a < b;
    });
    // Load per shard; a document with no snippets still costs a little
    // (reading, reporting), so empty documents spread too instead of piling
    // onto shard 1.
    std::vector<std::size_t> load(static_cast<std::size_t>(count), 0);
    std::vector<std::size_t> documents_in(static_cast<std::size_t>(count), 0);
    for (std::size_t index : order) {
        std::size_t lightest = 0;
        for (std::size_t shard = 1; shard < load.size(); ++shard) {
            if (load[shard] < load[lightest] ||
                (load[shard] == load[lightest] && documents_in[shard] < documents_in[lightest])) {
                lightest = shard;
            }
        }
        load[lightest] += documents[index].snippets;
        ++documents_in[lightest];
        shard_of[index] = static_cast<int>(lightest) + 1;
    }
    return shard_of;
}

}  // namespace snipcheck
