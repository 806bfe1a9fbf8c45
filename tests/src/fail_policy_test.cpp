#include "src/fail_policy.hpp"

#include <catch2/catch.hpp>

using namespace snipcheck;

TEST_CASE("the words of --fail-on name the four policies", "[fail_policy]") {
    CHECK(fail_on_from_name("error") == FailOn::error);
    CHECK(fail_on_from_name("fail") == FailOn::fail);
    CHECK(fail_on_from_name("regressed") == FailOn::regressed);
    CHECK(fail_on_from_name("never") == FailOn::never);
    CHECK_FALSE(fail_on_from_name("warning").has_value());
    CHECK_FALSE(fail_on_from_name("").has_value());
}

TEST_CASE("each policy fails the run on its own outcomes only", "[fail_policy]") {
    const OutcomeCounts clean;
    OutcomeCounts failed;
    failed.fail = 1;
    OutcomeCounts errored;
    errored.error = 1;
    OutcomeCounts timed_out;
    timed_out.timeout = 1;
    OutcomeCounts unreadable;
    unreadable.unreadable = 1;
    OutcomeCounts regressed;
    regressed.fail = 3;
    regressed.regressed = 1;
    OutcomeCounts new_error;
    new_error.unreadable = 1;
    new_error.new_errors = 1;

    for (FailOn policy : {FailOn::error, FailOn::fail, FailOn::regressed, FailOn::never}) {
        CHECK(exit_status_for(policy, clean) == 0);
    }
    CHECK(exit_status_for(FailOn::error, failed) == 0);
    CHECK(exit_status_for(FailOn::error, errored) == 1);
    CHECK(exit_status_for(FailOn::error, timed_out) == 1);
    CHECK(exit_status_for(FailOn::error, unreadable) == 1);

    CHECK(exit_status_for(FailOn::fail, failed) == 1);
    CHECK(exit_status_for(FailOn::fail, errored) == 1);
    CHECK(exit_status_for(FailOn::fail, timed_out) == 1);
    CHECK(exit_status_for(FailOn::fail, unreadable) == 1);

    // A messy corpus adopted with a baseline: old failures do not fail the run.
    CHECK(exit_status_for(FailOn::regressed, failed) == 0);
    CHECK(exit_status_for(FailOn::regressed, unreadable) == 0);
    CHECK(exit_status_for(FailOn::regressed, regressed) == 1);
    CHECK(exit_status_for(FailOn::regressed, new_error) == 1);

    for (const OutcomeCounts& counts : {failed, errored, timed_out, unreadable, regressed, new_error}) {
        CHECK(exit_status_for(FailOn::never, counts) == 0);
    }
}

TEST_CASE("a report's outcome counts come from its verdicts, errors and changes", "[fail_policy]") {
    RunReport report;
    for (Status status : {Status::pass, Status::fail, Status::fail, Status::error, Status::timeout, Status::skip}) {
        SnippetReport item;
        item.verdict.status = status;
        report.snippets.push_back(item);
    }
    report.snippets[1].change = SnippetChange{Change::regressed, Status::pass, 1};
    report.document_errors = {"a.md: error: cannot read"};
    report.baseline = BaselineReport{"old.json", {}, {"a.md: error: cannot read"}};
    const OutcomeCounts counts = outcome_counts(report);
    CHECK(counts.fail == 2);
    CHECK(counts.error == 1);
    CHECK(counts.timeout == 1);
    CHECK(counts.unreadable == 1);
    CHECK(counts.regressed == 1);
    CHECK(counts.new_errors == 1);
}

TEST_CASE("snippets the configuration allows to fail are left out of the outcome counts", "[fail_policy][config]") {
    RunReport report;
    for (Status status : {Status::fail, Status::fail, Status::error, Status::timeout}) {
        SnippetReport item;
        item.verdict.status = status;
        item.allowed_to_fail = true;
        report.snippets.push_back(item);
    }
    report.snippets[0].allowed_to_fail = false;
    report.snippets[1].change = SnippetChange{Change::regressed, Status::pass, 1};
    const OutcomeCounts counts = outcome_counts(report);
    CHECK(counts.fail == 1);
    CHECK(counts.error == 0);
    CHECK(counts.timeout == 0);
    CHECK(counts.regressed == 0);
    CHECK(exit_status_for(FailOn::error, counts) == 0);
    CHECK(exit_status_for(FailOn::fail, counts) == 1);
}
