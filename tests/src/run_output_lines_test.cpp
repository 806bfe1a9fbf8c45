#include "src/run_output_lines.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace snipcheck;

TEST_CASE("moving a run moves the document's traceback frames and no other file's", "[cache][run-output-lines]") {
    RunOutput run;
    run.traceback = "Traceback (most recent call last):\n"
                    "  File \"doc.md\", line 12, in <module>\n"
                    "  File \"/usr/lib/python3.11/json/decoder.py\", line 337, in decode\n"
                    "  File \"doc.md\", line 7, in parse\n";
    run.exception_line = 7;
    run.statements.push_back({12, 13, "", false, "", "", std::nullopt, false});
    run.raised_at.push_back({12, "ValueError"});
    run.findings.push_back({5, "unused-import", Severity::warning, "'os' imported but unused"});
    move_run_lines(run, "doc.md", 3);
    CHECK(run.traceback == "Traceback (most recent call last):\n"
                           "  File \"doc.md\", line 15, in <module>\n"
                           "  File \"/usr/lib/python3.11/json/decoder.py\", line 337, in decode\n"
                           "  File \"doc.md\", line 10, in parse\n");
    CHECK(run.exception_line == 10);
    CHECK(run.statements[0].line == 15);
    CHECK(run.statements[0].end_line == 16);
    CHECK(run.raised_at[0].line == 15);
    CHECK(run.findings[0].line == 8);
}

TEST_CASE("a run mentions its position when its text names a line or the document", "[cache][run-output-lines]") {
    RunOutput plain;
    plain.stdout_text = "the deadline is 12 days away\n";
    plain.traceback = "  File \"doc.md\", line 12, in <module>\n  File \"/usr/lib/x.py\", line 3, in f\n";
    CHECK_FALSE(mentions_position(plain, "doc.md"));

    RunOutput named_line = plain;
    named_line.exception_message = "'(' was never closed on Line 4";
    CHECK(mentions_position(named_line, "doc.md"));

    RunOutput lines = plain;
    lines.reason = "the statement at lines  3-4 ran too long";
    CHECK(mentions_position(lines, "doc.md"));

    RunOutput path = plain;
    path.stderr_text = "doc.md:12: DeprecationWarning: old\n";
    CHECK(mentions_position(path, "doc.md"));

    RunOutput finding = plain;
    finding.findings.push_back({3, "redefined-while-unused", Severity::warning, "redefinition of unused 'x' from line 2"});
    CHECK(mentions_position(finding, "doc.md"));
    CHECK_FALSE(mentions_position(std::vector<Finding>{{3, "unused-import", Severity::warning, "'os' imported but unused"}},
                                  "doc.md"));
}
