// End to end: `snipcheck run` as a user runs it, over examples/ and over a
// document with a pass, a fail, an error, a timeout and a skip.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "tests/e2e/run_binary.hpp"

namespace {

using nlohmann::json;
using snipcheck::test::run_snipcheck;

const std::set<std::string> k_statuses = {"pass", "fail", "error", "timeout", "skip"};
const std::set<std::string> k_evidence = {"output", "run", "static", "none"};

// Every field of DESIGN.md's schema 1, with its JSON type.
void check_contract(const json& report) {
    REQUIRE(report.is_object());
    CHECK(report["schema"] == 1);
    CHECK(report["tool"]["name"] == "snipcheck");
    CHECK(report["tool"]["version"].is_string());
    const json& summary = report["summary"];
    for (const char* key : {"total", "pass", "fail", "error", "timeout", "skip"}) {
        INFO(key);
        CHECK(summary[key].is_number_integer());
    }
    CHECK(summary["seconds"].is_number());
    REQUIRE(report["snippets"].is_array());
    CHECK(summary["total"] == report["snippets"].size());
    std::map<std::string, int> counts;
    for (const json& snippet : report["snippets"]) {
        INFO(snippet.dump());
        CHECK(snippet["id"].is_string());
        CHECK(snippet["file"].is_string());
        CHECK(snippet["start_line"].is_number_integer());
        CHECK(snippet["end_line"].is_number_integer());
        CHECK(snippet["language"].is_string());
        CHECK(snippet["form"].is_string());
        CHECK(k_statuses.count(snippet["status"].get<std::string>()) == 1);
        CHECK(k_evidence.count(snippet["evidence"].get<std::string>()) == 1);
        CHECK(snippet["message"].is_string());
        CHECK(snippet["expectations"].is_array());
        bool compared = false;
        for (const json& expectation : snippet["expectations"]) {
            CHECK(expectation["line"].is_number_integer());
            CHECK(expectation["expected"].is_string());
            CHECK(expectation.contains("actual"));
            CHECK(expectation.contains("ok"));
            compared = compared || expectation["ok"].is_boolean();
        }
        // "pass with evidence output only when at least one expectation was compared"
        if (snippet["status"] == "pass") {
            CHECK((snippet["evidence"] == "output") == compared);
        }
        CHECK(snippet["findings"].is_array());
        CHECK(snippet["defects"].is_array());
        CHECK(snippet["replayed"].is_array());
        CHECK(snippet["stubs"].is_array());
        CHECK(snippet["duration_ms"].is_number());
        ++counts[snippet["status"].get<std::string>()];
    }
    for (const auto& status : k_statuses) {
        CHECK(summary[status] == counts[status]);
    }
}

const json* snippet_at(const json& report, int line) {
    for (const json& snippet : report["snippets"]) {
        if (snippet["start_line"] == line) {
            return &snippet;
        }
    }
    return nullptr;
}

}  // namespace

TEST_CASE("run examples: every snippet passes or is skipped, JSON keeps the contract", "[e2e][run]") {
    const auto run = run_snipcheck("run examples --format json");
    REQUIRE(run.status == 0);
    const json report = json::parse(run.out);
    check_contract(report);
    CHECK(report["summary"]["fail"] == 0);
    CHECK(report["summary"]["error"] == 0);
    CHECK(report["summary"]["pass"].get<int>() >= 15);
    CHECK(report["python"].is_string());
}

TEST_CASE("run a mixed document: each verdict, exit status 1, JSON keeps the contract", "[e2e][run]") {
    const auto run = run_snipcheck("run tests/data/e2e/run_mixed.md --timeout 1 --format json");
    CHECK(run.status == 1);
    const json report = json::parse(run.out);
    check_contract(report);
    const json* adds = snippet_at(report, 6);
    const json* wrong = snippet_at(report, 15);
    const json* raises = snippet_at(report, 21);
    const json* forever = snippet_at(report, 27);
    const json* sql = snippet_at(report, 34);
    REQUIRE(adds != nullptr);
    REQUIRE(wrong != nullptr);
    REQUIRE(raises != nullptr);
    REQUIRE(forever != nullptr);
    REQUIRE(sql != nullptr);
    CHECK((*adds)["status"] == "pass");
    CHECK((*adds)["evidence"] == "output");
    CHECK((*wrong)["status"] == "fail");
    CHECK((*wrong)["expectations"][0]["expected"] == "3");
    CHECK((*wrong)["expectations"][0]["actual"] == "2");
    CHECK((*wrong)["expectations"][0]["ok"] == false);
    CHECK((*wrong)["replayed"].size() == 1);
    CHECK((*raises)["status"] == "error");
    CHECK((*raises)["message"].get<std::string>().find("KeyError") != std::string::npos);
    CHECK((*forever)["status"] == "timeout");
    CHECK((*sql)["status"] == "skip");
    CHECK((*sql)["message"].get<std::string>().find("MySQL server") != std::string::npos);
}

TEST_CASE("the terminal report shows file:line, expected, actual and the closing counts", "[e2e][run]") {
    const auto run = run_snipcheck("run tests/data/e2e/run_mixed.md --timeout 1");
    CHECK(run.status == 1);
    CHECK(run.out.find("tests/data/e2e/run_mixed.md:15: fail:") != std::string::npos);
    CHECK(run.out.find("tests/data/e2e/run_mixed.md:15: expected: 3") != std::string::npos);
    CHECK(run.out.find("A wrong claim") != std::string::npos);
    CHECK(run.out.find("replayed first: line 6 (") != std::string::npos);
    CHECK(run.out.find("tests/data/e2e/run_mixed.md:21: error:") != std::string::npos);
    CHECK(run.out.find("tests/data/e2e/run_mixed.md:27: timeout:") != std::string::npos);
    CHECK(run.out.find("5 snippets: 1 pass, 1 fail, 1 error, 1 timeout, 1 skip in") != std::string::npos);
}

TEST_CASE("run writes JUnit XML atomically to --output", "[e2e][run]") {
    char name[] = "/tmp/snipcheck-junit-XXXXXX";
    const int fd = ::mkstemp(name);
    REQUIRE(fd >= 0);
    ::close(fd);
    const auto run = run_snipcheck(std::string("run tests/data/e2e/run_mixed.md --timeout 1 --format junit --output ") + name);
    CHECK(run.status == 1);
    std::ifstream in(name);
    std::stringstream xml;
    xml << in.rdbuf();
    std::remove(name);
    const std::string text = xml.str();
    CHECK(text.rfind("<?xml", 0) == 0);
    std::size_t cases = 0;
    for (std::size_t at = text.find("<testcase"); at != std::string::npos; at = text.find("<testcase", at + 1)) {
        ++cases;
    }
    CHECK(cases == 5);
    CHECK(text.find("<failure") != std::string::npos);
    CHECK(text.find("<skipped") != std::string::npos);
}

TEST_CASE("run refuses bad options with exit status 2", "[e2e][run]") {
    CHECK(run_snipcheck("run").status == 2);
    CHECK(run_snipcheck("run examples --format xml").status == 2);
    CHECK(run_snipcheck("run examples --timeout 0").status == 2);
    CHECK(run_snipcheck("run examples --jobs many").status == 2);
    CHECK(run_snipcheck("run examples --python /no/such/python").status == 2);
    CHECK(run_snipcheck("run examples --no-cache --format json").status == 0);
}

TEST_CASE("another python3 first on PATH does not change the embedded interpreter", "[e2e][run]") {
    // pyenv and virtualenvs put their own python3 first; the embedded
    // interpreter once took its standard library from there and failed.
    char folder[] = "/tmp/snipcheck-fake-python-XXXXXX";
    REQUIRE(::mkdtemp(folder) != nullptr);
    const std::string fake = std::string(folder) + "/python3";
    std::ofstream(fake) << "#!/bin/sh\nexit 1\n";
    ::chmod(fake.c_str(), 0755);
    const auto run = run_snipcheck("run examples --format json", false,
                                   std::string("PATH=") + folder + ":$PATH PYTHONHOME=/nowhere PYTHONPATH=/nowhere");
    std::remove(fake.c_str());
    ::rmdir(folder);
    CHECK(run.status == 0);
    const json report = json::parse(run.out);
    CHECK(report["summary"]["error"] == 0);
    CHECK(report["summary"]["pass"].get<int>() >= 15);
}

TEST_CASE("a snippet finds no value of the caller's environment anywhere in its own memory", "[e2e][run]") {
    // snipcheck starts with the token in its environment block, which every
    // runner inherits (forks, no exec) unless it is wiped.
    const auto run = run_snipcheck("run tests/data/e2e/environment_memory.md --format json --no-cache", false,
                                   "SNIPCHECK_TEST_TOKEN=S3CRETVALUE_4242");
    const json report = json::parse(run.out);
    INFO(report.dump(1));
    CHECK(report["snippets"][0]["status"] == "pass");
}

TEST_CASE("run checks SQL, Dockerfile, YAML, nginx and shell snippets, JSON keeps the contract", "[e2e][run]") {
    const auto run = run_snipcheck("run tests/data/e2e/other_languages.md --format json");
    CHECK(run.status == 1);
    const json report = json::parse(run.out);
    check_contract(report);
    const json* table = snippet_at(report, 6);
    const json* dockerfile = snippet_at(report, 18);
    const json* yaml = snippet_at(report, 26);
    const json* nginx = snippet_at(report, 36);
    const json* shell = snippet_at(report, 47);
    REQUIRE(table != nullptr);
    REQUIRE(dockerfile != nullptr);
    REQUIRE(yaml != nullptr);
    REQUIRE(nginx != nullptr);
    REQUIRE(shell != nullptr);
    CHECK((*table)["status"] == "fail");
    CHECK((*table)["expectations"][0]["line"] == 11);
    CHECK((*dockerfile)["status"] == "error");
    CHECK((*dockerfile)["evidence"] == "static");
    CHECK((*dockerfile)["exception"]["line"] == 19);
    CHECK((*yaml)["status"] == "error");
    CHECK((*yaml)["message"].get<std::string>().find("JSON with comments") != std::string::npos);
    CHECK((*nginx)["status"] == "error");
    CHECK((*nginx)["exception"]["line"] == 40);
    CHECK_FALSE((*nginx)["stubs"].empty());
    CHECK((*shell)["status"] == "pass");
    bool sc2086 = false;
    for (const json& finding : (*shell)["findings"]) {
        sc2086 = sc2086 || (finding["rule"] == "SC2086" && finding["line"] == 48);
    }
    CHECK(sc2086);
}
