// End to end: the result cache. A second run of an unchanged document takes
// every snippet from the cache with the same verdicts; a changed expectation
// reruns its snippet's session; lines added above keep the cache; --no-cache
// runs everything and writes nothing.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/e2e/run_binary.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using snipcheck::test::run_snipcheck;

// A folder holding a copy of a document of tests/data/e2e/, and a cache folder beside it.
class Workspace {
public:
    explicit Workspace(const std::string& data_file = "cache_session.md") {
        std::string pattern = (fs::temp_directory_path() / "snipcheck-cache-e2e-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        m_root = pattern;
        std::ifstream in(std::string(SNIPCHECK_TEST_DATA) + "/e2e/" + data_file, std::ios::binary);
        REQUIRE(in);
        std::stringstream text;
        text << in.rdbuf();
        m_text = text.str();
        write(m_text);
    }
    ~Workspace() {
        std::error_code ignored;
        fs::remove_all(m_root, ignored);
    }
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    std::string document() const { return m_root + "/session.md"; }
    std::string cache() const { return m_root + "/cache"; }
    const std::string& text() const { return m_text; }
    void write(const std::string& text) const { std::ofstream(document(), std::ios::binary | std::ios::trunc) << text; }

    json run_json(const std::string& options = {}) const {
        const auto run = run_snipcheck("run '" + document() + "' --format json --cache-dir '" + cache() + "' " + options);
        CHECK(run.status == 1);  // each document has a snippet that fails or raises
        return json::parse(run.out);
    }

private:
    std::string m_root;
    std::string m_text;
};

// What a person reads about a snippet: everything but timings and the cache flag.
json verdict_of(const json& snippet) {
    json kept = snippet;
    kept.erase("duration_ms");
    kept.erase("cached");
    return kept;
}

const json& snippet_at(const json& report, int line) {
    for (const json& snippet : report["snippets"]) {
        if (snippet["start_line"] == line) {
            return snippet;
        }
    }
    FAIL("no snippet starts at line " << line);
    return report;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

int cached_count(const json& report) {
    int count = 0;
    for (const json& snippet : report["snippets"]) {
        count += snippet["cached"].get<bool>() ? 1 : 0;
    }
    return count;
}

}  // namespace

TEST_CASE("cache: a second run of an unchanged document takes every snippet from the cache", "[e2e][cache]") {
    Workspace workspace;
    const json cold = workspace.run_json();
    REQUIRE(cold["snippets"].size() == 5);
    CHECK(cold["summary"]["cached"] == 0);
    CHECK(cached_count(cold) == 0);

    const json warm = workspace.run_json();
    CHECK(warm["summary"]["cached"] == 5);
    CHECK(cached_count(warm) == 5);
    CHECK(warm["summary"]["pass"] == cold["summary"]["pass"]);
    CHECK(warm["python"] == cold["python"]);
    for (std::size_t i = 0; i < cold["snippets"].size(); ++i) {
        CHECK(verdict_of(warm["snippets"][i]) == verdict_of(cold["snippets"][i]));
    }
    // The pyflakes finding (os is unused) comes back too.
    CHECK_FALSE(snippet_at(warm, 6)["findings"].empty());

    const auto term = run_snipcheck("run '" + workspace.document() + "' --cache-dir '" + workspace.cache() + "'");
    CHECK(term.out.find("5 snippets: 4 pass, 0 fail, 1 error, 0 timeout, 0 skip in") != std::string::npos);
    CHECK(term.out.find("(5 from cache)") != std::string::npos);
}

TEST_CASE("cache: a changed expectation reruns its snippet and the later ones of its session", "[e2e][cache]") {
    Workspace workspace;
    const json cold = workspace.run_json();
    CHECK(snippet_at(cold, 17)["status"] == "pass");

    workspace.write(replaced(workspace.text(), "# Output: 4", "# Output: 5"));
    const json changed = workspace.run_json();
    const json& claim = snippet_at(changed, 17);
    CHECK(claim["cached"] == false);
    CHECK(claim["status"] == "fail");
    CHECK(claim["expectations"][0]["expected"] == "5");
    CHECK(claim["expectations"][0]["actual"] == "4");
    CHECK(snippet_at(changed, 23)["cached"] == false);
    // Another session (SQL) and a snippet checked alone (YAML) are not touched.
    CHECK(snippet_at(changed, 29)["cached"] == true);
    CHECK(snippet_at(changed, 42)["cached"] == true);
    CHECK(snippet_at(changed, 29)["status"] == "pass");

    // Changed back: the first run's entries still hold.
    workspace.write(workspace.text());
    const json back = workspace.run_json();
    CHECK(back["summary"]["cached"] == 5);
    CHECK(snippet_at(back, 17)["status"] == "pass");
}

TEST_CASE("cache: lines added above every snippet keep the cache, and lines move with the snippets", "[e2e][cache]") {
    Workspace workspace;
    workspace.run_json();
    workspace.write(replaced(workspace.text(), "# A session the cache keeps\n", "# A session the cache keeps\n\nA new\nparagraph.\n"));
    const json moved = workspace.run_json();
    CHECK(moved["summary"]["cached"] == 5);
    const json fresh = workspace.run_json("--no-cache");
    CHECK(fresh["summary"]["cached"] == 0);
    for (std::size_t i = 0; i < fresh["snippets"].size(); ++i) {
        CHECK(verdict_of(moved["snippets"][i]) == verdict_of(fresh["snippets"][i]));
    }
    const json& raises = snippet_at(moved, 26);
    CHECK(raises["status"] == "error");
    CHECK(raises["exception"]["line"] == 12);  // inside total(), defined in the first snippet
    CHECK(raises["exception"]["traceback"].get<std::string>().find("line 26") != std::string::npos);
}

TEST_CASE("cache: --no-cache runs every snippet and writes no cache", "[e2e][cache]") {
    Workspace workspace;
    workspace.run_json();
    const json uncached = workspace.run_json("--no-cache");
    CHECK(uncached["summary"]["cached"] == 0);
    CHECK(cached_count(uncached) == 0);

    Workspace other;
    other.run_json("--no-cache");
    CHECK_FALSE(fs::exists(other.cache()));
}

TEST_CASE("cache: a folder that cannot be made is a warning, and everything runs", "[e2e][cache]") {
    Workspace workspace;
    std::ofstream(workspace.cache()) << "a file, not a folder";
    const auto run = run_snipcheck("run '" + workspace.document() + "' --cache-dir '" + workspace.cache() + "/x'", true);
    CHECK(run.status == 1);
    CHECK(run.out.find("snipcheck: warning: cache: cannot make the cache folder") != std::string::npos);
    CHECK(run.out.find("5 snippets: 4 pass") != std::string::npos);
    CHECK(run_snipcheck("run examples --cache-dir ''").status == 2);
}

TEST_CASE("cache: a run cuts a cache over cache-max-mb back, the longest unused entries first", "[e2e][cache]") {
    Workspace workspace;
    // 3 MiB of old entries from earlier documents, against a limit of 1 MiB.
    const std::string old_entries = workspace.cache() + "/ee";
    fs::create_directories(old_entries);
    for (int i = 0; i < 3; ++i) {
        const std::string path = old_entries + "/ee" + std::to_string(i) + ".json";
        std::ofstream(path, std::ios::binary) << std::string(std::size_t{1} << 20, ' ');
        fs::last_write_time(path, fs::file_time_type::clock::now() - std::chrono::hours(24 * (10 + i)));
    }
    const std::string config = fs::path(workspace.document()).parent_path().string() + "/snipcheck.toml";
    std::ofstream(config) << "cache-max-mb = 1\n";
    const json cold = workspace.run_json("--config '" + config + "'");
    CHECK(fs::exists(workspace.cache() + "/last-prune"));
    std::size_t old_left = 0;
    for (int i = 0; i < 3; ++i) {
        old_left += fs::exists(old_entries + "/ee" + std::to_string(i) + ".json") ? 1 : 0;
    }
    CHECK(old_left == 0);
    // This run's own entries were used last and stay: the next run takes them.
    const json warm = workspace.run_json("--config '" + config + "'");
    CHECK(warm["summary"]["cached"] == cold["snippets"].size());
}

TEST_CASE("cache: a TestCase's failed test and a missing module's package come back from the cache",
          "[e2e][cache]") {
    Workspace workspace("cache_django_tests.md");
    const json cold = workspace.run_json();
    REQUIRE(cold["snippets"].size() == 2);
    const json warm = workspace.run_json();
    CHECK(cached_count(warm) == 2);
    for (std::size_t i = 0; i < cold["snippets"].size(); ++i) {
        INFO(warm["snippets"][i].dump(1));
        CHECK(verdict_of(warm["snippets"][i]) == verdict_of(cold["snippets"][i]));
    }
    const json& tests = snippet_at(warm, 6);
    CHECK(tests["status"] == "fail");
    CHECK(tests["expectations"].size() == 2);
}
