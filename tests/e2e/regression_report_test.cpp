// End to end: `run --baseline` and `snipcheck diff` as a team adopting
// snipcheck on a messy corpus uses them: save a report, edit the document
// (one snippet breaks, one is fixed, one is rewritten, a line is inserted
// above them all), compare.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include <stdlib.h>

#include <nlohmann/json.hpp>

#include "tests/e2e/run_binary.hpp"

namespace {

using nlohmann::json;
using snipcheck::test::run_snipcheck;

// The document before: "adds" passes, "multiplies" fails (6 is not 7).
constexpr const char* k_before = R"(# Arithmetic

## Adds

```python
print(1 + 1)
```

```output
2
```

## Multiplies

```python
print(2 * 3)
```

```output
7
```

## Unchanged

```python
print("same")
```

```output
same
```

## Rewritten

```python
print("before")
```

```output
before
```
)";

// After: a line inserted at the top moves every snippet; "adds" now expects
// 3 (regressed), "multiplies" expects 6 (fixed), "rewritten" has new code.
constexpr const char* k_after = R"(# Arithmetic

An unrelated line inserted above every snippet.

## Adds

```python
print(1 + 1)
```

```output
3
```

## Multiplies

```python
print(2 * 3)
```

```output
6
```

## Unchanged

```python
print("same")
```

```output
same
```

## Rewritten

```python
print("after")
```

```output
after
```
)";

class Workspace {
public:
    Workspace() {
        char folder[] = "/tmp/snipcheck-baseline-XXXXXX";
        REQUIRE(::mkdtemp(folder) != nullptr);
        m_folder = folder;
    }
    ~Workspace() { std::filesystem::remove_all(m_folder); }
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    std::string path(const std::string& name) const { return m_folder + "/" + name; }
    void write(const std::string& name, const std::string& text) const { std::ofstream(path(name)) << text; }

private:
    std::string m_folder;
};

const json& snippet_with_code(const json& report, const std::string& code) {
    for (const json& snippet : report["snippets"]) {
        if (snippet["code"] == code) {
            return snippet;
        }
    }
    FAIL("no snippet with code " << code);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("a baseline run: one regression (exit 1), one fix, matched across an inserted line", "[e2e][baseline]") {
    Workspace space;
    space.write("doc.md", k_before);
    const std::string document = space.path("doc.md");
    const std::string old_report = space.path("old.json");
    const auto before = run_snipcheck("run '" + document + "' --format json --output '" + old_report + "'");
    REQUIRE(before.status == 1);  // "multiplies" fails

    space.write("doc.md", k_after);
    const auto after = run_snipcheck("run '" + document + "' --format json --baseline '" + old_report + "'");
    CHECK(after.status == 1);
    const json report = json::parse(after.out);
    const json& adds = snippet_with_code(report, "print(1 + 1)");
    const json& multiplies = snippet_with_code(report, "print(2 * 3)");
    const json& unchanged = snippet_with_code(report, "print(\"same\")");
    const json& rewritten = snippet_with_code(report, "print(\"after\")");
    CHECK(adds["start_line"] == 8);  // two lines below where it was
    CHECK(adds["status"] == "fail");
    CHECK(adds["change"] == "regressed");
    CHECK(adds["baseline_status"] == "pass");
    CHECK(multiplies["status"] == "pass");
    CHECK(multiplies["change"] == "fixed");
    CHECK(multiplies["baseline_status"] == "fail");
    CHECK(unchanged["change"] == "same");
    CHECK(rewritten["change"] == "new");
    CHECK(rewritten["baseline_status"].is_null());
    const json& summary = report["summary"];
    CHECK(summary["regressed"] == 1);
    CHECK(summary["fixed"] == 1);
    CHECK(summary["new"] == 1);
    CHECK(summary["removed"] == 1);
    CHECK(summary["fail"] == 1);
    CHECK(report["baseline"]["file"] == old_report);
    REQUIRE(report["baseline"]["removed"].size() == 1);
    CHECK(report["baseline"]["removed"][0]["start_line"] == 36);
    CHECK(report["baseline"]["removed"][0]["status"] == "pass");

    const auto term = run_snipcheck("run '" + document + "' --baseline '" + old_report + "'");
    CHECK(term.status == 1);
    CHECK(term.out.find(document + ":8: fail:") != std::string::npos);
    CHECK(term.out.find("REGRESSED: was pass in the baseline") != std::string::npos);
    CHECK(term.out.find("FIXED: was fail in the baseline") != std::string::npos);
    CHECK(term.out.find("compared with " + old_report + ": 1 regressed, 1 fixed, 1 new, 1 removed, 1 same") !=
          std::string::npos);

    const auto junit = run_snipcheck("run '" + document + "' --format junit --baseline '" + old_report + "'");
    CHECK(junit.out.find("message=\"regressed (was pass): ") != std::string::npos);

    CHECK(run_snipcheck("run '" + document + "' --baseline '" + old_report + "' --fail-on never").status == 0);
    CHECK(run_snipcheck("run '" + document + "' --baseline '" + old_report + "' --fail-on fail").status == 1);
    CHECK(run_snipcheck("run '" + document + "' --baseline '" + old_report + "' --fail-on error").status == 0);
}

TEST_CASE("a baseline with known failures and nothing regressed exits 0", "[e2e][baseline]") {
    Workspace space;
    space.write("doc.md", k_before);
    const std::string document = space.path("doc.md");
    const std::string old_report = space.path("old.json");
    REQUIRE(run_snipcheck("run '" + document + "' --format json -o '" + old_report + "'").status == 1);
    const auto again = run_snipcheck("run '" + document + "' --format json --baseline '" + old_report + "'");
    CHECK(again.status == 0);
    const json report = json::parse(again.out);
    CHECK(report["summary"]["fail"] == 1);
    CHECK(report["summary"]["regressed"] == 0);
    for (const json& snippet : report["snippets"]) {
        CHECK(snippet["change"] == "same");
    }
}

TEST_CASE("diff of two saved reports lists what changed and exits 1 on a regression", "[e2e][diff]") {
    Workspace space;
    const std::string document = space.path("doc.md");
    const std::string old_report = space.path("old.json");
    const std::string new_report = space.path("new.json");
    space.write("doc.md", k_before);
    REQUIRE(run_snipcheck("run '" + document + "' --format json -o '" + old_report + "'").status == 1);
    space.write("doc.md", k_after);
    REQUIRE(run_snipcheck("run '" + document + "' --format json -o '" + new_report + "'").status == 1);

    const auto diff = run_snipcheck("diff '" + old_report + "' '" + new_report + "'");
    CHECK(diff.status == 1);
    CHECK(diff.out.find(document + ":8: regressed: was pass, now fail: ") != std::string::npos);
    CHECK(diff.out.find(document + ":18: fixed: was fail, now pass: ") != std::string::npos);
    CHECK(diff.out.find(document + ":36: removed: was pass in " + old_report) != std::string::npos);
    CHECK(diff.out.find(document + ":28:") == std::string::npos);  // unchanged: not listed
    CHECK(diff.out.find(document + ":38:") == std::string::npos);  // new and passing: not listed
    CHECK(diff.out.find(": 1 regressed, 1 fixed, 1 new, 1 removed, 1 same\n") != std::string::npos);

    const auto as_json = run_snipcheck("diff '" + old_report + "' '" + new_report + "' --format json");
    CHECK(as_json.status == 1);
    const json report = json::parse(as_json.out);
    CHECK(report["summary"]["regressed"] == 1);
    CHECK(report["summary"]["fixed"] == 1);
    CHECK(report["summary"]["new"] == 1);
    CHECK(report["summary"]["removed"] == 1);
    CHECK(report["summary"]["same"] == 1);
    CHECK(report["snippets"].size() == 4);
    CHECK(report["removed"].size() == 1);

    // The other way round the fix is the regression; a report against itself changes nothing.
    const auto reversed = run_snipcheck("diff '" + new_report + "' '" + old_report + "'");
    CHECK(reversed.status == 1);
    CHECK(reversed.out.find(": 1 regressed, 1 fixed, 1 new, 1 removed, 1 same\n") != std::string::npos);
    const auto itself = run_snipcheck("diff '" + old_report + "' '" + old_report + "'");
    CHECK(itself.status == 0);
    CHECK(itself.out.find(": 0 regressed, 0 fixed, 0 new, 0 removed, 4 same\n") != std::string::npos);
}

TEST_CASE("diff and --baseline refuse what is not a run report with exit status 2", "[e2e][diff][baseline]") {
    Workspace space;
    space.write("doc.md", k_before);
    space.write("bad.json", "{\"schema\": 1, \"snippets\": [");
    space.write("future.json", "{\"schema\": 7, \"snippets\": []}");
    const std::string bad = space.path("bad.json");
    const auto cut = run_snipcheck("diff '" + bad + "' '" + bad + "'", true);
    CHECK(cut.status == 2);
    CHECK(cut.out.find(bad + ":1: error: not a snipcheck report (invalid JSON: ") != std::string::npos);
    const auto future = run_snipcheck("run '" + space.path("doc.md") + "' --baseline '" + space.path("future.json") + "'", true);
    CHECK(future.status == 2);
    CHECK(future.out.find("error: schema 7 is not supported (this snipcheck reads schema 1)") != std::string::npos);
    CHECK(run_snipcheck("run '" + space.path("doc.md") + "' --baseline /no/such/report.json").status == 2);
    CHECK(run_snipcheck("run '" + space.path("doc.md") + "' --fail-on regressed").status == 2);
    CHECK(run_snipcheck("run '" + space.path("doc.md") + "' --fail-on sometimes").status == 2);
    CHECK(run_snipcheck("diff '" + bad + "'").status == 2);
    CHECK(run_snipcheck("diff a.json b.json --format xml").status == 2);
}
