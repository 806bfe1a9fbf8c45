#include "src/config_file.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "extractor/extractor.hpp"
#include "src/path_rules.hpp"
#include "src/run_configuration.hpp"
#include "tests/extractor/test_documents.hpp"

using namespace snipcheck;

namespace {

namespace fs = std::filesystem;

constexpr const char* k_folder = "/project";

ConfigFile parsed(const std::string& text, const std::string& path = "snipcheck.toml") {
    auto config = parse_config(text, path, k_folder);
    if (!config) {
        for (const Diagnostic& error : config.error()) {
            UNSCOPED_INFO(format_diagnostic(error));
        }
    }
    REQUIRE(config.has_value());
    return std::move(*config);
}

// Every error the file holds, one formatted line each.
std::vector<std::string> errors_of(const std::string& text, const std::string& path = "snipcheck.toml") {
    auto config = parse_config(text, path, k_folder);
    REQUIRE_FALSE(config.has_value());
    std::vector<std::string> lines;
    for (const Diagnostic& error : config.error()) {
        lines.push_back(format_diagnostic(error));
    }
    return lines;
}

// A folder under the system's temporary folder, removed with everything in it.
class TempFolder {
public:
    TempFolder() {
        std::string pattern = (fs::temp_directory_path() / "snipcheck-config-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        m_path = pattern;
    }
    ~TempFolder() {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    const fs::path& path() const { return m_path; }

    void write(const std::string& relative, const std::string& text) const {
        fs::create_directories((m_path / relative).parent_path());
        std::ofstream(m_path / relative) << text;
    }

private:
    fs::path m_path;
};

const char* k_full_config = R"(# every key snipcheck reads
include = ["docs/**/*.md", "README.md"]
exclude = ["docs/drafts", "**/CHANGELOG.md"]
timeout = 30
jobs = 4
format = "json"
sql-engine = "postgres"
python = "venv/bin/python3"
allow-fail = ["docs/legacy/**", "docs/guide.md:42", "f52fad9d599c"]

[fixtures]
django = "on"
redis = "off"

[[overrides]]
paths = ["docs/slow/**"]
timeout = 120
session = "document"

[[overrides]]
paths = ["docs/windows/*.md"]
skip = "needs Windows"
language = "powershell"
)";

}  // namespace

TEST_CASE("config: a file with every key is read", "[config]") {
    const ConfigFile config = parsed(k_full_config);
    REQUIRE(config.include.size() == 2);
    CHECK(config.include[0].text() == "docs/**/*.md");
    CHECK(config.include_position.line == 2);
    CHECK(config.include_position.column == 11);
    REQUIRE(config.exclude.size() == 2);
    CHECK(config.exclude[1].text() == "**/CHANGELOG.md");
    CHECK(config.timeout_seconds == 30.0);
    CHECK(config.jobs == 4);
    CHECK(config.format == "json");
    CHECK(config.sql_engine == runners::sql::SqlEngine::postgres);
    CHECK(config.python == "/project/venv/bin/python3");  // relative to the file's folder
    CHECK(config.fixtures.django == FixtureSwitch::on);
    CHECK(config.fixtures.redis == FixtureSwitch::off);
    REQUIRE(config.rules.overrides.size() == 2);
    CHECK(config.rules.overrides[0].timeout_seconds == 120.0);
    CHECK(config.rules.overrides[0].session == "document");
    CHECK(config.rules.overrides[1].skip == true);
    CHECK(config.rules.overrides[1].skip_reason == "needs Windows");
    CHECK(config.rules.overrides[1].language == "powershell");
    REQUIRE(config.rules.allow_fail.size() == 3);
    CHECK(config.rules.allow_fail[0].paths->text() == "docs/legacy/**");
    CHECK(config.rules.allow_fail[1].paths->text() == "docs/guide.md");
    CHECK(config.rules.allow_fail[1].line == 42);
    CHECK(config.rules.allow_fail[2].id == "f52fad9d599c");
    CHECK(config.rules.base_folder == "/project");
}

TEST_CASE("config: report files named in format are relative to the file's folder", "[config]") {
    CHECK(parsed("format = \"term,json=out/report.json,sarif=/tmp/x.sarif,html=-\"\n").format ==
          "term,json=/project/out/report.json,sarif=/tmp/x.sarif,html=-");
}

TEST_CASE("config: an empty file sets nothing", "[config]") {
    const ConfigFile config = parsed("");
    CHECK(config.include.empty());
    CHECK_FALSE(config.timeout_seconds.has_value());
    CHECK(config.format.empty());
    CHECK(config.python.empty());
    CHECK(config.fixtures.django == FixtureSwitch::auto_detect);
}

TEST_CASE("config: pyproject.toml is read from its [tool.snipcheck] table", "[config]") {
    const ConfigFile config = parsed(R"([project]
name = "demo"
timeout = "not ours"

[tool.snipcheck]
timeout = 5
exclude = ["build"]

[tool.snipcheck.fixtures]
django = false

[[tool.snipcheck.overrides]]
paths = ["docs/db/**"]
skip = true
)",
                                     "pyproject.toml");
    CHECK(config.timeout_seconds == 5.0);
    CHECK(config.format.empty());
    REQUIRE(config.exclude.size() == 1);
    CHECK(config.fixtures.django == FixtureSwitch::off);
    REQUIRE(config.rules.overrides.size() == 1);
    CHECK(config.rules.overrides[0].skip == true);
}

TEST_CASE("config: pyproject.toml keys are checked like snipcheck.toml's", "[config]") {
    CHECK(errors_of("[tool.snipcheck]\ntimout = 5\n", "pyproject.toml") ==
          std::vector<std::string>{
              "pyproject.toml:2:1: error: unknown key 'timout' in [tool.snipcheck] (did you mean 'timeout'?)"});
    CHECK(errors_of("[project]\nname = \"x\"\n", "pyproject.toml") ==
          std::vector<std::string>{
              "pyproject.toml: error: no [tool.snipcheck] table: snipcheck reads its settings from there"});
}

TEST_CASE("config: an unknown key is an error at its line and column", "[config]") {
    CHECK(errors_of("include = [\"docs\"]\n  timout = 3\n") ==
          std::vector<std::string>{"snipcheck.toml:2:3: error: unknown key 'timout' (did you mean 'timeout'?)"});
    CHECK(errors_of("allow_fail = []\n") ==
          std::vector<std::string>{"snipcheck.toml:1:1: error: unknown key 'allow_fail' (did you mean 'allow-fail'?)"});
    const auto far = errors_of("colour = \"red\"\n");
    REQUIRE(far.size() == 1);
    CHECK(far[0].rfind("snipcheck.toml:1:1: error: unknown key 'colour' (known: include, exclude, timeout,", 0) == 0);
    CHECK(errors_of("[[overrides]]\npaths = [\"a\"]\ntimeuot = 3\n") ==
          std::vector<std::string>{
              "snipcheck.toml:3:1: error: unknown key 'timeuot' in [[overrides]] (did you mean 'timeout'?)"});
    CHECK(errors_of("[fixtures]\ndjnago = \"on\"\n") ==
          std::vector<std::string>{"snipcheck.toml:2:1: error: unknown key 'djnago' in [fixtures] (did you mean "
                                   "'django'?)"});
}

TEST_CASE("config: every error is reported, in file order", "[config]") {
    CHECK(errors_of("zeta = 1\ntimeout = -2\nalpha = 1\n") ==
          std::vector<std::string>{
              "snipcheck.toml:1:1: error: unknown key 'zeta' (known: include, exclude, timeout, jobs, format, "
              "sql-engine, python, fixtures, overrides, allow-fail, cache-max-mb)",
              "snipcheck.toml:2:11: error: 'timeout' is a number of seconds above 0 and at most 86400, not -2",
              "snipcheck.toml:3:1: error: unknown key 'alpha' (known: include, exclude, timeout, jobs, format, "
              "sql-engine, python, fixtures, overrides, allow-fail, cache-max-mb)"});
}

TEST_CASE("config: a value of the wrong type is an error at the value", "[config]") {
    CHECK(errors_of("timeout = \"3\"\n") ==
          std::vector<std::string>{"snipcheck.toml:1:11: error: 'timeout' is a number of seconds, not a string"});
    CHECK(errors_of("include = \"docs/*.md\"\n") ==
          std::vector<std::string>{
              "snipcheck.toml:1:11: error: 'include' is a list of globs ([\"docs/**/*.md\"]), not a string"});
    CHECK(errors_of("exclude = [\"a\", 3]\n") ==
          std::vector<std::string>{
              "snipcheck.toml:1:17: error: 'exclude' is a list of globs, each a string, not an integer"});
    CHECK(errors_of("jobs = 2.5\n") ==
          std::vector<std::string>{"snipcheck.toml:1:8: error: 'jobs' is a whole number from 1 to 256, not a float"});
    CHECK(errors_of("fixtures = \"django\"\n") ==
          std::vector<std::string>{
              "snipcheck.toml:1:12: error: 'fixtures' is a table ([fixtures] django = \"auto\"), not a string"});
    CHECK(errors_of("[[overrides]]\npaths = [\"a\"]\nskip = 1\n") ==
          std::vector<std::string>{
              "snipcheck.toml:3:8: error: 'skip' is true, false or a reason (a string), not an integer"});
    CHECK(errors_of("overrides = 3\n").size() == 1);
}

TEST_CASE("config: bad values and bad globs are errors at the value", "[config]") {
    CHECK(errors_of("timeout = 0\n") ==
          std::vector<std::string>{
              "snipcheck.toml:1:11: error: 'timeout' is a number of seconds above 0 and at most 86400, not 0"});
    CHECK(errors_of("timeout = inf\n").size() == 1);
    CHECK(errors_of("jobs = 0\n") ==
          std::vector<std::string>{"snipcheck.toml:1:8: error: 'jobs' is a whole number from 1 to 256, not 0"});
    CHECK(errors_of("format = \"xml\"\n") ==
          std::vector<std::string>{"snipcheck.toml:1:10: error: 'format': unknown format 'xml' (known: term, json, "
                                   "junit, sarif, github, html)"});
    CHECK(errors_of("format = \"json=r.json,sarif=r.json\"\n").size() == 1);  // two reports in one file
    CHECK(errors_of("sql-engine = \"oracle\"\n") ==
          std::vector<std::string>{
              "snipcheck.toml:1:14: error: 'sql-engine' is sqlite, mariadb, postgres or auto, not 'oracle'"});
    CHECK(errors_of("include = [\"docs/[ab.md\"]\n") ==
          std::vector<std::string>{"snipcheck.toml:1:12: error: bad glob 'docs/[ab.md' in 'include': unclosed '['"});
    CHECK(errors_of("[[overrides]]\ntimeout = 3\n") ==
          std::vector<std::string>{"snipcheck.toml:1:1: error: an [[overrides]] table needs 'paths', the globs of "
                                   "the documents it applies to"});
    CHECK(errors_of("[[overrides]]\npaths = [\"a\"]\nsession = \"shared\"\n") ==
          std::vector<std::string>{
              "snipcheck.toml:3:11: error: 'session' is \"isolated\", \"document\" or \"auto\", not 'shared'"});
    CHECK(errors_of("allow-fail = [\"docs/a.md:0\"]\n") ==
          std::vector<std::string>{
              "snipcheck.toml:1:15: error: bad line in allow-fail entry 'docs/a.md:0': lines start at 1"});
}

TEST_CASE("config: a TOML syntax error is reported at its place", "[config]") {
    const auto errors = errors_of("timeout = 3\ninclude = [\"a\"\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].rfind("snipcheck.toml:", 0) == 0);
    CHECK(errors[0].find(": error: ") != std::string::npos);
    CHECK(errors[0].rfind("snipcheck.toml:1:", 0) != 0);  // not on the valid first line
}

TEST_CASE("config: the file's settings are defaults the command line replaces", "[config]") {
    const RunOptions built_in;
    const RunOptions from_file = run_options_from(parsed("timeout = 2.5\njobs = 3\n"));
    CHECK(from_file.timeout_seconds == 2.5);
    CHECK(from_file.jobs == 3);
    // What the file leaves unset keeps the built-in default.
    CHECK(from_file.sql_engine == built_in.sql_engine);
    CHECK(from_file.python == built_in.python);
    CHECK(run_options_from(parsed("")).timeout_seconds == built_in.timeout_seconds);
}

TEST_CASE("config: overrides give matching documents directive defaults, later tables winning", "[config]") {
    const ConfigFile config = parsed(R"([[overrides]]
paths = ["docs/**"]
timeout = 20
session = "isolated"

[[overrides]]
paths = ["docs/slow"]
timeout = 90
)");
    const extractor::Directives slow = directive_defaults(config.rules, "/project/docs/slow/a.md");
    CHECK(slow.timeout_seconds == 90.0);
    CHECK(slow.session == "isolated");
    const extractor::Directives other = directive_defaults(config.rules, "/project/docs/intro.md");
    CHECK(other.timeout_seconds == 20.0);
    const extractor::Directives outside = directive_defaults(config.rules, "/project/README.md");
    CHECK_FALSE(outside.timeout_seconds.has_value());
    CHECK_FALSE(directive_defaults(config.rules, "/elsewhere/docs/a.md").timeout_seconds.has_value());
    CHECK_FALSE(directive_defaults(config.rules, "-").timeout_seconds.has_value());
}

TEST_CASE("config: a document's directive beats an override for its snippet", "[config]") {
    const ConfigFile config = parsed(R"([[overrides]]
paths = ["docs/*.md"]
timeout = 20
skip = "slow in CI"
)");
    const std::string path = "/project/docs/guide.md";
    const extractor::Document document = test::document_from_bytes(path, R"(# Guide

```python
print(1)  # Output: 1
```

<!-- snipcheck: timeout=3 -->
```python
print(2)  # Output: 2
```
)");
    const extractor::ExtractedDocument extracted = extractor::extract(document, directive_defaults(config.rules, path));
    REQUIRE(extracted.snippets.size() == 2);
    CHECK(extracted.snippets[0].directives.timeout_seconds == 20.0);
    CHECK(extracted.snippets[0].directives.skip);
    CHECK(extracted.snippets[0].directives.skip_reason == "slow in CI");
    CHECK(extracted.snippets[1].directives.timeout_seconds == 3.0);
    // The override's language, when set, goes the same way.
    const ConfigFile tagged = parsed("[[overrides]]\npaths = [\"**\"]\nlanguage = \"text\"\n");
    const extractor::ExtractedDocument retagged = extractor::extract(document, directive_defaults(tagged.rules, path));
    REQUIRE(retagged.snippets.size() == 2);
    CHECK(retagged.snippets[0].language == "text");
}

TEST_CASE("config: allow-fail names snippets by glob, by path and line, and by id", "[config]") {
    const ConfigFile config = parsed(R"(allow-fail = ["docs/legacy/**", "docs/guide.md:12", "0123456789ab-2"])");
    extractor::Snippet snippet;
    snippet.file = "/project/docs/legacy/old.md";
    snippet.start_line = 40;
    snippet.end_line = 44;
    CHECK(allowed_to_fail(config.rules, snippet));
    snippet.file = "/project/docs/guide.md";
    CHECK_FALSE(allowed_to_fail(config.rules, snippet));
    snippet.start_line = 10;
    snippet.end_line = 14;
    CHECK(allowed_to_fail(config.rules, snippet));  // line 12 is inside it
    snippet.start_line = 13;
    snippet.end_line = 20;
    CHECK(allowed_to_fail(config.rules, snippet));  // line 12 is its opening fence
    snippet.form = extractor::SnippetForm::indented;
    CHECK_FALSE(allowed_to_fail(config.rules, snippet));  // an indented block has no fence
    snippet.file = "/project/docs/other.md";
    snippet.id = "0123456789ab-2";
    CHECK(allowed_to_fail(config.rules, snippet));
    snippet.id = "0123456789ab";
    CHECK_FALSE(allowed_to_fail(config.rules, snippet));
}

TEST_CASE("config: the nearest file is found upward, not past a .git folder", "[config]") {
    const TempFolder root;
    root.write("snipcheck.toml", "timeout = 1\n");  // above the repository: never read
    root.write("repo/.git/HEAD", "ref: refs/heads/main\n");
    root.write("repo/docs/guide/page.md", "# Page\n");
    const std::string deep = (root.path() / "repo/docs/guide").string();

    auto none = find_config(deep);
    REQUIRE(none.has_value());
    CHECK_FALSE(none->has_value());

    root.write("repo/pyproject.toml", "[project]\nname = \"demo\"\n");  // no [tool.snipcheck]: passed over
    auto still_none = find_config(deep);
    REQUIRE(still_none.has_value());
    CHECK_FALSE(still_none->has_value());

    root.write("repo/pyproject.toml", "[tool.snipcheck]\ntimeout = 7\n");
    auto pyproject = find_config(deep);
    REQUIRE(pyproject.has_value());
    REQUIRE(pyproject->has_value());
    CHECK((*pyproject)->timeout_seconds == 7.0);
    CHECK((*pyproject)->path == "../../pyproject.toml");
    CHECK((*pyproject)->folder == (root.path() / "repo").string());

    root.write("repo/docs/snipcheck.toml", "timeout = 9\n");  // nearer wins
    auto nearest = find_config(deep);
    REQUIRE(nearest.has_value());
    REQUIRE(nearest->has_value());
    CHECK((*nearest)->timeout_seconds == 9.0);
    CHECK((*nearest)->path == "../snipcheck.toml");

    root.write("repo/docs/snipcheck.toml", "timeout = \"9\"\n");  // found and invalid: an error
    auto invalid = find_config(deep);
    REQUIRE_FALSE(invalid.has_value());
    CHECK(format_diagnostic(invalid.error().front()) ==
          "../snipcheck.toml:1:11: error: 'timeout' is a number of seconds, not a string");
}

TEST_CASE("config: --config names the file, --no-config reads none", "[config]") {
    const TempFolder root;
    root.write("ci.toml", "jobs = 2\n");
    ConfigChoice given{ConfigSearch::given, (root.path() / "ci.toml").string()};
    auto config = load_config(given);
    REQUIRE(config.has_value());
    REQUIRE(config->has_value());
    CHECK((*config)->jobs == 2);

    given.path = (root.path() / "missing.toml").string();
    auto missing = load_config(given);
    REQUIRE_FALSE(missing.has_value());
    CHECK(format_diagnostic(missing.error().front()) == given.path + ": error: no such configuration file");

    auto none = load_config(ConfigChoice{ConfigSearch::none, {}});
    REQUIRE(none.has_value());
    CHECK_FALSE(none->has_value());
}

TEST_CASE("config: cache-max-mb sets the cache's size limit in MiB", "[config]") {
    const auto config = parse_config("cache-max-mb = 64\n", "snipcheck.toml", "/project");
    REQUIRE(config.has_value());
    CHECK(config->cache_max_bytes == std::uintmax_t{64} << 20);
    CHECK(errors_of("cache-max-mb = 0\n") ==
          std::vector<std::string>{
              "snipcheck.toml:1:16: error: 'cache-max-mb' is a whole number of MiB from 1 to 1048576, not 0"});
    CHECK(errors_of("cache-max-mb = \"1G\"\n") ==
          std::vector<std::string>{"snipcheck.toml:1:16: error: 'cache-max-mb' is a whole number of MiB from 1 to "
                                   "1048576, not a string"});
}
