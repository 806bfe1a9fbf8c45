// End to end: `snipcheck run` in a project folder holding a snipcheck.toml,
// as a user (or a pre-commit hook) runs it there: include and exclude, an
// override's timeout and skip, allow-fail, and a bad key's message.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "tests/e2e/run_binary.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using snipcheck::test::BinaryRun;

// A project in a temporary folder, removed with everything in it.
class ProjectFolder {
public:
    ProjectFolder() {
        std::string pattern = (fs::temp_directory_path() / "snipcheck-e2e-config-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        m_root = pattern;
    }
    ~ProjectFolder() {
        std::error_code ignored;
        fs::remove_all(m_root, ignored);
    }
    ProjectFolder(const ProjectFolder&) = delete;
    ProjectFolder& operator=(const ProjectFolder&) = delete;

    void write(const std::string& relative, const std::string& text) const {
        fs::create_directories((m_root / relative).parent_path());
        std::ofstream(m_root / relative) << text;
    }

    std::string read(const std::string& relative) const {
        std::ifstream in(m_root / relative);
        std::ostringstream text;
        text << in.rdbuf();
        return text.str();
    }

    // Runs build/snipcheck with `relative` as the working folder.
    BinaryRun run(const std::string& arguments, const std::string& relative = ".") const {
        const std::string command = "cd '" + (m_root / relative).string() + "' && '" + SNIPCHECK_BINARY + "' " +
                                    arguments + " 2>&1";
        BinaryRun result;
        FILE* pipe = ::popen(command.c_str(), "r");
        REQUIRE(pipe != nullptr);
        std::array<char, 4096> buffer{};
        std::size_t n = 0;
        while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
            result.out.append(buffer.data(), n);
        }
        const int raw = ::pclose(pipe);
        result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
        return result;
    }

private:
    fs::path m_root;
};

const char* k_failing = "# Claims\n\n```python\nprint(1)  # Output: 2\n```\n";

// docs/ holds what the configuration includes; README.md is outside it,
// docs/drafts is excluded.
void write_project(const ProjectFolder& project) {
    project.write("snipcheck.toml", R"(# what `snipcheck run` checks here
include = ["docs/**/*.md"]
exclude = ["docs/drafts"]
format = "json"
timeout = 10
allow-fail = ["docs/known_bad.md"]

[[overrides]]
paths = ["docs/slow.md"]
timeout = 1

[[overrides]]
paths = ["docs/windows.md"]
skip = "needs Windows"
)");
    project.write("docs/good.md", "# Good\n\n```python\nprint(1 + 1)  # Output: 2\n```\n");
    project.write("docs/slow.md", R"(# Slow

```python
while True:
    pass
```

<!-- snipcheck: timeout=20 -->
```python
import time
time.sleep(1.5)
print("done")  # Output: done
```
)");
    project.write("docs/windows.md", k_failing);
    project.write("docs/known_bad.md", k_failing);
    project.write("docs/drafts/draft.md", k_failing);
    project.write("README.md", k_failing);
}

const json* snippet_in(const json& report, const std::string& file_suffix, int start_line) {
    for (const json& snippet : report["snippets"]) {
        const std::string file = snippet["file"].get<std::string>();
        if (snippet["start_line"] == start_line && file.size() >= file_suffix.size() &&
            file.compare(file.size() - file_suffix.size(), file_suffix.size(), file_suffix) == 0) {
            return &snippet;
        }
    }
    return nullptr;
}

json parse_report(const BinaryRun& run) {
    INFO(run.out);
    const std::size_t start = run.out.find('{');  // stderr (sandbox warnings) may come first
    REQUIRE(start != std::string::npos);
    return json::parse(run.out.substr(start));
}

}  // namespace

TEST_CASE("run with snipcheck.toml: include, exclude, override timeout and skip, allow-fail", "[e2e][config]") {
    const ProjectFolder project;
    write_project(project);

    // No paths: the config's include, less its exclude; its format (json).
    const BinaryRun run = project.run("run");
    INFO(run.out);
    CHECK(run.status == 1);  // the timeout in docs/slow.md is not allowed to fail
    const json report = parse_report(run);
    std::set<std::string> files;
    for (const json& snippet : report["snippets"]) {
        files.insert(snippet["file"].get<std::string>());
    }
    CHECK(files == std::set<std::string>{"docs/good.md", "docs/known_bad.md", "docs/slow.md", "docs/windows.md"});

    const json* forever = snippet_in(report, "docs/slow.md", 4);
    REQUIRE(forever != nullptr);
    CHECK((*forever)["status"] == "timeout");
    CHECK((*forever)["message"].get<std::string>().find("after 1 s") != std::string::npos);
    // Its directive beats the override: 1.5 s of sleep passes under timeout=20.
    const json* sleeps = snippet_in(report, "docs/slow.md", 10);
    REQUIRE(sleeps != nullptr);
    CHECK((*sleeps)["status"] == "pass");

    const json* windows = snippet_in(report, "docs/windows.md", 4);
    REQUIRE(windows != nullptr);
    CHECK((*windows)["status"] == "skip");
    CHECK((*windows)["message"].get<std::string>().find("needs Windows") != std::string::npos);

    const json* allowed = snippet_in(report, "docs/known_bad.md", 4);
    REQUIRE(allowed != nullptr);
    CHECK((*allowed)["status"] == "fail");
    CHECK((*allowed)["allowed_to_fail"] == true);
    const json* good = snippet_in(report, "docs/good.md", 4);
    REQUIRE(good != nullptr);
    CHECK((*good)["status"] == "pass");
    CHECK_FALSE(good->contains("allowed_to_fail"));
}

TEST_CASE("run with snipcheck.toml: allowed failures keep exit status 0, the command line wins", "[e2e][config]") {
    const ProjectFolder project;
    write_project(project);

    // --format on the command line beats the file's format = "json"; a
    // folder named is filtered by exclude.
    const BinaryRun allowed = project.run("run docs/known_bad.md docs/good.md docs/drafts --format term");
    INFO(allowed.out);
    CHECK(allowed.status == 0);
    CHECK(allowed.out.find("docs/known_bad.md:4: fail (allowed): ") != std::string::npos);
    CHECK(allowed.out.find("2 snippets: 1 pass, 1 fail, 0 error, 0 timeout, 0 skip (1 allowed to fail) in ") !=
          std::string::npos);
    CHECK(allowed.out.find("draft") == std::string::npos);

    // CI reports mark it too: a warning annotation, a SARIF warning.
    const BinaryRun github = project.run("run docs/known_bad.md --format github,sarif=known_bad.sarif");
    INFO(github.out);
    CHECK(github.status == 0);
    CHECK(github.out.find("::warning file=docs/known_bad.md,line=4") != std::string::npos);
    CHECK(github.out.find("snipcheck fail (allowed)") != std::string::npos);
    CHECK(github.out.find("::error") == std::string::npos);
    const json sarif = json::parse(project.read("known_bad.sarif"));
    REQUIRE(sarif["runs"][0]["results"].size() == 1);
    CHECK(sarif["runs"][0]["results"][0]["level"] == "warning");
    CHECK(sarif["runs"][0]["results"][0]["properties"]["allowedToFail"] == true);

    // Without the file the same failure fails the run.
    const BinaryRun unconfigured = project.run("run --no-config docs/known_bad.md");
    INFO(unconfigured.out);
    CHECK(unconfigured.status == 1);
    CHECK(unconfigured.out.find("(allowed)") == std::string::npos);
    CHECK(unconfigured.out.find('{') == std::string::npos);  // term: the file's format was not read
}

TEST_CASE("run with snipcheck.toml: files a pre-commit hook passes respect exclude", "[e2e][config]") {
    const ProjectFolder project;
    write_project(project);
    const BinaryRun run = project.run("run docs/drafts/draft.md docs/good.md --format term");
    INFO(run.out);
    CHECK(run.status == 0);
    CHECK(run.out.find("docs/drafts/draft.md: note: not checked: snipcheck.toml excludes it ('docs/drafts')\n") !=
          std::string::npos);
    CHECK(run.out.find("1 snippets: 1 pass,") != std::string::npos);
}

TEST_CASE("run with snipcheck.toml: found from a subfolder, paths shown from there", "[e2e][config]") {
    const ProjectFolder project;
    write_project(project);
    const BinaryRun run = project.run("run good.md", "docs");
    INFO(run.out);
    CHECK(run.status == 0);
    const json report = parse_report(run);  // the file's format = "json"
    REQUIRE(report["snippets"].size() == 1);
    CHECK(report["snippets"][0]["file"] == "good.md");
}

TEST_CASE("run with snipcheck.toml: an unknown key is an error at its line, exit 2", "[e2e][config]") {
    const ProjectFolder project;
    project.write("snipcheck.toml", "include = [\"docs\"]\n\n  timout = 5\n");
    project.write("docs/good.md", "# Good\n\n```python\nprint(1 + 1)  # Output: 2\n```\n");
    const BinaryRun run = project.run("run");
    CHECK(run.status == 2);
    CHECK(run.out == "snipcheck.toml:3:3: error: unknown key 'timout' (did you mean 'timeout'?)\n");

    // --config names another file; errors name it as given.
    project.write("ci/snipcheck-ci.toml", "jobs = \"two\"\n");
    const BinaryRun given = project.run("run --config ci/snipcheck-ci.toml docs");
    CHECK(given.status == 2);
    CHECK(given.out == "ci/snipcheck-ci.toml:1:8: error: 'jobs' is a whole number from 1 to 256, not a string\n");
}

TEST_CASE("list with snipcheck.toml: the documents run would check", "[e2e][config]") {
    const ProjectFolder project;
    write_project(project);

    // No paths: the config's include, less its exclude (README.md is outside
    // include, docs/drafts is excluded).
    const BinaryRun listed = project.run("list --format json");
    INFO(listed.out);
    CHECK(listed.status == 0);
    const json report = parse_report(listed);
    std::set<std::string> files;
    for (const json& snippet : report["snippets"]) {
        files.insert(snippet["file"].get<std::string>());
    }
    CHECK(files == std::set<std::string>{"docs/good.md", "docs/known_bad.md", "docs/slow.md", "docs/windows.md"});

    // A file named explicitly is still dropped by exclude, with the same note as run.
    const BinaryRun named = project.run("list docs/drafts/draft.md docs/good.md");
    INFO(named.out);
    CHECK(named.status == 0);
    CHECK(named.out.find("docs/drafts/draft.md: note: not checked: snipcheck.toml excludes it ('docs/drafts')\n") !=
          std::string::npos);
    CHECK(named.out.find("docs/good.md") != std::string::npos);

    // --no-config lists what it is given; without paths that is a usage error.
    const BinaryRun unconfigured = project.run("list --no-config docs/drafts/draft.md");
    INFO(unconfigured.out);
    CHECK(unconfigured.status == 0);
    CHECK(unconfigured.out.find("excludes") == std::string::npos);
    CHECK(unconfigured.out.find("docs/drafts/draft.md") != std::string::npos);
    CHECK(project.run("list --no-config").status == 2);

    // A bad file stops list as it stops run.
    project.write("snipcheck.toml", "include = [\"docs\"]\n\n  timout = 5\n");
    const BinaryRun bad = project.run("list");
    CHECK(bad.status == 2);
    CHECK(bad.out == "snipcheck.toml:3:3: error: unknown key 'timout' (did you mean 'timeout'?)\n");
}
