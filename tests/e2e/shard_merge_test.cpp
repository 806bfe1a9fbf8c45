// End to end: `run --shard K/N` on the machines of a CI matrix, then
// `snipcheck merge` of their reports, over tests/data/e2e/shard/ (four
// documents: 3, 2, 1 and 0 snippets).
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <stdlib.h>

#include <nlohmann/json.hpp>

#include "tests/e2e/run_binary.hpp"

namespace {

using nlohmann::json;
using snipcheck::test::run_snipcheck;

constexpr const char* k_documents = "tests/data/e2e/shard";

using Row = std::tuple<std::string, std::string, int, std::string>;  // file, id, start line, status

std::vector<Row> rows(const json& report) {
    std::vector<Row> out;
    for (const json& snippet : report["snippets"]) {
        out.emplace_back(snippet["file"], snippet["id"], snippet["start_line"], snippet["status"]);
    }
    return out;
}

std::set<std::string> files(const json& report) {
    std::set<std::string> out;
    for (const json& snippet : report["snippets"]) {
        out.insert(snippet["file"].get<std::string>());
    }
    return out;
}

class Folder {
public:
    Folder() {
        char folder[] = "/tmp/snipcheck-shards-XXXXXX";
        REQUIRE(::mkdtemp(folder) != nullptr);
        m_path = folder;
    }
    ~Folder() { std::filesystem::remove_all(m_path); }
    Folder(const Folder&) = delete;
    Folder& operator=(const Folder&) = delete;
    std::string file(const std::string& name) const { return m_path + "/" + name; }

private:
    std::string m_path;
};

}  // namespace

TEST_CASE("two shards add up to the whole run, each document whole in one of them", "[e2e][shard]") {
    const auto whole = run_snipcheck(std::string("run ") + k_documents + " --format json");
    const auto first = run_snipcheck(std::string("run ") + k_documents + " --format json --shard 1/2");
    const auto second = run_snipcheck(std::string("run ") + k_documents + " --format json --shard=2/2");
    CHECK(whole.status == 1);
    const json all = json::parse(whole.out);
    const json one = json::parse(first.out);
    const json two = json::parse(second.out);
    REQUIRE(all["summary"]["total"] == 6);
    // Balanced by snippet count: alpha (3) and delta (0) against gamma (2) and beta (1).
    CHECK(one["summary"]["total"] == 3);
    CHECK(two["summary"]["total"] == 3);
    CHECK(first.status == 1);   // alpha's wrong snippet
    CHECK(second.status == 0);

    const std::vector<Row> all_rows = rows(all);
    const std::set<Row> expected(all_rows.begin(), all_rows.end());
    std::set<Row> joined;
    for (const json* shard : {&one, &two}) {
        for (const Row& row : rows(*shard)) {
            CHECK(joined.insert(row).second);  // in one shard only
        }
    }
    CHECK(joined == expected);
    for (const std::string& file : files(one)) {
        CHECK(files(two).count(file) == 0);
    }
    for (const char* key : {"pass", "fail", "error", "timeout", "skip"}) {
        INFO(key);
        CHECK(one["summary"][key].get<int>() + two["summary"][key].get<int>() == all["summary"][key].get<int>());
    }

    CHECK(one["shard"]["index"] == 1);
    CHECK(one["shard"]["count"] == 2);
    CHECK(one["shard"]["all_documents"] == 4);
    CHECK(two["shard"]["index"] == 2);
    std::set<std::string> documents;
    for (const json* shard : {&one, &two}) {
        for (const json& document : (*shard)["shard"]["documents"]) {
            CHECK(documents.insert(document["file"].get<std::string>()).second);
        }
    }
    CHECK(documents.size() == 4);  // the document without snippets too
    CHECK_FALSE(all.contains("shard"));
}

TEST_CASE("merging the shards gives the whole run's report, timings aside", "[e2e][shard][merge]") {
    Folder folder;
    const std::string one = folder.file("one.json");
    const std::string two = folder.file("two.json");
    REQUIRE(run_snipcheck(std::string("run ") + k_documents + " --format json --shard 1/2 -o '" + one + "'").status == 1);
    REQUIRE(run_snipcheck(std::string("run ") + k_documents + " --format json --shard 2/2 -o '" + two + "'").status == 0);
    const json all = json::parse(run_snipcheck(std::string("run ") + k_documents + " --format json").out);

    // Listed second-shard first: the merge restores the run's document order.
    const auto merge = run_snipcheck("merge '" + two + "' '" + one + "'");
    CHECK(merge.status == 1);
    const json merged = json::parse(merge.out);
    CHECK(rows(merged) == rows(all));
    for (const char* key : {"total", "pass", "fail", "error", "timeout", "skip"}) {
        INFO(key);
        CHECK(merged["summary"][key] == all["summary"][key]);
    }
    for (std::size_t i = 0; i < all["snippets"].size(); ++i) {
        json expected = all["snippets"][i];
        json actual = merged["snippets"][i];
        expected.erase("duration_ms");
        actual.erase("duration_ms");
        CHECK(actual == expected);
    }
    CHECK(merged["errors"] == all["errors"]);
    CHECK(merged["python"] == all["python"]);
    CHECK(merged["merged_from"] == json::array({two, one}));
    CHECK_FALSE(merged.contains("shard"));

    const auto term = run_snipcheck("merge '" + one + "' '" + two + "' --format term");
    CHECK(term.status == 1);
    CHECK(term.out.find("6 snippets: 4 pass, 1 fail, 0 error, 0 timeout, 1 skip in") != std::string::npos);
    CHECK(term.out.find("alpha.md:13: fail:") != std::string::npos);
    const auto junit = run_snipcheck("merge '" + one + "' '" + two + "' --format junit");
    CHECK(junit.out.find("<testsuites name=\"snipcheck\" tests=\"6\" failures=\"1\"") != std::string::npos);
    CHECK(run_snipcheck("merge '" + one + "' '" + two + "' --fail-on never").status == 0);

    const auto half = run_snipcheck("merge '" + two + "'", true);
    CHECK(half.status == 0);
    CHECK(half.out.find("snipcheck: warning: shard 1/2 is missing") != std::string::npos);
}

TEST_CASE("merge and --shard refuse what cannot be joined or split with exit status 2", "[e2e][shard][merge]") {
    Folder folder;
    const std::string one = folder.file("one.json");
    REQUIRE(run_snipcheck(std::string("run ") + k_documents + " --format json --shard 1/2 -o '" + one + "'").status == 1);
    const auto twice = run_snipcheck("merge '" + one + "' '" + one + "'", true);
    CHECK(twice.status == 2);
    CHECK(twice.out.find("is also in " + one) != std::string::npos);
    CHECK(run_snipcheck("merge").status == 2);
    CHECK(run_snipcheck("merge '" + one + "' --format xml").status == 2);
    CHECK(run_snipcheck("merge '" + one + "' --fail-on regressed").status == 2);
    CHECK(run_snipcheck("merge /no/such/report.json").status == 2);
    for (const char* bad : {"0/2", "3/2", "1", "x/y"}) {
        INFO(bad);
        CHECK(run_snipcheck(std::string("run ") + k_documents + " --shard " + bad).status == 2);
    }
}
