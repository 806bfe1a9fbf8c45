#include "src/report_merge.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using nlohmann::json;
using namespace snipcheck;

namespace {

SavedSnippet saved(const std::string& file, const std::string& id, int line, Status status) {
    SavedSnippet snippet;
    snippet.outcome = {file, id, line, status, status_name(status)};
    snippet.fields = {{"id", id}, {"file", file}, {"start_line", line}, {"status", status_name(status)},
                      {"message", status_name(status)}, {"a_field_of_the_future", 42}};
    return snippet;
}

// A shard of a run over c.md, a.md, b.md (in that order): documents with their run positions.
SavedReport shard(int index, std::vector<std::pair<std::string, std::size_t>> documents,
                  std::vector<SavedSnippet> snippets) {
    SavedReport report;
    report.path = "shard" + std::to_string(index) + ".json";
    report.shard = ShardPart{{index, 2}, {}, 3};
    for (const auto& [file, order] : documents) {
        report.shard->documents.push_back({file, order, 1});
    }
    report.snippets = std::move(snippets);
    report.python = "3.11.2";
    return report;
}

std::vector<std::string> order_of(const SavedReport& report) {
    std::vector<std::string> ids;
    for (const SavedSnippet& snippet : report.snippets) {
        ids.push_back(snippet.outcome.file + ":" + snippet.outcome.id);
    }
    return ids;
}

}  // namespace

TEST_CASE("shards merge back in the whole run's document order", "[report_merge]") {
    std::vector<SavedReport> inputs;
    inputs.push_back(shard(2, {{"a.md", 1}}, {saved("a.md", "a1", 3, Status::pass), saved("a.md", "a2", 9, Status::fail)}));
    inputs.push_back(shard(1, {{"c.md", 0}, {"b.md", 2}},
                           {saved("c.md", "c1", 5, Status::pass), saved("b.md", "b1", 1, Status::error)}));
    inputs[0].seconds = 2;
    inputs[1].seconds = 5;
    inputs[0].sandbox = {{"network namespace"}, {}};
    inputs[1].sandbox = {{"network namespace", "landlock"}, {"pid namespace"}};
    inputs[1].errors = {"d.md: error: cannot read"};
    auto merged = merge_reports(inputs);
    REQUIRE(merged);
    CHECK(merged->warnings.empty());
    CHECK(order_of(merged->report) == std::vector<std::string>{"c.md:c1", "a.md:a1", "a.md:a2", "b.md:b1"});
    CHECK(merged->report.seconds == 5);
    CHECK(merged->report.sandbox.protections == std::vector<std::string>{"network namespace", "landlock"});
    CHECK(merged->report.sandbox.missing == std::vector<std::string>{"pid namespace"});
    CHECK(merged->report.errors == std::vector<std::string>{"d.md: error: cannot read"});
    CHECK_FALSE(merged->report.shard.has_value());
    CHECK(merged->inputs == std::vector<std::string>{"shard2.json", "shard1.json"});

    const json out = json::parse(dump_merged_json(*merged));
    CHECK(out["schema"] == 1);
    CHECK(out["summary"]["total"] == 4);
    CHECK(out["summary"]["pass"] == 2);
    CHECK(out["summary"]["fail"] == 1);
    CHECK(out["summary"]["error"] == 1);
    CHECK(out["summary"]["seconds"] == 5.0);
    CHECK_FALSE(out["summary"].contains("regressed"));
    CHECK(out["snippets"][0]["id"] == "c1");
    CHECK(out["snippets"][0]["a_field_of_the_future"] == 42);
    CHECK(out["merged_from"] == json::array({"shard2.json", "shard1.json"}));
    CHECK(out["python"] == "3.11.2");
    CHECK_FALSE(out.contains("shard"));
}

TEST_CASE("reports that are not shards merge by path, each document's snippets in order", "[report_merge]") {
    std::vector<SavedReport> inputs(2);
    inputs[0].path = "x.json";
    inputs[0].snippets = {saved("z.md", "z1", 1, Status::pass), saved("m.md", "m2", 20, Status::pass),
                          saved("m.md", "m1", 4, Status::pass)};
    inputs[1].path = "y.json";
    inputs[1].snippets = {saved("a.md", "a1", 1, Status::pass)};
    auto merged = merge_reports(inputs);
    REQUIRE(merged);
    CHECK(order_of(merged->report) == std::vector<std::string>{"a.md:a1", "m.md:m2", "m.md:m1", "z.md:z1"});
}

TEST_CASE("the same snippet in two reports is an error naming both", "[report_merge]") {
    std::vector<SavedReport> inputs;
    inputs.push_back(shard(1, {{"a.md", 0}}, {saved("a.md", "a1", 3, Status::pass)}));
    inputs.push_back(shard(1, {{"a.md", 0}}, {saved("a.md", "a1", 3, Status::pass)}));
    inputs[1].path = "again.json";
    auto merged = merge_reports(inputs);
    REQUIRE_FALSE(merged);
    CHECK(merged.error() == "again.json: error: a.md:3: snippet a1 is also in shard1.json: a merge joins reports of "
                            "different documents (such as the shards of one run), not two runs of the same ones");
}

TEST_CASE("a missing shard, a shard of another split and another Python are warned of", "[report_merge]") {
    std::vector<SavedReport> inputs;
    inputs.push_back(shard(1, {{"a.md", 0}}, {saved("a.md", "a1", 3, Status::pass)}));
    auto missing = merge_reports(inputs);
    REQUIRE(missing);
    CHECK(missing->warnings ==
          std::vector<std::string>{"snipcheck: warning: shard 2/2 is missing: the merged report covers only part of the run"});

    inputs.push_back(shard(2, {{"b.md", 1}}, {saved("b.md", "b1", 3, Status::pass)}));
    inputs[1].shard->spec.count = 3;
    inputs[1].python = "3.12.1";
    auto odd = merge_reports(inputs);
    REQUIRE(odd);
    REQUIRE(odd->warnings.size() == 2);
    CHECK(odd->warnings[0] == "shard2.json: warning: shard 2/3, but shard1.json is shard 1/2: they split different runs");
    CHECK(odd->warnings[1] == "shard2.json: warning: ran Python 3.12.1, but shard1.json ran Python 3.11.2");
}

TEST_CASE("comparisons merge when every input has one and are dropped otherwise", "[report_merge]") {
    std::vector<SavedReport> inputs;
    inputs.push_back(shard(1, {{"a.md", 0}}, {saved("a.md", "a1", 3, Status::fail)}));
    inputs.push_back(shard(2, {{"b.md", 1}}, {saved("b.md", "b1", 3, Status::pass)}));
    inputs[0].snippets[0].change = SnippetChange{Change::regressed, Status::pass, 3};
    inputs[0].snippets[0].fields["change"] = "regressed";
    inputs[0].snippets[0].fields["baseline_status"] = "pass";
    inputs[1].snippets[0].change = SnippetChange{Change::added, std::nullopt, 0};
    inputs[1].snippets[0].fields["change"] = "new";
    inputs[0].baseline = BaselineReport{"old.json", {{"a.md", "gone", 9, Status::pass, ""}}, {}};
    inputs[1].baseline = BaselineReport{"old.json", {}, {"b.md: error: new one"}};
    auto merged = merge_reports(inputs);
    REQUIRE(merged);
    CHECK(merged->warnings.empty());
    REQUIRE(merged->report.baseline.has_value());
    CHECK(merged->report.baseline->removed.size() == 1);
    CHECK(merged->report.baseline->new_errors.size() == 1);
    const json out = json::parse(dump_merged_json(*merged));
    CHECK(out["summary"]["regressed"] == 1);
    CHECK(out["summary"]["new"] == 1);
    CHECK(out["summary"]["removed"] == 1);
    CHECK(out["baseline"]["file"] == "old.json");

    inputs[1].baseline.reset();
    auto half = merge_reports(inputs);
    REQUIRE(half);
    REQUIRE(half->warnings.size() == 1);
    CHECK(half->warnings[0].find("shard2.json: warning: not compared with a baseline, but shard1.json is") == 0);
    CHECK_FALSE(half->report.baseline.has_value());
    for (const SavedSnippet& snippet : half->report.snippets) {
        CHECK_FALSE(snippet.change.has_value());
        CHECK_FALSE(snippet.fields.contains("change"));
    }
}
