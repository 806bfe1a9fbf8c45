#include "src/report_json.hpp"

#include <catch2/catch.hpp>

#include <string>

using nlohmann::json;
using namespace snipcheck;

namespace {

SnippetReport make_item(const std::string& file, int start_line, Status status) {
    SnippetReport item;
    item.snippet.id = "py-" + std::to_string(start_line);
    item.snippet.file = file;
    item.snippet.start_line = start_line;
    item.snippet.end_line = start_line + 3;
    item.snippet.language = "python";
    item.snippet.form = extractor::SnippetForm::fenced;
    item.verdict.status = status;
    item.verdict.evidence = status == Status::skip ? Evidence::none : Evidence::output;
    item.verdict.message = std::string(status_name(status)) + " message";
    item.run.duration_ms = 1.5;
    return item;
}

// One snippet of each status, two skips, over two documents.
RunReport mixed_report() {
    RunReport report;
    SnippetReport pass = make_item("docs/a.md", 3, Status::pass);
    pass.snippet.expectations.push_back({5, 5, extractor::ExpectationKind::output_comment, "11", ""});
    pass.verdict.expectations.push_back({5, "11", "11", true, "", "exact"});
    report.snippets.push_back(pass);

    SnippetReport fail = make_item("docs/a.md", 12, Status::fail);
    fail.snippet.expectations.push_back({19, 18, extractor::ExpectationKind::value_comment, "11", "(the minimum)"});
    fail.snippet.findings.push_back({14, "undefined-name", Severity::error, "name 'x' is not defined"});
    fail.snippet.defects.push_back("unterminated-fence");
    fail.snippet.heading = {"Question", "Answer"};
    fail.verdict.expectations.push_back({19, "11", "12", false, "-11\n+12\n", "value"});
    fail.run.replayed = {"py-3"};
    fail.run.stdout_text = "12\n";
    report.snippets.push_back(fail);

    SnippetReport error = make_item("docs/a.md", 30, Status::error);
    error.run.end = RunEnd::raised;
    error.run.exception_type = "ValueError";
    error.run.exception_message = "bad value";
    error.run.exception_line = 32;
    error.run.traceback = "Traceback (most recent call last):\n  File \"docs/a.md\", line 32\nValueError: bad value\n";
    error.run.stderr_text = "warning\n";
    error.run.stdout_cut_bytes = 4096;
    report.snippets.push_back(error);

    SnippetReport timeout = make_item("docs/b.md", 1, Status::timeout);
    timeout.run.end = RunEnd::timeout;
    timeout.run.reason = "killed after 10 s";
    report.snippets.push_back(timeout);

    SnippetReport skip = make_item("docs/b.md", 10, Status::skip);
    skip.snippet.expectations.push_back({12, 11, extractor::ExpectationKind::arrow, "[1, 2]", ""});
    skip.snippet.directives.skip = true;
    skip.snippet.directives.skip_reason = "needs a database";
    report.snippets.push_back(skip);

    SnippetReport crashed = make_item("docs/b.md", 20, Status::skip);
    report.snippets.push_back(crashed);

    report.sandbox.protections = {"network namespace", "rlimit address space 2 GiB"};
    report.sandbox.missing = {"pid namespace: unshare failed: Operation not permitted"};
    report.python_version = "3.11.2";
    report.document_errors = {"docs/c.md: error: cannot read: No such file or directory"};
    report.seconds = 0.84;
    return report;
}

const json& snippet_at(const json& report, const std::string& id) {
    for (const json& snippet : report["snippets"]) {
        if (snippet["id"] == id) {
            return snippet;
        }
    }
    FAIL("no snippet " << id);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("schema, tool and summary counts are exact", "[report_json]") {
    const json report = run_report_to_json(mixed_report());
    CHECK(report["schema"] == 1);
    CHECK(report["tool"]["name"] == "snipcheck");
    CHECK(report["tool"]["version"] == SNIPCHECK_VERSION);
    const json& summary = report["summary"];
    CHECK(summary["total"] == 6);
    CHECK(summary["pass"] == 1);
    CHECK(summary["fail"] == 1);
    CHECK(summary["error"] == 1);
    CHECK(summary["timeout"] == 1);
    CHECK(summary["skip"] == 2);
    CHECK(summary["seconds"].is_number_float());
    CHECK(summary["seconds"].get<double>() == Approx(0.84));
    for (const char* key : {"total", "pass", "fail", "error", "timeout", "skip"}) {
        INFO(key);
        CHECK(summary[key].is_number_integer());
    }
    REQUIRE(report["snippets"].is_array());
    CHECK(report["snippets"].size() == 6);
}

TEST_CASE("every contract field of every snippet is present with its JSON type", "[report_json]") {
    const json report = run_report_to_json(mixed_report());
    for (const json& snippet : report["snippets"]) {
        INFO(snippet.dump());
        CHECK(snippet["id"].is_string());
        CHECK(snippet["file"].is_string());
        CHECK(snippet["start_line"].is_number_integer());
        CHECK(snippet["end_line"].is_number_integer());
        CHECK(snippet["language"].is_string());
        CHECK(snippet["form"].is_string());
        CHECK(snippet["status"].is_string());
        CHECK(snippet["evidence"].is_string());
        CHECK(snippet["message"].is_string());
        REQUIRE(snippet["expectations"].is_array());
        for (const json& expectation : snippet["expectations"]) {
            CHECK(expectation["line"].is_number_integer());
            CHECK(expectation["expected"].is_string());
            REQUIRE(expectation.contains("actual"));
            REQUIRE(expectation.contains("ok"));
            CHECK((expectation["actual"].is_string() || expectation["actual"].is_null()));
            CHECK((expectation["ok"].is_boolean() || expectation["ok"].is_null()));
        }
        REQUIRE(snippet["findings"].is_array());
        for (const json& finding : snippet["findings"]) {
            CHECK(finding["line"].is_number_integer());
            CHECK(finding["rule"].is_string());
            CHECK(finding["severity"].is_string());
            CHECK(finding["message"].is_string());
        }
        CHECK(snippet["defects"].is_array());
        CHECK(snippet["replayed"].is_array());
        CHECK(snippet["stubs"].is_array());
        CHECK(snippet["duration_ms"].is_number());
        const std::string status = snippet["status"];
        CHECK((status == "pass" || status == "fail" || status == "error" || status == "timeout" || status == "skip"));
        const std::string evidence = snippet["evidence"];
        CHECK((evidence == "output" || evidence == "run" || evidence == "static" || evidence == "none"));
    }
}

TEST_CASE("a failed snippet carries the judged expectations, findings, defects and replays", "[report_json]") {
    const json report = run_report_to_json(mixed_report());
    const json& fail = snippet_at(report, "py-12");
    CHECK(fail["file"] == "docs/a.md");
    CHECK(fail["start_line"] == 12);
    CHECK(fail["end_line"] == 15);
    CHECK(fail["language"] == "python");
    CHECK(fail["form"] == "fenced");
    CHECK(fail["status"] == "fail");
    CHECK(fail["evidence"] == "output");
    CHECK(fail["message"] == "fail message");
    REQUIRE(fail["expectations"].size() == 1);
    const json& expectation = fail["expectations"][0];
    CHECK(expectation["line"] == 19);
    CHECK(expectation["expected"] == "11");
    CHECK(expectation["actual"] == "12");
    CHECK(expectation["ok"] == false);
    CHECK(expectation["diff"] == "-11\n+12\n");
    CHECK(expectation["how"] == "value");
    CHECK(expectation["kind"] == "value-comment");
    CHECK(expectation["remark"] == "(the minimum)");
    CHECK(fail["findings"] == json::parse(R"([{"line":14,"rule":"undefined-name","severity":"error",
                                               "message":"name 'x' is not defined"}])"));
    CHECK(fail["defects"] == json::array({"unterminated-fence"}));
    CHECK(fail["replayed"] == json::array({"py-3"}));
    CHECK(fail["stubs"] == json::array());
    CHECK(fail["heading"] == json::array({"Question", "Answer"}));
    CHECK(fail["stdout"] == "12\n");
    CHECK_FALSE(fail.contains("stderr"));
    CHECK_FALSE(fail.contains("exception"));
    CHECK(fail["duration_ms"].get<double>() == Approx(1.5));

    const json& pass = snippet_at(report, "py-3");
    CHECK(pass["expectations"][0]["ok"] == true);
    CHECK(pass["expectations"][0]["actual"] == "11");
    CHECK_FALSE(pass.contains("stdout"));
}

TEST_CASE("skipped snippets list what the document expects with null actual and ok", "[report_json]") {
    const json report = run_report_to_json(mixed_report());
    const json& skip = snippet_at(report, "py-10");
    CHECK(skip["status"] == "skip");
    CHECK(skip["evidence"] == "none");
    REQUIRE(skip["expectations"].size() == 1);
    CHECK(skip["expectations"][0]["line"] == 12);
    CHECK(skip["expectations"][0]["expected"] == "[1, 2]");
    CHECK(skip["expectations"][0]["actual"].is_null());
    CHECK(skip["expectations"][0]["ok"].is_null());
}

TEST_CASE("errors carry the exception, cut bytes and stderr and timeouts their end", "[report_json]") {
    const json report = run_report_to_json(mixed_report());
    const json& error = snippet_at(report, "py-30");
    CHECK(error["exception"]["type"] == "ValueError");
    CHECK(error["exception"]["message"] == "bad value");
    CHECK(error["exception"]["line"] == 32);
    CHECK(error["exception"]["traceback"].get<std::string>().find("line 32") != std::string::npos);
    CHECK(error["stdout_cut_bytes"] == 4096);
    CHECK_FALSE(error.contains("stderr_cut_bytes"));
    CHECK(error["stderr"] == "warning\n");
    CHECK(error["end"] == "raised");
    CHECK_FALSE(error.contains("exit_code"));
    CHECK_FALSE(error.contains("signal"));

    const json& timeout = snippet_at(report, "py-1");
    CHECK(timeout["status"] == "timeout");
    CHECK(timeout["end"] == "timeout");
    CHECK(timeout["reason"] == "killed after 10 s");
}

TEST_CASE("exit code and signal appear for exited and crashed runs", "[report_json]") {
    RunReport report;
    SnippetReport exited;
    exited.snippet.id = "exited";
    exited.verdict.status = Status::error;
    exited.run.end = RunEnd::exited;
    exited.run.exit_code = 3;
    report.snippets.push_back(exited);
    SnippetReport crashed;
    crashed.snippet.id = "crashed";
    crashed.verdict.status = Status::error;
    crashed.run.end = RunEnd::crashed;
    crashed.run.signal = 11;
    report.snippets.push_back(crashed);

    const json out = run_report_to_json(report);
    CHECK(out["snippets"][0]["exit_code"] == 3);
    CHECK_FALSE(out["snippets"][0].contains("signal"));
    CHECK(out["snippets"][1]["signal"] == 11);
    CHECK_FALSE(out["snippets"][1].contains("exit_code"));
}

TEST_CASE("sandbox, python version and document errors are top-level fields", "[report_json]") {
    const json report = run_report_to_json(mixed_report());
    CHECK(report["sandbox"]["protections"] == json::array({"network namespace", "rlimit address space 2 GiB"}));
    CHECK(report["sandbox"]["missing"] == json::array({"pid namespace: unshare failed: Operation not permitted"}));
    CHECK(report["python"] == "3.11.2");
    CHECK(report["errors"] == json::array({"docs/c.md: error: cannot read: No such file or directory"}));
}

TEST_CASE("an empty run is a valid report with zero counts", "[report_json]") {
    const json report = json::parse(dump_run_report_json(RunReport{}));
    CHECK(report["summary"] == json::parse(R"({"total":0,"pass":0,"fail":0,"error":0,"timeout":0,"skip":0,
                                                "seconds":0.0,"cached":0})"));
    CHECK(report["snippets"] == json::array());
    CHECK(report["sandbox"]["missing"] == json::array());
    CHECK(report["errors"] == json::array());
    CHECK(report["python"].is_null());
}

TEST_CASE("invalid UTF-8 from a messy document is replaced when dumped, not thrown", "[report_json]") {
    RunReport report;
    SnippetReport item;
    item.snippet.id = "bad";
    item.snippet.file = "caf\xe9.md";
    item.verdict.status = Status::fail;
    item.verdict.message = "expected \xff\xfe";
    item.verdict.expectations.push_back({4, "caf\xe9", "caf\xc3\xa9", false, "", ""});
    item.run.stdout_text = "\xc3\x28 broken\n";
    report.snippets.push_back(item);

    // The plain dump throws: that is why callers must use the replace handler.
    CHECK_THROWS_AS(run_report_to_json(report).dump(), json::type_error);
    std::string text;
    REQUIRE_NOTHROW(text = dump_run_report_json(report));
    CHECK(text.back() == '\n');
    const json parsed = json::parse(text);
    const json& snippet = parsed["snippets"][0];
    CHECK(snippet["file"] == "caf\xef\xbf\xbd.md");
    CHECK(snippet["message"] == "expected \xef\xbf\xbd\xef\xbf\xbd");
    CHECK(snippet["expectations"][0]["actual"] == "caf\xc3\xa9");
    CHECK(snippet["stdout"] == "\xef\xbf\xbd( broken\n");
}

TEST_CASE("the dump is indented by 2", "[report_json]") {
    const std::string text = dump_run_report_json(RunReport{});
    CHECK(text.rfind("{\n  \"errors\"", 0) == 0);
}

TEST_CASE("each snippet says whether its run came from the cache, the summary how many did", "[report_json][cache]") {
    RunReport report = mixed_report();
    report.snippets[0].cached = true;
    report.snippets[2].cached = true;
    const json out = json::parse(dump_run_report_json(report));
    CHECK(out["summary"]["cached"] == 2);
    CHECK(out["snippets"][0]["cached"] == true);
    CHECK(out["snippets"][1]["cached"] == false);
    CHECK(out["snippets"][2]["cached"] == true);
}
