// End to end: `snipcheck list` and `run` over blocks that hold several files.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/e2e/run_binary.hpp"

namespace {

struct ListedPart {
    std::string language;
    std::string part_file;  // "" when the snippet has none
    int start_line = 0;
    int end_line = 0;

    bool operator==(const ListedPart&) const = default;
};

}  // namespace

namespace Catch {
template <>
struct StringMaker<ListedPart> {
    static std::string convert(const ListedPart& part) {
        return part.language + " '" + part.part_file + "' " + std::to_string(part.start_line) + "-" +
               std::to_string(part.end_line);
    }
};
}  // namespace Catch

TEST_CASE("list --format json shows each file of a mixed block with its language and lines", "[e2e][file_parts]") {
    const auto run = snipcheck::test::run_snipcheck("list tests/data/extractor/mixed_block_files.md --format json");
    REQUIRE(run.status == 0);
    const auto report = nlohmann::json::parse(run.out);
    std::vector<ListedPart> listed;
    for (const auto& snippet : report["snippets"]) {
        listed.push_back({snippet["language"].get<std::string>(), snippet.value("part_file", std::string()),
                          snippet["start_line"].get<int>(), snippet["end_line"].get<int>()});
    }
    const std::vector<ListedPart> expected = {
        {"python", "models.py", 6, 9},
        {"python", "views.py", 11, 15},
        {"django-template", "templates/articles/list.html", 18, 20},
        {"dotenv", ".env", 23, 24},
        {"text", "requirements.txt", 27, 27},
        {"python", "", 33, 37},
        {"python", "settings.py", 43, 44},
    };
    CHECK(listed == expected);
    REQUIRE(report["snippets"].size() == expected.size());
    const auto& views = report["snippets"][1];
    REQUIRE(views["expectations"].size() == 1);
    CHECK(views["expectations"][0]["line"] == 15);
    CHECK(views["expectations"][0]["expected"] == "['One']");
    CHECK(report["snippets"][3]["line_map"] == nlohmann::json::array({23, 24}));
    CHECK(report["snippets"][3]["code"] == "SECRET_KEY=change-me\nDEBUG=1");
    CHECK_FALSE(report["snippets"][5].contains("part_file"));
}

TEST_CASE("run checks the .env part of a mixed block as KEY=VALUE lines", "[e2e][file_parts]") {
    const auto run = snipcheck::test::run_snipcheck("run tests/data/e2e/mixed_block_env.md --format json");
    CHECK(run.status == 1);
    const auto report = nlohmann::json::parse(run.out);
    REQUIRE(report["snippets"].size() == 2);
    const auto& env = report["snippets"][0];
    CHECK(env["language"] == "dotenv");
    CHECK(env["part_file"] == ".env");
    CHECK(env["status"] == "error");
    CHECK(env["evidence"] == "static");
    CHECK(env["exception"]["line"] == 7);
    std::vector<std::string> findings;
    for (const auto& finding : env["findings"]) {
        findings.push_back(finding["rule"].get<std::string>() + "@" + std::to_string(finding["line"].get<int>()));
    }
    CHECK(findings == std::vector<std::string>{"dotenv-spaces@6", "dotenv-quote@7"});
    const auto& settings = report["snippets"][1];
    CHECK(settings["language"] == "python");
    CHECK(settings["part_file"] == "settings.py");
    CHECK(settings["status"] == "pass");
    CHECK(settings["start_line"] == 9);
}
