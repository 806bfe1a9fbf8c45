// The .pre-commit-hooks.yaml at the repository root is what pre-commit reads
// to run snipcheck as a hook: it must parse and name the hook as documented.
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include <yaml-cpp/yaml.h>

TEST_CASE("pre-commit: .pre-commit-hooks.yaml parses and declares the snipcheck hook", "[config][pre-commit]") {
    const YAML::Node hooks = YAML::LoadFile(std::string(SNIPCHECK_SOURCE_DIR) + "/.pre-commit-hooks.yaml");
    REQUIRE(hooks.IsSequence());
    REQUIRE(hooks.size() == 1);
    const YAML::Node hook = hooks[0];
    CHECK(hook["id"].as<std::string>() == "snipcheck");
    CHECK(hook["name"].as<std::string>() == "snipcheck");
    CHECK(hook["entry"].as<std::string>() == "snipcheck run");
    CHECK(hook["language"].as<std::string>() == "system");
    CHECK(hook["pass_filenames"].as<bool>());
    CHECK(hook["require_serial"].as<bool>());
    // pre-commit applies `files` with Python's re.search; this one reads the same in ECMAScript.
    const std::regex files(hook["files"].as<std::string>());
    CHECK(std::regex_search("docs/guide.md", files));
    CHECK(std::regex_search("README.markdown", files));
    CHECK(std::regex_search("notes/answer.txt", files));
    CHECK_FALSE(std::regex_search("src/cli.cpp", files));
    CHECK_FALSE(std::regex_search("docs/guide.md.orig", files));
}
