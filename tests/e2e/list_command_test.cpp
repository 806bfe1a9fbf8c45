// End to end: the built binary over examples/ and over bad input.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "tests/e2e/run_binary.hpp"

namespace {

using snipcheck::test::run_snipcheck;

std::string read_file(const std::string& path) {
    std::ifstream stream(path, std::ios::binary);
    std::stringstream buffer;
    buffer << stream.rdbuf();
    return buffer.str();
}

// Compares with a golden file; SNIPCHECK_UPDATE_GOLDEN=1 rewrites it instead.
void check_golden(const std::string& name, const std::string& actual) {
    const std::string path = std::string(SNIPCHECK_TEST_DATA) + "/e2e/" + name;
    if (std::getenv("SNIPCHECK_UPDATE_GOLDEN") != nullptr) {
        std::ofstream(path, std::ios::binary) << actual;
    }
    const std::string expected = read_file(path);
    INFO("golden file " << path << " (SNIPCHECK_UPDATE_GOLDEN=1 rewrites it)");
    CHECK(actual == expected);
}

}  // namespace

TEST_CASE("list examples as JSON matches the golden inventory", "[e2e]") {
    const auto run = run_snipcheck("list examples --format json");
    REQUIRE(run.status == 0);
    const auto report = nlohmann::json::parse(run.out);
    CHECK(report["schema"] == 1);
    CHECK(report["snippets"].size() >= 20);
    for (const auto& snippet : report["snippets"]) {
        CHECK(snippet.contains("id"));
        CHECK(snippet["start_line"].get<int>() <= snippet["end_line"].get<int>());
        CHECK(snippet["file"].get<std::string>().rfind("examples/", 0) == 0);
    }
    check_golden("examples.list.json", run.out);
}

TEST_CASE("list examples as a table matches the golden table", "[e2e]") {
    const auto run = run_snipcheck("list examples");
    REQUIRE(run.status == 0);
    check_golden("examples.list.txt", run.out);
}

TEST_CASE("usage errors exit 2 with one line", "[e2e]") {
    CHECK(run_snipcheck("").status == 2);
    CHECK(run_snipcheck("list").status == 2);
    CHECK(run_snipcheck("list examples --format yaml").status == 2);
    CHECK(run_snipcheck("frobnicate").status == 2);
    const auto run = run_snipcheck("list examples --bogus", true);
    CHECK(run.status == 2);
    CHECK(run.out.rfind("snipcheck: error: unknown option '--bogus'", 0) == 0);
}

TEST_CASE("unreadable, missing and binary inputs are reported and skipped", "[e2e]") {
    const auto missing = run_snipcheck("list no/such/file.md examples/plain.txt", true);
    CHECK(missing.status == 1);
    CHECK(missing.out.find("no/such/file.md: error: no such file or folder") != std::string::npos);
    CHECK(missing.out.find("examples/plain.txt") != std::string::npos);

    const auto binary = run_snipcheck("list '" + std::string(SNIPCHECK_BINARY) + "' examples/plain.txt", true);
    CHECK(binary.status == 1);
    CHECK(binary.out.find(": error: binary file") != std::string::npos);
    CHECK(binary.out.find("examples/plain.txt") != std::string::npos);
}

TEST_CASE("standard input is read for -", "[e2e]") {
    const auto run = run_snipcheck("list - --format json < examples/indented.md");
    REQUIRE(run.status == 0);
    const auto report = nlohmann::json::parse(run.out);
    REQUIRE(report["snippets"].size() == 2);
    CHECK(report["snippets"][0]["file"] == "-");
    CHECK(report["snippets"][1]["start_line"] == 11);
}

TEST_CASE("the output option writes the report to a file", "[e2e]") {
    const std::string path = "/tmp/snipcheck-e2e-output.json";
    std::remove(path.c_str());
    const auto run = run_snipcheck("list examples/sessions.md --format json --output " + path);
    REQUIRE(run.status == 0);
    CHECK(run.out.empty());
    const auto report = nlohmann::json::parse(read_file(path));
    CHECK(report["snippets"].size() == 2);
    std::remove(path.c_str());
}

TEST_CASE("an unknown directive is an error at its line", "[e2e]") {
    const std::string path = "/tmp/snipcheck-e2e-directive.md";
    std::ofstream(path) << "# T\n\n<!-- snipcheck: frobnicate -->\n```python\nx = 1\n```\n";
    const auto run = run_snipcheck("list " + path, true);
    CHECK(run.status == 1);
    CHECK(run.out.find(path + ":3: error: unknown snipcheck directive 'frobnicate'") != std::string::npos);
    std::remove(path.c_str());
}
