#include <catch2/catch.hpp>

#include "extractor/extractor.hpp"
#include "runners/shell/shell_runner.hpp"
#include "runners/tool_process.hpp"
#include "src/checker.hpp"
#include "tests/extractor/test_documents.hpp"

using namespace snipcheck;

TEST_CASE("shell runner: a shellcheck finding lands on its document line") {
    if (runners::find_program("shellcheck").empty()) {
        FAIL("shellcheck is not installed (scripts/install-deps installs it)");
    }
    const extractor::Snippet snippet = test::only_snippet("Clean up:\n\n```bash\nset -e\nfor f in *.log; do\n  rm $f\ndone\n```\n");
    const RunOutput output = runners::shell::run_shell_snippet(snippet, 10);
    CHECK(output.end == RunEnd::completed);
    REQUIRE_FALSE(output.findings.empty());
    CHECK(output.findings[0].rule == "SC2086");
    CHECK(output.findings[0].line == 6);
    CHECK(check(snippet, output).status == Status::pass);
}

TEST_CASE("shell runner: a console transcript is checked as its commands, an error fails it") {
    if (runners::find_program("shellcheck").empty()) {
        FAIL("shellcheck is not installed (scripts/install-deps installs it)");
    }
    const extractor::Snippet transcript =
        test::only_snippet("```console\n$ echo hello\nhello\n$ ls /tmp\nfile-a  file-b\n```\n");
    const RunOutput clean = runners::shell::run_shell_snippet(transcript, 10);
    CHECK(clean.end == RunEnd::completed);
    CHECK(clean.findings.empty());
    const extractor::Snippet broken = test::only_snippet("```bash\nif [ -f x ]; then\n  echo yes\n```\n");
    const RunOutput output = runners::shell::run_shell_snippet(broken, 10);
    CHECK(output.end == RunEnd::raised);
    CHECK(check(broken, output).status == Status::error);
}

TEST_CASE("shell runner: continuation prompts of a transcript belong to the command") {
    if (runners::find_program("shellcheck").empty()) {
        FAIL("shellcheck is not installed (scripts/install-deps installs it)");
    }
    const extractor::Snippet snippet =
        test::only_snippet("```console\n$ cat <<EOF > notes.txt\n> first line\n> EOF\n$ wc -l notes.txt\n1 notes.txt\n```\n");
    const RunOutput output = runners::shell::run_shell_snippet(snippet, 10);
    INFO(output.exception_message);
    CHECK(output.end == RunEnd::completed);
}

TEST_CASE("shell runner: prompts with a virtual environment or a path are prompts, not code") {
    if (runners::find_program("shellcheck").empty()) {
        FAIL("shellcheck is not installed (scripts/install-deps installs it)");
    }
    const extractor::Snippet transcript = test::only_snippet(
        "```console\n(env) $ python -m pip --version\npip 23.0.1\n(env) ~/project$ ls\nREADME.md\n```\n");
    const RunOutput output = runners::shell::run_shell_snippet(transcript, 10);
    CHECK(output.end == RunEnd::completed);
    CHECK(output.findings.empty());
    CHECK(check(transcript, output).status == Status::pass);
}
