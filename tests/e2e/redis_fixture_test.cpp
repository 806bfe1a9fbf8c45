// End to end: Python snippets that use Redis run against a Redis server
// snipcheck starts for the run (tests/data/e2e/redis_*.md), each document
// on a clean server of its own that is numbered, configured and shared
// with nobody as a default Redis; without redis-server they skip, naming
// the Debian package.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fixtures/redis_server.hpp"
#include "tests/e2e/run_binary.hpp"
#include "tests/temp_folder.hpp"

namespace {

using nlohmann::json;
using snipcheck::test::run_snipcheck;

const std::string k_documents = "tests/data/e2e/redis_fixture.md tests/data/e2e/redis_other_document.md";

json report_of(const std::string& arguments, const std::string& environment = {}) {
    const auto run = run_snipcheck("run " + arguments + " --format json", false, environment);
    json parsed = json::parse(run.out, nullptr, false);
    INFO(run.out);
    REQUIRE_FALSE(parsed.is_discarded());
    return parsed;
}

// The snippet of `report` whose code contains `marker`.
json snippet_with(const json& report, const std::string& marker) {
    for (const json& snippet : report["snippets"]) {
        if (snippet["code"].get<std::string>().find(marker) != std::string::npos) {
            return snippet;
        }
    }
    FAIL("no snippet contains " << marker);
    return {};
}

// The snippets of `report` that come from `file` (a path ending so).
std::vector<json> snippets_of(const json& report, const std::string& file) {
    std::vector<json> found;
    for (const json& snippet : report["snippets"]) {
        const std::string path = snippet["file"];
        if (path.size() >= file.size() && path.compare(path.size() - file.size(), file.size(), file) == 0) {
            found.push_back(snippet);
        }
    }
    return found;
}

bool redis_installed() {
    if (!snipcheck::fixtures::missing_redis_package().empty()) {
        WARN("skipped: redis-server is not installed (Debian package redis-server)");
        return false;
    }
    return true;
}

}  // namespace

TEST_CASE("a snippet's redis client reaches the run's Redis server, and the verdict says so", "[e2e][redis]") {
    if (!redis_installed()) {
        return;
    }
    const json report = report_of("tests/data/e2e/redis_fixture.md");
    const json set_get = snippet_with(report, "r.set(\"k\", \"v\")");
    INFO(set_get.dump(1));
    CHECK(set_get["status"] == "pass");
    CHECK(set_get["evidence"] == "output");
    REQUIRE(set_get.contains("services"));
    CHECK(set_get["services"][0].get<std::string>().rfind("the run's Redis server ", 0) == 0);
    CHECK(set_get["message"].get<std::string>().find("(ran against the run's Redis server ") != std::string::npos);
    // A later snippet of the document reads the key through a URL.
    CHECK(snippet_with(report, "from_url(")["status"] == "pass");
    // db=3 of a pool naming another host, with a password the server does not have.
    const json numbered = snippet_with(report, "db=3");
    INFO(numbered.dump(1));
    CHECK(numbered["status"] == "pass");
}

TEST_CASE("two documents never see each other's Redis keys, one after the other or side by side", "[e2e][redis]") {
    if (!redis_installed()) {
        return;
    }
    for (const char* jobs : {"1", "2"}) {
        INFO("--jobs " << jobs);
        const json report = report_of(k_documents + " --jobs " + jobs);
        const json other = snippet_with(report, "written-by-the-other-document\", \"x\"");
        INFO(other.dump(1));
        CHECK(other["status"] == "pass");  // b'v' of the first document is not there
        const json first = snippet_with(report, "get(\"written-by-the-other-document\")");
        INFO(first.dump(1));
        CHECK(first["status"] == "pass");
        CHECK(report["summary"]["pass"] == report["summary"]["total"]);
    }
}

TEST_CASE("Django's cache on django-redis sets and gets through the run's Redis server", "[e2e][redis]") {
    if (!redis_installed()) {
        return;
    }
    const json report = report_of("tests/data/e2e/redis_django_cache.md");
    const json cache = snippet_with(report, "cache.set(\"greeting\"");
    INFO(cache.dump(1));
    CHECK(cache["status"] == "pass");
    CHECK(cache["expectations"].size() == 2);
    REQUIRE(cache.contains("services"));
    CHECK(cache["services"][0].get<std::string>().rfind("the run's Redis server", 0) == 0);
}

TEST_CASE("without redis-server, snippets that connect to Redis skip naming the Debian package", "[e2e][redis]") {
    // PATH without redis-server: the program is looked up there (and in sbin).
    const json report = report_of(k_documents + " tests/data/e2e/redis_django_cache.md", "PATH=/nonexistent");
    for (const json& snippet : report["snippets"]) {
        INFO(snippet.dump(1));
        CHECK(snippet["status"] == "skip");
        CHECK(snippet["message"].get<std::string>() ==
              "needs a Redis server: redis-server is not installed (Debian package redis-server)");
        CHECK_FALSE(snippet.contains("services"));
    }
    bool said = false;
    for (const json& missing : report["sandbox"]["missing"]) {
        said = said || missing.get<std::string>().find("Redis server: redis-server is not installed") != std::string::npos;
    }
    CHECK(said);
}

TEST_CASE("with [fixtures] redis off, snippets that connect to Redis skip saying so", "[e2e][redis]") {
    const snipcheck::test::TempFolder folder;
    std::ofstream(folder.file("snipcheck.toml")) << "[fixtures]\nredis = \"off\"\n";
    const json report = report_of("tests/data/e2e/redis_other_document.md --config " + folder.file("snipcheck.toml"));
    const json snippet = snippet_with(report, "written-by-the-other-document");
    INFO(snippet.dump(1));
    CHECK(snippet["status"] == "skip");
    CHECK(snippet["message"] ==
          "needs a Redis server: the configuration turns the Redis fixture off ([fixtures] redis = \"off\")");
}

TEST_CASE("a run without Redis snippets starts no Redis server", "[e2e][redis]") {
    // Were one started, a PATH without redis-server would put it in the report.
    const json report = report_of("tests/data/e2e/cache_session.md", "PATH=/nonexistent");
    CHECK(report["sandbox"]["missing"].dump().find("Redis") == std::string::npos);
}

TEST_CASE("a document's Redis is numbered as a default Redis, whatever runs beside it", "[e2e][redis]") {
    if (!redis_installed()) {
        return;
    }
    // The other document starts at once under --jobs 2 and holds the first server.
    const json report = report_of("tests/data/e2e/redis_other_document.md tests/data/e2e/redis_own_numbering.md "
                                  "--jobs 2 --no-cache");
    const json numbering = snippet_with(report, "__keyspace@0__");
    INFO(numbering.dump(1));
    CHECK(numbering["status"] == "pass");
    CHECK(numbering["expectations"].size() == 4);
    CHECK(report["summary"]["pass"] == report["summary"]["total"]);
}

TEST_CASE("two documents on the same pub/sub channel at once never hear each other", "[e2e][redis]") {
    if (!redis_installed()) {
        return;
    }
    const json report = report_of("tests/data/e2e/redis_pubsub_a.md tests/data/e2e/redis_pubsub_b.md --jobs 2 --no-cache");
    for (const char* file : {"redis_pubsub_a.md", "redis_pubsub_b.md"}) {
        for (const json& snippet : snippets_of(report, file)) {
            INFO(snippet.dump(1));
            CHECK(snippet["status"] == "pass");  // publish reached 1 subscriber, and only its own message came
        }
    }
    CHECK(report["summary"]["total"] == 2);
}

TEST_CASE("CONFIG SET, functions, ACL users and client names of a document are gone for the next one",
          "[e2e][redis]") {
    if (!redis_installed()) {
        return;
    }
    const json report = report_of("tests/data/e2e/redis_server_wide_changes.md "
                                  "tests/data/e2e/redis_after_server_wide_changes.md --jobs 1 --no-cache");
    const json changes = snippet_with(report, "function_load(");
    INFO(changes.dump(1));
    CHECK(changes["status"] == "pass");  // the changes were made
    const json after = snippet_with(report, "function_list()");
    INFO(after.dump(1));
    CHECK(after["status"] == "pass");
    CHECK(after["expectations"].size() == 4);
}

TEST_CASE("a document that shuts its Redis server down leaves a working one to the next, and the report says it died",
          "[e2e][redis]") {
    if (!redis_installed()) {
        return;
    }
    const json report = report_of("tests/data/e2e/redis_shutdown.md tests/data/e2e/redis_other_document.md "
                                  "--jobs 1 --no-cache");
    const json next = snippet_with(report, "written-by-the-other-document");
    INFO(next.dump(1));
    CHECK(next["status"] == "pass");
    CHECK(report["sandbox"]["missing"].dump().find("the run's Redis server died: ") != std::string::npos);
}

TEST_CASE("a snippet that writes more than the Redis server holds gets an OOM error, and the next document works",
          "[e2e][redis]") {
    if (!redis_installed()) {
        return;
    }
    const json report = report_of("tests/data/e2e/redis_out_of_memory.md tests/data/e2e/redis_other_document.md "
                                  "--jobs 1 --no-cache");
    const json big = snippet_with(report, "64 << 20");
    INFO(big.dump(1));
    CHECK(big["status"] == "pass");  // OOM, then PING answers
    const json next = snippet_with(report, "written-by-the-other-document");
    INFO(next.dump(1));
    CHECK(next["status"] == "pass");
    CHECK(report["sandbox"]["missing"].dump().find("Redis") == std::string::npos);  // nothing died
}

TEST_CASE("a snippet connects to the Redis socket but cannot write in its folder", "[e2e][redis]") {
    if (!redis_installed()) {
        return;
    }
    const json report = report_of("tests/data/e2e/redis_socket_folder.md --no-cache");
    const json probe = snippet_with(report, "planted");
    INFO(probe.dump(1));
    CHECK(probe["status"] == "pass");
}

TEST_CASE("Sentinel and cluster clients skip: the run has a single Redis server", "[e2e][redis]") {
    if (!redis_installed()) {
        return;
    }
    const json report = report_of("tests/data/e2e/redis_many_servers.md --no-cache");
    const json sentinel = snippet_with(report, "Sentinel(");
    INFO(sentinel.dump(1));
    CHECK(sentinel["status"] == "skip");
    CHECK(sentinel["message"] == "needs a Redis Sentinel: the run has a single server");
    const json cluster = snippet_with(report, "RedisCluster(");
    INFO(cluster.dump(1));
    CHECK(cluster["status"] == "skip");
    CHECK(cluster["message"] == "needs a Redis cluster: the run has a single server");
}
