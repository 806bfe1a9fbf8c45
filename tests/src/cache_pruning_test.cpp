#include "src/cache_pruning.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "extractor/snippet.hpp"
#include "src/result_cache.hpp"
#include "tests/temp_folder.hpp"

using namespace snipcheck;
using test::TempFolder;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::system_clock;

const Clock::time_point k_now = Clock::now();

// Sets the file's access and modification times to `age` before k_now.
void set_age(const fs::path& path, std::chrono::seconds age) {
    const auto when = std::chrono::duration_cast<std::chrono::nanoseconds>((k_now - age).time_since_epoch());
    struct timespec times[2];
    times[0].tv_sec = times[1].tv_sec = static_cast<time_t>(when.count() / 1000000000);
    times[0].tv_nsec = times[1].tv_nsec = static_cast<long>(when.count() % 1000000000);
    REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
}

// A file of `bytes` bytes last modified `age` before k_now.
void make_file(const fs::path& path, std::size_t bytes, std::chrono::seconds age) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << std::string(bytes, 'x');
    set_age(path, age);
}

Clock::time_point modified(const fs::path& path) {
    struct stat info {};
    REQUIRE(::stat(path.c_str(), &info) == 0);
    return Clock::time_point(std::chrono::duration_cast<Clock::duration>(
        std::chrono::seconds(info.st_mtim.tv_sec) + std::chrono::nanoseconds(info.st_mtim.tv_nsec)));
}

}  // namespace

TEST_CASE("prune_cache removes the longest unused entries down to 80% of the limit", "[cache][pruning]") {
    TempFolder folder;
    // Five entries of 1000 bytes, used 5, 4, 3, 2 and 1 days ago.
    for (int days = 5; days >= 1; --days) {
        make_file(folder.path / "a1" / ("a1entry" + std::to_string(days) + ".json"), 1000, std::chrono::hours(24 * days));
    }
    const auto pruned = prune_cache(folder.path.string(), 3000, k_now);
    REQUIRE(pruned.has_value());
    CHECK(pruned->bytes_before == 5000);
    CHECK(pruned->removed == 3);  // down to 2000 <= 2400
    CHECK(pruned->bytes_after == 2000);
    CHECK_FALSE(fs::exists(folder.path / "a1" / "a1entry5.json"));
    CHECK_FALSE(fs::exists(folder.path / "a1" / "a1entry3.json"));
    CHECK(fs::exists(folder.path / "a1" / "a1entry2.json"));
    CHECK(fs::exists(folder.path / "a1" / "a1entry1.json"));
}

TEST_CASE("prune_cache leaves a folder under its limit alone", "[cache][pruning]") {
    TempFolder folder;
    make_file(folder.path / "0f" / "0fold.json", 1000, std::chrono::hours(24 * 300));
    const auto pruned = prune_cache(folder.path.string(), 1000, k_now);
    REQUIRE(pruned.has_value());
    CHECK(pruned->removed == 0);
    CHECK(fs::exists(folder.path / "0f" / "0fold.json"));
}

TEST_CASE("prune_cache removes old temporary files and nothing that is not an entry", "[cache][pruning]") {
    TempFolder folder;
    make_file(folder.path / "ab" / ".tmp-old123", 10, std::chrono::hours(2));
    make_file(folder.path / "ab" / ".tmp-new123", 10, std::chrono::seconds(5));  // a run writing now
    make_file(folder.path / "CACHEDIR.TAG", 5000, std::chrono::hours(24 * 30));
    make_file(folder.path / "notes" / "big.json", 5000, std::chrono::hours(24 * 30));  // not an entry folder
    make_file(folder.path / "ab" / "abkept.json", 100, std::chrono::hours(1));
    const auto pruned = prune_cache(folder.path.string(), 1000, k_now);
    REQUIRE(pruned.has_value());
    CHECK(pruned->removed == 1);
    CHECK_FALSE(fs::exists(folder.path / "ab" / ".tmp-old123"));
    CHECK(fs::exists(folder.path / "ab" / ".tmp-new123"));
    CHECK(fs::exists(folder.path / "CACHEDIR.TAG"));
    CHECK(fs::exists(folder.path / "notes" / "big.json"));
    CHECK(fs::exists(folder.path / "ab" / "abkept.json"));
}

TEST_CASE("prune_cache says when the folder cannot be listed", "[cache][pruning]") {
    TempFolder folder;
    const auto pruned = prune_cache((folder.path / "missing").string(), 1000, k_now);
    REQUIRE_FALSE(pruned.has_value());
    CHECK(pruned.error().rfind("cannot list the cache folder " + (folder.path / "missing").string() + ": ", 0) == 0);
}

TEST_CASE("prune_due is true without a stamp and again an interval after mark_pruned", "[cache][pruning]") {
    TempFolder folder;
    const std::string path = folder.path.string();
    CHECK(prune_due(path, k_now, std::chrono::hours(1)));
    mark_pruned(path);
    CHECK_FALSE(prune_due(path, Clock::now(), std::chrono::hours(1)));
    CHECK(prune_due(path, Clock::now() + std::chrono::hours(2), std::chrono::hours(1)));
}

TEST_CASE("a cache hit makes the entry the most recently used", "[cache][pruning]") {
    TempFolder folder;
    auto cache = ResultCache::open(folder.path.string());
    REQUIRE(cache.has_value());
    extractor::Snippet snippet;
    snippet.file = "guide.md";
    snippet.language = "python";
    snippet.code = "print(1)";
    snippet.start_line = 3;
    snippet.end_line = 3;
    snippet.line_map = {3};
    RunOutput run;
    run.stdout_text = "1\n";
    const std::string key(64, 'c');
    REQUIRE(cache->store_run(key, snippet, run));
    const fs::path entry = cache->entry_path(key);
    set_age(entry, std::chrono::hours(24 * 10));
    REQUIRE(modified(entry) < k_now - std::chrono::hours(24));
    REQUIRE(cache->load_run(key, snippet).has_value());
    CHECK(modified(entry) > k_now - std::chrono::minutes(1));
}
