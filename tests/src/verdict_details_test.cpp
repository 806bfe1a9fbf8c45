#include "src/verdict_details.hpp"

#include <catch2/catch.hpp>

#include <string>

#include "tests/src/report_fixtures.hpp"

using namespace snipcheck;

TEST_CASE("a verdict shows at the failing expectation, the raising line, else the snippet", "[verdict_details]") {
    const RunReport report = test::mixed_report();
    CHECK(verdict_lines(report.snippets[1]).start == 14);  // fail: the expectation
    CHECK(verdict_lines(report.snippets[1]).end == 14);
    CHECK(verdict_lines(report.snippets[2]).start == 6);   // error: where it raised
    CHECK(verdict_lines(report.snippets[3]).start == 40);  // timeout: the whole snippet
    CHECK(verdict_lines(report.snippets[3]).end == 42);
    SnippetReport nowhere = report.snippets[3];
    nowhere.snippet.start_line = 0;
    nowhere.snippet.end_line = 0;
    CHECK(verdict_lines(nowhere).start == 1);
    CHECK(verdict_lines(nowhere).end == 1);
}

TEST_CASE("details carry the message, expected, actual and diff, cut to a length", "[verdict_details]") {
    const RunReport report = test::mixed_report();
    CHECK(verdict_details(report.snippets[1], 10) ==
          "fail: 1 of 1 expectation did not hold\nline 14: expected:\n11\nactual:\n12\ndiff:\n- 11\n+ 12");
    CHECK(verdict_details(report.snippets[2], 10) ==
          "error: ValueError: bad value\nTraceback (most recent call last):\nValueError: bad value");
    SnippetReport long_output = report.snippets[1];
    long_output.verdict.expectations[0].actual = "1\n2\n3\n4\n5\n";
    long_output.verdict.expectations[0].diff.clear();
    CHECK(verdict_details(long_output, 2) ==
          "fail: 1 of 1 expectation did not hold\nline 14: expected:\n11\nactual:\n1\n2\n... 3 more lines");
}
