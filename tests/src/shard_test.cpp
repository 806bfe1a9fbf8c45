#include "src/shard.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <numeric>
#include <string>
#include <vector>

using namespace snipcheck;

namespace {

std::vector<DocumentLoad> loads(const std::vector<std::size_t>& snippets) {
    std::vector<DocumentLoad> documents;
    for (std::size_t i = 0; i < snippets.size(); ++i) {
        documents.push_back({"doc" + std::to_string(i) + ".md", snippets[i]});
    }
    return documents;
}

std::vector<std::size_t> shard_loads(const std::vector<DocumentLoad>& documents, const std::vector<int>& shard_of,
                                     int count) {
    std::vector<std::size_t> load(static_cast<std::size_t>(count), 0);
    for (std::size_t i = 0; i < documents.size(); ++i) {
        load[static_cast<std::size_t>(shard_of[i] - 1)] += documents[i].snippets;
    }
    return load;
}

}  // namespace

TEST_CASE("a shard is written K/N with 1 <= K <= N", "[shard]") {
    auto first = parse_shard("1/3");
    REQUIRE(first);
    CHECK(first->index == 1);
    CHECK(first->count == 3);
    auto last = parse_shard("3/3");
    REQUIRE(last);
    CHECK(last->index == 3);
    for (const char* bad : {"0/2", "3/2", "1/0", "a/b", "1/", "/2", "1/2/3", "12", "", " 1/2", "1/10001", "-1/2"}) {
        INFO(bad);
        auto parsed = parse_shard(bad);
        REQUIRE_FALSE(parsed);
        CHECK(parsed.error().find("K/N") != std::string::npos);
    }
}

TEST_CASE("every document goes to exactly one shard, whole", "[shard]") {
    const std::vector<DocumentLoad> documents = loads({5, 0, 3, 8, 1, 1, 2, 0, 4});
    for (int count = 1; count <= 12; ++count) {
        INFO(count);
        const std::vector<int> shard_of = assign_shards(documents, count);
        REQUIRE(shard_of.size() == documents.size());
        for (int shard : shard_of) {
            CHECK(shard >= 1);
            CHECK(shard <= count);
        }
        const std::vector<std::size_t> load = shard_loads(documents, shard_of, count);
        CHECK(std::accumulate(load.begin(), load.end(), std::size_t{0}) == 24);
    }
}

TEST_CASE("the split is balanced by snippet count", "[shard]") {
    // The greedy rule: 8 -> 1, 7 -> 2, 6 -> 2 (13), 5 -> 1 (13), 4 -> 1, 4 -> 2: 17 and 17.
    const std::vector<DocumentLoad> documents = loads({4, 8, 6, 4, 7, 5});
    const std::vector<int> shard_of = assign_shards(documents, 2);
    const std::vector<std::size_t> load = shard_loads(documents, shard_of, 2);
    CHECK(load[0] == 17);
    CHECK(load[1] == 17);
    // One heavy document cannot be cut: it is a shard of its own.
    const std::vector<DocumentLoad> heavy = loads({100, 1, 1, 1});
    const std::vector<int> heavy_of = assign_shards(heavy, 2);
    CHECK(heavy_of[0] != heavy_of[1]);
    CHECK(heavy_of[1] == heavy_of[2]);
    CHECK(heavy_of[2] == heavy_of[3]);
}

TEST_CASE("the split depends on the documents, not on the order they are listed in", "[shard]") {
    std::vector<DocumentLoad> documents = loads({3, 3, 3, 2, 2, 1, 0, 0, 5});
    std::map<std::string, int> first;
    const std::vector<int> shard_of = assign_shards(documents, 3);
    for (std::size_t i = 0; i < documents.size(); ++i) {
        first[documents[i].path] = shard_of[i];
    }
    std::reverse(documents.begin(), documents.end());
    std::rotate(documents.begin(), documents.begin() + 4, documents.end());
    const std::vector<int> again = assign_shards(documents, 3);
    for (std::size_t i = 0; i < documents.size(); ++i) {
        INFO(documents[i].path);
        CHECK(again[i] == first[documents[i].path]);
    }
    CHECK(assign_shards(documents, 3) == again);
}

TEST_CASE("documents without snippets spread over the shards too", "[shard]") {
    const std::vector<DocumentLoad> documents = loads({0, 0, 0, 0});
    const std::vector<int> shard_of = assign_shards(documents, 2);
    CHECK(std::count(shard_of.begin(), shard_of.end(), 1) == 2);
    CHECK(std::count(shard_of.begin(), shard_of.end(), 2) == 2);
}

TEST_CASE("more shards than documents leave some shards empty", "[shard]") {
    const std::vector<DocumentLoad> documents = loads({2, 1});
    const std::vector<int> shard_of = assign_shards(documents, 5);
    CHECK(shard_of[0] == 1);
    CHECK(shard_of[1] == 2);
    CHECK(assign_shards({}, 3).empty());
}
