#include "src/baseline.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <string>

using namespace snipcheck;

namespace {

ComparedSnippet snippet(const std::string& file, const std::string& id, int line, Status status) {
    return {file, id, line, status, std::string(status_name(status)) + " message"};
}

}  // namespace

TEST_CASE("change between two statuses: regressed only from pass to fail, error or timeout", "[baseline]") {
    for (Status broken : {Status::fail, Status::error, Status::timeout}) {
        INFO(status_name(broken));
        CHECK(change_between(Status::pass, broken) == Change::regressed);
        CHECK(change_between(broken, Status::pass) == Change::fixed);
    }
    CHECK(change_between(Status::pass, Status::pass) == Change::same);
    CHECK(change_between(Status::pass, Status::skip) == Change::same);
    CHECK(change_between(Status::fail, Status::error) == Change::same);
    CHECK(change_between(Status::skip, Status::fail) == Change::same);
    CHECK(change_between(Status::skip, Status::pass) == Change::same);
    CHECK(change_between(Status::timeout, Status::fail) == Change::same);
}

TEST_CASE("change names are the four words of the report and read back", "[baseline]") {
    CHECK(std::string(change_name(Change::same)) == "same");
    CHECK(std::string(change_name(Change::added)) == "new");
    CHECK(std::string(change_name(Change::regressed)) == "regressed");
    CHECK(std::string(change_name(Change::fixed)) == "fixed");
    for (Change change : {Change::same, Change::added, Change::regressed, Change::fixed}) {
        CHECK(change_from_name(change_name(change)) == change);
    }
    CHECK_FALSE(change_from_name("added").has_value());
    CHECK_FALSE(change_from_name("").has_value());
}

TEST_CASE("snippets match by file and id whatever line they moved to", "[baseline]") {
    ReportOutcomes old;
    old.snippets = {snippet("a.md", "aaa", 5, Status::pass), snippet("a.md", "bbb", 10, Status::fail),
                    snippet("a.md", "ccc", 15, Status::pass), snippet("b.md", "aaa", 3, Status::pass)};
    ReportOutcomes now;
    // Two lines inserted at the top of a.md; b.md holds the same code as a.md's first snippet.
    now.snippets = {snippet("a.md", "aaa", 7, Status::fail), snippet("a.md", "bbb", 12, Status::pass),
                    snippet("a.md", "ccc", 17, Status::pass), snippet("b.md", "aaa", 3, Status::pass)};
    const BaselineComparison comparison = compare_with_baseline(old, now);
    REQUIRE(comparison.changes.size() == 4);
    CHECK(comparison.changes[0].change == Change::regressed);
    CHECK(comparison.changes[0].was == Status::pass);
    CHECK(comparison.changes[0].was_line == 5);
    CHECK(comparison.changes[1].change == Change::fixed);
    CHECK(comparison.changes[1].was == Status::fail);
    CHECK(comparison.changes[2].change == Change::same);
    CHECK(comparison.changes[3].change == Change::same);
    CHECK(comparison.removed.empty());
    CHECK(comparison.counts.regressed == 1);
    CHECK(comparison.counts.fixed == 1);
    CHECK(comparison.counts.same == 2);
    CHECK(comparison.counts.added == 0);
    CHECK(comparison.counts.removed == 0);
}

TEST_CASE("a snippet whose code changed is new and the old one removed, never a regression", "[baseline]") {
    ReportOutcomes old;
    old.snippets = {snippet("a.md", "before", 5, Status::pass), snippet("a.md", "kept", 9, Status::pass)};
    ReportOutcomes now;
    now.snippets = {snippet("a.md", "after", 5, Status::fail), snippet("a.md", "kept", 9, Status::pass)};
    const BaselineComparison comparison = compare_with_baseline(old, now);
    CHECK(comparison.changes[0].change == Change::added);
    CHECK_FALSE(comparison.changes[0].was.has_value());
    REQUIRE(comparison.removed.size() == 1);
    CHECK(comparison.removed[0].id == "before");
    CHECK(comparison.removed[0].start_line == 5);
    CHECK(comparison.counts.added == 1);
    CHECK(comparison.counts.removed == 1);
    CHECK(comparison.counts.regressed == 0);
}

TEST_CASE("a status change that is neither a regression nor a fix is counted apart", "[baseline]") {
    ReportOutcomes old;
    old.snippets = {snippet("a.md", "x", 1, Status::pass), snippet("a.md", "y", 5, Status::fail)};
    ReportOutcomes now;
    now.snippets = {snippet("a.md", "x", 1, Status::skip), snippet("a.md", "y", 5, Status::error)};
    const BaselineComparison comparison = compare_with_baseline(old, now);
    CHECK(comparison.changes[0].change == Change::same);
    CHECK(comparison.changes[0].was == Status::pass);
    CHECK(comparison.changes[1].change == Change::same);
    CHECK(comparison.counts.same == 2);
    CHECK(comparison.counts.status_changed == 2);
}

TEST_CASE("paths match after lexical normalisation", "[baseline]") {
    ReportOutcomes old;
    old.snippets = {snippet("./docs/a.md", "x", 1, Status::pass)};
    ReportOutcomes now;
    now.snippets = {snippet("docs//a.md", "x", 1, Status::fail)};
    CHECK(compare_with_baseline(old, now).changes[0].change == Change::regressed);
    now.snippets = {snippet("other/a.md", "x", 1, Status::fail)};
    CHECK(compare_with_baseline(old, now).changes[0].change == Change::added);
}

TEST_CASE("a file named twice matches its copies in order", "[baseline]") {
    ReportOutcomes old;
    old.snippets = {snippet("a.md", "x", 1, Status::pass), snippet("a.md", "x", 1, Status::fail)};
    ReportOutcomes now;
    now.snippets = {snippet("a.md", "x", 1, Status::fail), snippet("a.md", "x", 1, Status::pass)};
    const BaselineComparison comparison = compare_with_baseline(old, now);
    CHECK(comparison.changes[0].change == Change::regressed);
    CHECK(comparison.changes[1].change == Change::fixed);
    CHECK(comparison.removed.empty());
}

TEST_CASE("a shard counts as removed only the baseline snippets of its own documents", "[baseline]") {
    ReportOutcomes old;
    old.snippets = {snippet("a.md", "x", 1, Status::pass), snippet("a.md", "gone", 4, Status::pass),
                    snippet("b.md", "y", 1, Status::pass)};
    ReportOutcomes now;
    now.snippets = {snippet("a.md", "x", 1, Status::pass)};
    const std::set<std::string> mine = {"./a.md"};
    const BaselineComparison shard = compare_with_baseline(old, now, &mine);
    REQUIRE(shard.removed.size() == 1);
    CHECK(shard.removed[0].id == "gone");
    const BaselineComparison whole = compare_with_baseline(old, now);
    CHECK(whole.removed.size() == 2);
}

TEST_CASE("document errors are new only when the baseline lacks them, line numbers aside", "[baseline]") {
    ReportOutcomes old;
    old.errors = {"a.md:12: error: unknown snipcheck directive 'frobnicate'", "c.md: error: cannot read: denied"};
    ReportOutcomes now;
    now.errors = {"a.md:14: error: unknown snipcheck directive 'frobnicate'", "./c.md: error: cannot read: denied",
                  "b.md: error: no such file or folder"};
    const BaselineComparison comparison = compare_with_baseline(old, now);
    REQUIRE(comparison.new_errors.size() == 1);
    CHECK(comparison.new_errors[0] == "b.md: error: no such file or folder");
    CHECK(comparison.counts.new_errors == 1);
}

TEST_CASE("ChangeCounts adds each snippet's change once", "[baseline]") {
    ChangeCounts counts;
    counts.add({Change::regressed, Status::pass, 1}, Status::fail);
    counts.add({Change::fixed, Status::error, 1}, Status::pass);
    counts.add({Change::added, std::nullopt, 0}, Status::pass);
    counts.add({Change::same, Status::pass, 1}, Status::pass);
    counts.add({Change::same, Status::pass, 1}, Status::skip);
    CHECK(counts.regressed == 1);
    CHECK(counts.fixed == 1);
    CHECK(counts.added == 1);
    CHECK(counts.same == 2);
    CHECK(counts.status_changed == 1);
}
