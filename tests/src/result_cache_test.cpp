#include "src/result_cache.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "src/run_output_json.hpp"

using namespace snipcheck;

namespace {

namespace fs = std::filesystem;

const std::string k_key = std::string(64, 'a');
const std::string k_other_key = std::string(64, 'b');

// A fresh folder under $TMPDIR, removed with the object.
class TemporaryFolder {
public:
    TemporaryFolder() {
        std::string pattern = (fs::temp_directory_path() / "snipcheck-cache-test-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        m_path = pattern;
    }
    ~TemporaryFolder() {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    const std::string& path() const { return m_path; }

private:
    std::string m_path;
};

ResultCache open_cache(const std::string& folder) {
    auto cache = ResultCache::open(folder);
    REQUIRE(cache.has_value());
    return std::move(*cache);
}

extractor::Snippet snippet_at(int start_line) {
    extractor::Snippet snippet;
    snippet.id = "abc123";
    snippet.file = "docs/guide.md";
    snippet.language = "python";
    snippet.code = "import json\njson.loads('{')";
    snippet.start_line = start_line;
    snippet.end_line = start_line + 1;
    snippet.line_map = {start_line, start_line + 1};
    return snippet;
}

// A run with every field set, raising at the snippet's second line.
RunOutput full_run(int start_line) {
    RunOutput run;
    run.end = RunEnd::raised;
    StatementOutput first;
    first.line = start_line;
    first.end_line = start_line;
    first.output = "hello\n";
    StatementOutput second;
    second.line = start_line + 1;
    second.end_line = start_line + 1;
    second.raised = true;
    second.exception_type = "json.decoder.JSONDecodeError";
    second.exception_message = "Expecting property name enclosed in double quotes: column 2 (char 1)";
    second.table = ResultTable{{"n", "name"}, {{"1", std::nullopt}, {"2", "NULL"}}};
    second.ordered = true;
    run.statements = {first, second};
    run.stdout_text = "hello\n";
    run.stderr_text = "a warning\n";
    run.stdout_cut_bytes = 7;
    run.stderr_cut_bytes = 9;
    run.exception_type = second.exception_type;
    run.exception_message = second.exception_message;
    run.traceback = "Traceback (most recent call last):\n  File \"docs/guide.md\", line " + std::to_string(start_line + 1) +
                    ", in <module>\n    json.loads('{')\n  File \"/usr/lib/python3.11/json/__init__.py\", line 346, in loads\n";
    run.exception_line = start_line + 1;
    run.exit_code = 3;
    run.signal = 11;
    run.reason = "a reason";
    run.missing_module = "django";
    run.missing_package = "python3-django";
    run.raised_at = {{start_line + 1, "ValueError"}};
    run.replayed = {"f00"};
    run.missing_environment = "a MySQL server";
    run.stubs = {"table books(title)"};
    run.services = {"the run's Redis server 7.0.15"};
    run.tests = {{"BookTests.test_title", start_line + 1, "fail", "AssertionError: 'a' != 'b'"},
                 {"BookTests.test_year", start_line + 1, "pass", ""}};
    run.static_check = true;
    run.findings = {{start_line, "unused-import", Severity::warning, "'os' imported but unused"}};
    run.duration_ms = 1.25;
    return run;
}

void write_text(const std::string& path, const std::string& text) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace

TEST_CASE("a stored run reads back with every field", "[cache][result-cache]") {
    TemporaryFolder folder;
    ResultCache cache = open_cache(folder.path() + "/made/here");
    CHECK(fs::exists(folder.path() + "/made/here/CACHEDIR.TAG"));
    const extractor::Snippet snippet = snippet_at(10);
    const RunOutput run = full_run(10);
    REQUIRE(cache.store_run(k_key, snippet, run));
    CHECK(fs::exists(cache.entry_path(k_key)));
    const std::optional<RunOutput> read = cache.load_run(k_key, snippet);
    REQUIRE(read.has_value());
    CHECK(run_output_to_json(*read) == run_output_to_json(run));
    // Compared field by field too: a field the JSON leaves out is equal on both sides above.
    CHECK(read->missing_package == "python3-django");
    CHECK(read->services == run.services);
    REQUIRE(read->tests.size() == 2);
    CHECK(read->tests[0].name == "BookTests.test_title");
    CHECK(read->tests[0].line == 11);
    CHECK(read->tests[0].outcome == "fail");
    CHECK(read->tests[0].message == "AssertionError: 'a' != 'b'");
    CHECK(read->tests[1].outcome == "pass");
    CHECK(read->statements[1].table->rows[0][1] == std::nullopt);
    CHECK(read->statements[1].table->rows[1][1] == std::optional<std::string>("NULL"));
    CHECK_FALSE(cache.load_run(k_other_key, snippet).has_value());
}

TEST_CASE("a run read for a snippet that moved down has its lines moved with it", "[cache][result-cache]") {
    TemporaryFolder folder;
    ResultCache cache = open_cache(folder.path());
    REQUIRE(cache.store_run(k_key, snippet_at(10), full_run(10)));
    const std::optional<RunOutput> read = cache.load_run(k_key, snippet_at(14));
    REQUIRE(read.has_value());
    CHECK(run_output_to_json(*read) == run_output_to_json(full_run(14)));
    CHECK(read->tests[0].line == 15);
    // The standard library's frame keeps its line.
    CHECK(read->traceback.find("__init__.py\", line 346") != std::string::npos);
}

TEST_CASE("a run whose text names a line holds only where it was made", "[cache][result-cache]") {
    TemporaryFolder folder;
    ResultCache cache = open_cache(folder.path());
    RunOutput run = full_run(10);
    run.exception_message = "'(' was never closed on line 11";
    REQUIRE(cache.store_run(k_key, snippet_at(10), run));
    CHECK(cache.load_run(k_key, snippet_at(10)).has_value());
    CHECK_FALSE(cache.load_run(k_key, snippet_at(12)).has_value());
    extractor::Snippet renamed = snippet_at(10);
    renamed.file = "docs/other.md";
    CHECK_FALSE(cache.load_run(k_key, renamed).has_value());
}

TEST_CASE("a corrupt, truncated, foreign or unreadable entry is a miss", "[cache][result-cache]") {
    TemporaryFolder folder;
    ResultCache cache = open_cache(folder.path());
    const extractor::Snippet snippet = snippet_at(10);
    REQUIRE(cache.store_run(k_key, snippet, full_run(10)));
    const std::string path = cache.entry_path(k_key);
    std::ifstream in(path, std::ios::binary);
    std::stringstream read;
    read << in.rdbuf();
    const std::string whole = read.str();
    REQUIRE(whole.size() > 100);

    SECTION("truncated") { write_text(path, whole.substr(0, whole.size() / 2)); }
    SECTION("empty") { write_text(path, ""); }
    SECTION("not JSON") { write_text(path, std::string("\x00\xff garbage", 10)); }
    SECTION("JSON of another kind") { write_text(path, "[1, 2, 3]"); }
    SECTION("another format version") {
        std::string other = whole;
        other.replace(other.find("\"snipcheck_cache\":1"), 19, "\"snipcheck_cache\":99");
        write_text(path, other);
    }
    SECTION("the entry of another key under this name") {
        std::string other = whole;
        other.replace(other.find(k_key), k_key.size(), k_other_key);
        write_text(path, other);
    }
    SECTION("a field of the wrong type") {
        std::string other = whole;
        other.replace(other.find("\"exit_code\":3"), 13, "\"exit_code\":\"3\"");
        write_text(path, other);
    }
    SECTION("an end this version does not know") {
        std::string other = whole;
        other.replace(other.find("\"end\":\"raised\""), 14, "\"end\":\"exploded\"");
        write_text(path, other);
    }
    SECTION("a folder in its place") {
        fs::remove(path);
        fs::create_directories(path);
    }
    CHECK_FALSE(cache.load_run(k_key, snippet).has_value());
    // Writing again repairs it.
    fs::remove_all(path);
    REQUIRE(cache.store_run(k_key, snippet, full_run(10)));
    CHECK(cache.load_run(k_key, snippet).has_value());
}

TEST_CASE("runs that are not results are not cacheable", "[cache][result-cache]") {
    RunOutput run;
    CHECK(is_cacheable(run));
    run.end = RunEnd::raised;
    CHECK(is_cacheable(run));
    run.end = RunEnd::exited;
    CHECK(is_cacheable(run));
    run.end = RunEnd::stdin_read;
    CHECK(is_cacheable(run));
    run.end = RunEnd::not_run;
    CHECK_FALSE(is_cacheable(run));
    run.end = RunEnd::timeout;
    CHECK_FALSE(is_cacheable(run));
    run.end = RunEnd::crashed;
    CHECK_FALSE(is_cacheable(run));
}

TEST_CASE("a Python document record reads back, its findings moved with the document", "[cache][result-cache]") {
    TemporaryFolder folder;
    ResultCache cache = open_cache(folder.path());
    const extractor::Snippet first = snippet_at(5);
    const extractor::Snippet second = snippet_at(9);
    PythonDocumentRecord record;
    record.findings = {{{6, "unused-import", Severity::warning, "'os' imported but unused"}}, {}};
    record.python_version = "3.11.2";
    record.sandbox.protections = {"network namespace"};
    record.sandbox.missing = {"landlock: not supported"};
    REQUIRE(cache.store_python_document(k_key, {&first, &second}, record));

    const extractor::Snippet first_moved = snippet_at(7);
    const extractor::Snippet second_moved = snippet_at(11);
    const auto read = cache.load_python_document(k_key, {&first_moved, &second_moved});
    REQUIRE(read.has_value());
    REQUIRE(read->findings.size() == 2);
    REQUIRE(read->findings[0].size() == 1);
    CHECK(read->findings[0][0].line == 8);
    CHECK(read->findings[0][0].severity == Severity::warning);
    CHECK(read->findings[1].empty());
    CHECK(read->python_version == "3.11.2");
    CHECK(read->sandbox.protections == record.sandbox.protections);
    CHECK(read->sandbox.missing == record.sandbox.missing);
    // Another number of snippets is another document.
    CHECK_FALSE(cache.load_python_document(k_key, {&first_moved}).has_value());
    // A run entry under the same name is not a document record.
    REQUIRE(cache.store_run(k_other_key, first, full_run(5)));
    CHECK_FALSE(cache.load_python_document(k_other_key, {&first, &second}).has_value());
}

TEST_CASE("runs writing and reading one entry at once see a whole entry or none", "[cache][result-cache]") {
    TemporaryFolder folder;
    const extractor::Snippet snippet = snippet_at(10);
    RunOutput big = full_run(10);
    big.stdout_text = std::string(200000, 'x');  // many write() calls' worth
    std::atomic<bool> stop{false};
    std::atomic<int> torn{0};
    std::atomic<int> hits{0};
    std::vector<std::thread> threads;
    for (int writer = 0; writer < 3; ++writer) {
        threads.emplace_back([&] {
            ResultCache cache = *ResultCache::open(folder.path());
            for (int i = 0; i < 40; ++i) {
                cache.store_run(k_key, snippet, big);
            }
        });
    }
    threads.emplace_back([&] {
        ResultCache cache = *ResultCache::open(folder.path());
        while (!stop) {
            if (const auto read = cache.load_run(k_key, snippet)) {
                ++hits;
                torn += read->stdout_text.size() != big.stdout_text.size() ? 1 : 0;
            }
        }
    });
    for (int i = 0; i < 3; ++i) {
        threads[static_cast<std::size_t>(i)].join();
    }
    stop = true;
    threads.back().join();
    CHECK(torn == 0);
    ResultCache cache = open_cache(folder.path());
    CHECK(cache.load_run(k_key, snippet).has_value());
    // No temporary file is left behind.
    int files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(folder.path())) {
        files += entry.is_regular_file() ? 1 : 0;
        CHECK(entry.path().filename().string().rfind(".tmp-", 0) != 0);
    }
    CHECK(files == 2);  // the entry and CACHEDIR.TAG
    INFO("reads that hit: " << hits);
}

TEST_CASE("a cache folder that cannot be made is an error, and writes that fail say why", "[cache][result-cache]") {
    TemporaryFolder folder;
    write_text(folder.path() + "/a-file", "x");
    const auto blocked = ResultCache::open(folder.path() + "/a-file/cache");
    REQUIRE_FALSE(blocked.has_value());
    CHECK(blocked.error().find(folder.path() + "/a-file/cache") != std::string::npos);

    ResultCache cache = open_cache(folder.path() + "/cache");
    // A file where the entry's subfolder should be.
    write_text(folder.path() + "/cache/aa", "x");
    CHECK_FALSE(cache.store_run(k_key, snippet_at(1), full_run(1)));
    CHECK(cache.write_error().find("cannot write") != std::string::npos);
}

TEST_CASE("the default cache folder follows XDG_CACHE_HOME, then HOME", "[cache][result-cache]") {
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    const std::string saved_xdg = xdg != nullptr ? xdg : "";
    const char* home = std::getenv("HOME");
    const std::string saved_home = home != nullptr ? home : "";
    ::setenv("XDG_CACHE_HOME", "/var/cache/ci", 1);
    CHECK(ResultCache::default_folder() == "/var/cache/ci/snipcheck");
    ::unsetenv("XDG_CACHE_HOME");
    ::setenv("HOME", "/home/writer", 1);
    CHECK(ResultCache::default_folder() == "/home/writer/.cache/snipcheck");
    if (xdg != nullptr) {
        ::setenv("XDG_CACHE_HOME", saved_xdg.c_str(), 1);
    }
    if (home != nullptr) {
        ::setenv("HOME", saved_home.c_str(), 1);
    } else {
        ::unsetenv("HOME");
    }
}

TEST_CASE("an entry written before test outcomes were stored is a miss, so its TestCase runs again",
          "[cache][result-cache]") {
    TemporaryFolder folder;
    ResultCache cache = open_cache(folder.path());
    const extractor::Snippet snippet = snippet_at(10);
    REQUIRE(cache.store_run(k_key, snippet, full_run(10)));
    std::ifstream in(cache.entry_path(k_key));
    nlohmann::json entry = nlohmann::json::parse(in);
    in.close();
    entry["run"].erase("tests");
    entry["run"].erase("missing_package");
    write_text(cache.entry_path(k_key), entry.dump());
    CHECK_FALSE(cache.load_run(k_key, snippet).has_value());
}
