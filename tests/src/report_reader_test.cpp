#include "src/report_reader.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>

#include <unistd.h>

#include "src/report_json.hpp"

using namespace snipcheck;

namespace {

RunReport small_report() {
    RunReport report;
    for (const auto& [line, status] : {std::pair{3, Status::pass}, std::pair{12, Status::fail}}) {
        SnippetReport item;
        item.snippet.id = "id-" + std::to_string(line);
        item.snippet.file = "docs/a.md";
        item.snippet.start_line = line;
        item.snippet.end_line = line + 2;
        item.snippet.language = "python";
        item.verdict.status = status;
        item.verdict.message = std::string(status_name(status)) + " message";
        report.snippets.push_back(item);
    }
    report.document_errors = {"docs/b.md: error: cannot read: Permission denied"};
    report.sandbox.protections = {"network namespace"};
    report.sandbox.missing = {"landlock: not supported"};
    report.python_version = "3.11.2";
    report.seconds = 1.25;
    return report;
}

// The error of parsing `text`, or "parsed" when it parsed.
std::string error_of(const std::string& text) {
    auto parsed = parse_report(text, "r.json");
    return parsed ? "parsed" : parsed.error();
}

std::string temporary_file(const std::string& content) {
    char name[] = "/tmp/snipcheck-report-XXXXXX";
    const int fd = ::mkstemp(name);
    REQUIRE(fd >= 0);
    ::close(fd);
    std::ofstream(name, std::ios::binary) << content;
    return name;
}

}  // namespace

TEST_CASE("a run report reads back: snippets, errors, sandbox, python, seconds", "[report_reader]") {
    auto parsed = parse_report(dump_run_report_json(small_report()), "r.json");
    REQUIRE(parsed);
    const SavedReport& report = *parsed;
    CHECK(report.path == "r.json");
    REQUIRE(report.snippets.size() == 2);
    CHECK(report.snippets[0].outcome.id == "id-3");
    CHECK(report.snippets[0].outcome.file == "docs/a.md");
    CHECK(report.snippets[0].outcome.start_line == 3);
    CHECK(report.snippets[0].outcome.status == Status::pass);
    CHECK(report.snippets[1].outcome.status == Status::fail);
    CHECK(report.snippets[1].outcome.message == "fail message");
    CHECK(report.snippets[1].fields["end_line"] == 14);
    CHECK_FALSE(report.snippets[0].change.has_value());
    CHECK(report.errors == small_report().document_errors);
    CHECK(report.sandbox.protections == std::vector<std::string>{"network namespace"});
    CHECK(report.sandbox.missing == std::vector<std::string>{"landlock: not supported"});
    CHECK(report.python == "3.11.2");
    CHECK(report.seconds == Approx(1.25));
    CHECK_FALSE(report.baseline.has_value());
    CHECK_FALSE(report.shard.has_value());
    const ReportOutcomes outcomes = outcomes_of(report);
    CHECK(outcomes.snippets.size() == 2);
    CHECK(outcomes.errors.size() == 1);
}

TEST_CASE("a compared, sharded report reads back its changes, baseline and shard", "[report_reader]") {
    RunReport run = small_report();
    run.snippets[0].change = SnippetChange{Change::same, Status::pass, 3};
    run.snippets[1].change = SnippetChange{Change::regressed, Status::pass, 10};
    run.baseline = BaselineReport{"old.json", {{"docs/a.md", "gone", 20, Status::fail, "was failing"}}, {"x.md: error: new"}};
    run.shard = ShardPart{{2, 3}, {{"docs/a.md", 4, 2}}, 9};
    auto parsed = parse_report(dump_run_report_json(run), "r.json");
    REQUIRE(parsed);
    REQUIRE(parsed->snippets[1].change.has_value());
    CHECK(parsed->snippets[1].change->change == Change::regressed);
    CHECK(parsed->snippets[1].change->was == Status::pass);
    REQUIRE(parsed->baseline.has_value());
    CHECK(parsed->baseline->file == "old.json");
    REQUIRE(parsed->baseline->removed.size() == 1);
    CHECK(parsed->baseline->removed[0].id == "gone");
    CHECK(parsed->baseline->removed[0].status == Status::fail);
    CHECK(parsed->baseline->new_errors == std::vector<std::string>{"x.md: error: new"});
    REQUIRE(parsed->shard.has_value());
    CHECK(parsed->shard->spec.index == 2);
    CHECK(parsed->shard->spec.count == 3);
    CHECK(parsed->shard->all_documents == 9);
    REQUIRE(parsed->shard->documents.size() == 1);
    CHECK(parsed->shard->documents[0].order == 4);
}

TEST_CASE("what is not a report is refused with one clear line", "[report_reader]") {
    CHECK(error_of("") == "r.json: error: not a snipcheck report (the file is empty)");
    CHECK(error_of("[1, 2]") == "r.json: error: not a snipcheck report (the top level is array, not an object)");
    CHECK(error_of(R"({"name": "x"})") == "r.json: error: not a snipcheck report (no \"schema\" field)");
    CHECK(error_of(R"({"schema": "1", "snippets": []})") ==
          "r.json: error: not a snipcheck report (\"schema\" is not a whole number)");
    CHECK(error_of(R"({"schema": 2, "snippets": []})") ==
          "r.json: error: schema 2 is not supported (this snipcheck reads schema 1)");
    CHECK(error_of(R"({"schema": 1, "tool": {"name": "other"}, "snippets": []})") ==
          "r.json: error: not a snipcheck report (its \"tool\" is not snipcheck)");
    CHECK(error_of(R"({"schema": 1, "snippets": {}})") == "r.json: error: not a snipcheck report (no \"snippets\" list)");
    CHECK(error_of(R"({"schema": 1, "snippets": [{"id": "a", "file": "a.md", "start_line": 1}]})") ==
          "r.json: error: not a snipcheck report (snippet 1 has no \"status\")");
    CHECK(error_of(R"({"schema": 1, "snippets": [{"id": "a", "file": "a.md", "start_line": 1, "status": "great"}]})") ==
          "r.json: error: not a snipcheck report (snippet 1 has status 'great', not one of pass, fail, error, timeout, skip)");
    CHECK(error_of(R"({"schema": 1, "snippets": [{"id": "a", "file": "a.md", "start_line": "1", "status": "pass"}]})") ==
          "r.json: error: not a snipcheck report (snippet 1 has no \"start_line\" number)");
    CHECK(error_of(R"({"schema": 1, "snippets": [{"id": "a", "file": "a.md", "start_line": 1, "status": "pass",
                       "change": "worse"}]})") ==
          "r.json: error: not a snipcheck report (snippet 1 has change \"worse\", not one of same, new, regressed, fixed)");
    CHECK(error_of(R"({"schema": 1, "snippets": [], "shard": {"index": 3, "count": 2}})") ==
          "r.json: error: not a snipcheck report (its \"shard\" has no valid index and count)");
}

TEST_CASE("a list report is named as such", "[report_reader]") {
    const std::string list = R"({"schema": 1, "tool": {"name": "snipcheck"}, "documents": [],
                                 "snippets": [{"id": "a", "file": "a.md", "start_line": 1}]})";
    CHECK(error_of(list).find("r.json: error: this is a `snipcheck list` report") == 0);
}

TEST_CASE("invalid or cut-off JSON is an error at its line, never a crash", "[report_reader]") {
    CHECK(error_of("{\n\n  \"schema\": 1,\n  oops\n}") ==
          "r.json:4: error: not a snipcheck report (invalid JSON: syntax error while parsing object key - "
          "invalid literal; last read: '1,<U+000A>  o'; expected string literal)");
    const std::string whole = dump_run_report_json(small_report());
    for (std::size_t cut : {whole.size() / 3, whole.size() / 2, whole.size() - 3}) {
        INFO(cut);
        const std::string error = error_of(whole.substr(0, cut));
        CHECK(error.find("r.json:") == 0);
        CHECK(error.find("not a snipcheck report (invalid JSON: ") != std::string::npos);
    }
    CHECK(error_of("\xff\xfe{}").find("invalid JSON") != std::string::npos);
    // Deep nesting: the parser and the destructor must not recurse into a stack overflow.
    const std::string deep = std::string(200000, '[') + std::string(200000, ']');
    CHECK(error_of(deep) == "r.json: error: not a snipcheck report (the top level is array, not an object)");
}

TEST_CASE("read_report refuses files over the limit, folders and missing files", "[report_reader]") {
    const std::string path = temporary_file(dump_run_report_json(small_report()));
    CHECK(read_report(path).has_value());
    auto too_large = read_report(path, 100);
    REQUIRE_FALSE(too_large);
    CHECK(too_large.error() == path + ": error: report too large (the limit is 100 bytes)");
    std::remove(path.c_str());
    auto missing = read_report(path);
    REQUIRE_FALSE(missing);
    CHECK(missing.error() == path + ": error: cannot read: No such file or directory");
    auto folder = read_report("/tmp");
    REQUIRE_FALSE(folder);
    CHECK(folder.error() == "/tmp: error: is a folder, not a report");
}
