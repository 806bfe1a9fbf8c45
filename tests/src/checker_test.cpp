#include "src/checker.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <string>

using namespace snipcheck;
using extractor::Expectation;
using extractor::ExpectationKind;
using extractor::Snippet;

namespace {

Snippet snippet_at(int start_line, int end_line) {
    Snippet snippet;
    snippet.file = "guide.md";
    snippet.language = "python";
    snippet.start_line = start_line;
    snippet.end_line = end_line;
    return snippet;
}

Expectation expect(ExpectationKind kind, int line, int statement_line, std::string expected) {
    Expectation expectation;
    expectation.kind = kind;
    expectation.line = line;
    expectation.statement_line = statement_line;
    expectation.expected = std::move(expected);
    return expectation;
}

StatementOutput statement(int line, std::string output, int end_line = 0) {
    StatementOutput out;
    out.line = line;
    out.end_line = end_line == 0 ? line : end_line;
    out.output = std::move(output);
    return out;
}

StatementOutput raising(int line, std::string type, std::string message = "") {
    StatementOutput out = statement(line, "");
    out.raised = true;
    out.exception_type = std::move(type);
    out.exception_message = std::move(message);
    return out;
}

// A run that stopped at `line` on an exception nobody caught.
RunOutput raised_run(int line, std::string type, std::string message) {
    RunOutput run;
    run.end = RunEnd::raised;
    run.statements.push_back(raising(line, type, message));
    run.exception_type = std::move(type);
    run.exception_message = std::move(message);
    run.exception_line = line;
    return run;
}

}  // namespace

TEST_CASE("a snippet that ran with nothing to compare passes on evidence of the run", "[checker]") {
    RunOutput run;
    run.statements.push_back(statement(2, "hello\n"));
    const Verdict verdict = check(snippet_at(2, 2), run);
    CHECK(verdict.status == Status::pass);
    CHECK(verdict.evidence == Evidence::run);
    CHECK(verdict.expectations.empty());
}

TEST_CASE("an output comment holds when its statement printed the value", "[checker]") {
    Snippet snippet = snippet_at(2, 3);
    snippet.expectations.push_back(expect(ExpectationKind::output_comment, 3, 3, "11"));
    RunOutput run;
    run.statements = {statement(2, ""), statement(3, "11\n")};
    const Verdict verdict = check(snippet, run);
    CHECK(verdict.status == Status::pass);
    CHECK(verdict.evidence == Evidence::output);
    REQUIRE(verdict.expectations.size() == 1);
    CHECK(verdict.expectations[0].ok);
    CHECK(verdict.expectations[0].actual == "11");  // one trailing newline stripped
    CHECK(verdict.expectations[0].how == "exact");
    CHECK(verdict.expectations[0].line == 3);
}

TEST_CASE("an expectation that does not hold fails the snippet with a diff and a message", "[checker]") {
    Snippet snippet = snippet_at(2, 3);
    snippet.expectations.push_back(expect(ExpectationKind::output_comment, 3, 3, "11"));
    RunOutput run;
    run.statements = {statement(2, "ignored\n"), statement(3, "12\n")};
    const Verdict verdict = check(snippet, run);
    CHECK(verdict.status == Status::fail);
    CHECK(verdict.evidence == Evidence::output);
    REQUIRE(verdict.expectations.size() == 1);
    CHECK_FALSE(verdict.expectations[0].ok);
    CHECK(verdict.expectations[0].diff == "- 11\n+ 12");
    CHECK(verdict.message == "1 of 1 expectation did not hold; first at line 3: expected 11, got 12");
}

TEST_CASE("value comments, arrows and doctest outputs each read their own statement", "[checker]") {
    Snippet snippet = snippet_at(1, 5);
    snippet.expectations.push_back(expect(ExpectationKind::value_comment, 1, 1, "{1, 2}"));
    snippet.expectations.push_back(expect(ExpectationKind::arrow, 3, 2, "'x'"));
    snippet.expectations.push_back(expect(ExpectationKind::doctest, 5, 4, "[1, 2]"));
    RunOutput run;
    run.statements = {statement(1, "{2, 1}\n"), statement(2, "'x'\n"), statement(4, "[1, 3]\n")};
    const Verdict verdict = check(snippet, run);
    REQUIRE(verdict.expectations.size() == 3);
    CHECK(verdict.expectations[0].how == "value");
    CHECK(verdict.expectations[1].how == "exact");
    CHECK_FALSE(verdict.expectations[2].ok);
    CHECK(verdict.status == Status::fail);
    CHECK(verdict.message.starts_with("1 of 3 expectations did not hold; first at line 5"));
}

TEST_CASE("an expectation on a line inside a loop reads the top-level statement around it", "[checker]") {
    Snippet snippet = snippet_at(1, 2);
    snippet.expectations.push_back(expect(ExpectationKind::output_comment, 2, 2, "1 2"));
    RunOutput run;
    run.statements = {statement(1, "1 2\n", 2)};
    CHECK(check(snippet, run).status == Status::pass);
}

TEST_CASE("# Output: lines read what ran since the previous expectation", "[checker]") {
    Snippet snippet = snippet_at(1, 8);
    snippet.expectations.push_back(expect(ExpectationKind::output_comment, 1, 1, "0"));
    snippet.expectations.push_back(expect(ExpectationKind::output_lines, 4, 3, "a\nb"));
    RunOutput run;
    run.statements = {statement(1, "0\n"), statement(2, "a\n"), statement(3, "b\n"), statement(5, "c\n")};
    const Verdict verdict = check(snippet, run);
    REQUIRE(verdict.expectations.size() == 2);
    CHECK(verdict.expectations[1].ok);
    CHECK(verdict.expectations[1].actual == "a\nb");
    CHECK(verdict.status == Status::pass);

    // Without the first expectation, statement 1's output belongs to the lines too.
    snippet.expectations.erase(snippet.expectations.begin());
    const Verdict wider = check(snippet, run);
    REQUIRE(wider.expectations.size() == 1);
    CHECK(wider.expectations[0].actual == "0\na\nb");
    CHECK(wider.status == Status::fail);
}

TEST_CASE("an output block reads everything the snippet printed", "[checker]") {
    Snippet snippet = snippet_at(1, 2);
    snippet.expectations.push_back(expect(ExpectationKind::output_block, 5, 0, "a\nb"));
    RunOutput run;
    run.statements = {statement(1, "a\n"), statement(2, "b\n")};
    run.stdout_text = "a\nb\n";
    CHECK(check(snippet, run).status == Status::pass);
    run.stdout_text = "a\n";
    CHECK(check(snippet, run).status == Status::fail);
}

TEST_CASE("an unexpected exception is an error that names it and later statements did not run", "[checker]") {
    Snippet snippet = snippet_at(1, 3);
    snippet.expectations.push_back(expect(ExpectationKind::output_comment, 3, 3, "11"));
    RunOutput run = raised_run(2, "ValueError", "bad\nvalue");
    run.statements.insert(run.statements.begin(), statement(1, ""));
    const Verdict verdict = check(snippet, run);
    CHECK(verdict.status == Status::error);
    CHECK(verdict.evidence == Evidence::run);
    CHECK(verdict.message == "ValueError: bad value");
    REQUIRE(verdict.expectations.size() == 1);
    CHECK_FALSE(verdict.expectations[0].ok);
    CHECK(verdict.expectations[0].how == "not-run");
    CHECK(verdict.expectations[0].actual.empty());
}

TEST_CASE("a long exception message is cut to one short line", "[checker]") {
    const RunOutput run = raised_run(1, "RuntimeError", std::string(1000, 'x') + "\nmore");
    const Verdict verdict = check(snippet_at(1, 1), run);
    CHECK(verdict.status == Status::error);
    CHECK(verdict.message.size() < 220);
    CHECK(verdict.message.find('\n') == std::string::npos);
}

TEST_CASE("an exception the directives expect is not an error", "[checker]") {
    Snippet snippet = snippet_at(1, 1);
    const RunOutput run = raised_run(1, "json.decoder.JSONDecodeError", "Expecting value");

    snippet.directives.expect_error = "any";
    Verdict verdict = check(snippet, run);
    CHECK(verdict.status == Status::pass);
    REQUIRE(verdict.expectations.size() == 1);
    CHECK(verdict.expectations[0].how == "raised");

    snippet.directives.expect_error = "JSONDecodeError";
    CHECK(check(snippet, run).status == Status::pass);
    snippet.directives.expect_error = "ValueError";  // its base class
    CHECK(check(snippet, run).status == Status::pass);
    snippet.directives.expect_error = "KeyError";
    verdict = check(snippet, run);
    CHECK(verdict.status == Status::error);
    CHECK(verdict.message == "json.decoder.JSONDecodeError: Expecting value");
}

TEST_CASE("an expected error that never came is a failure", "[checker]") {
    Snippet snippet = snippet_at(1, 1);
    snippet.directives.expect_error = "ValueError";
    RunOutput run;
    run.statements = {statement(1, "")};
    const Verdict verdict = check(snippet, run);
    CHECK(verdict.status == Status::fail);
    REQUIRE(verdict.expectations.size() == 1);
    CHECK(verdict.expectations[0].actual == "no exception");
    CHECK(verdict.expectations[0].line == 1);
}

TEST_CASE("a traceback block expects the snippet's uncaught exception", "[checker]") {
    Snippet snippet = snippet_at(1, 2);
    snippet.expectations.push_back(expect(ExpectationKind::raises, 4, 0, "ZeroDivisionError"));
    RunOutput run = raised_run(2, "ZeroDivisionError", "division by zero");
    Verdict verdict = check(snippet, run);
    CHECK(verdict.status == Status::pass);
    CHECK(verdict.evidence == Evidence::output);
    REQUIRE(verdict.expectations.size() == 1);
    CHECK(verdict.expectations[0].ok);
    CHECK(verdict.expectations[0].actual == "ZeroDivisionError");

    run = raised_run(2, "TypeError", "unsupported");
    verdict = check(snippet, run);
    CHECK(verdict.status == Status::error);
    CHECK_FALSE(verdict.expectations[0].ok);
}

TEST_CASE("# raises on a statement holds when that statement raised", "[checker]") {
    Snippet snippet = snippet_at(1, 3);
    snippet.expectations.push_back(expect(ExpectationKind::raises, 2, 2, "KeyError"));

    SECTION("the exception ended the snippet at that line") {
        const RunOutput run = raised_run(2, "KeyError", "'x'");
        CHECK(check(snippet, run).status == Status::pass);
    }
    SECTION("the exception ended the snippet at another line") {
        const RunOutput run = raised_run(3, "KeyError", "'x'");
        const Verdict verdict = check(snippet, run);
        CHECK(verdict.status == Status::error);
        CHECK(verdict.message == "KeyError: 'x'");
    }
    SECTION("the runner let the snippet go on after the expected exception") {
        RunOutput run;
        run.statements = {statement(1, ""), raising(2, "KeyError", "'x'"), statement(3, "done\n")};
        const Verdict verdict = check(snippet, run);
        CHECK(verdict.status == Status::pass);
        CHECK(verdict.expectations[0].how == "raised");
    }
    SECTION("the statement did not raise") {
        RunOutput run;
        run.statements = {statement(1, ""), statement(2, ""), statement(3, "")};
        const Verdict verdict = check(snippet, run);
        CHECK(verdict.status == Status::fail);
        CHECK(verdict.expectations[0].actual == "no exception");
        CHECK(verdict.expectations[0].diff == "- KeyError\n+ no exception");
    }
}

TEST_CASE("a timeout is a timeout, with no evidence", "[checker]") {
    Snippet snippet = snippet_at(1, 1);
    snippet.expectations.push_back(expect(ExpectationKind::output_comment, 1, 1, "1"));
    RunOutput run;
    run.end = RunEnd::timeout;
    run.duration_ms = 5000;
    Verdict verdict = check(snippet, run);
    CHECK(verdict.status == Status::timeout);
    CHECK(verdict.evidence == Evidence::none);
    CHECK(verdict.message == "timed out after 5 s");

    snippet.directives.timeout_seconds = 2.5;
    CHECK(check(snippet, run).message == "timed out after 2.5 s");
    run.reason = "timed out after 2.5 s (CPU limit)";
    CHECK(check(snippet, run).message == "timed out after 2.5 s (CPU limit)");
}

TEST_CASE("runs that went wrong are errors with a reason", "[checker]") {
    const Snippet snippet = snippet_at(1, 1);
    RunOutput run;

    run.end = RunEnd::not_run;
    run.reason = "python3.12 not found";
    Verdict verdict = check(snippet, run);
    CHECK(verdict.status == Status::error);
    CHECK(verdict.evidence == Evidence::none);
    CHECK(verdict.message == "python3.12 not found");

    run = RunOutput{};
    run.end = RunEnd::exited;
    run.exit_code = 3;
    verdict = check(snippet, run);
    CHECK(verdict.status == Status::error);
    CHECK(verdict.message == "called sys.exit(3)");
    run.reason = "called os._exit(3)";
    CHECK(check(snippet, run).message == "called os._exit(3)");

    run = RunOutput{};
    run.end = RunEnd::crashed;
    run.signal = SIGSEGV;
    verdict = check(snippet, run);
    CHECK(verdict.status == Status::error);
    CHECK(verdict.message == "the interpreter crashed (signal " + std::to_string(SIGSEGV) + ": SIGSEGV)");

    run = RunOutput{};
    run.end = RunEnd::stdin_read;
    verdict = check(snippet, run);
    CHECK(verdict.status == Status::error);
    CHECK(verdict.message == "read from standard input, which snippets do not have");
}

TEST_CASE("sys.exit(0) ends a script well", "[checker]") {
    Snippet snippet = snippet_at(1, 2);
    snippet.expectations.push_back(expect(ExpectationKind::output_comment, 1, 1, "hi"));
    RunOutput run;
    run.end = RunEnd::exited;
    run.exit_code = 0;
    run.statements = {statement(1, "hi\n"), statement(2, "")};
    CHECK(check(snippet, run).status == Status::pass);
}

TEST_CASE("an error outranks a failed expectation", "[checker]") {
    Snippet snippet = snippet_at(1, 2);
    snippet.expectations.push_back(expect(ExpectationKind::output_comment, 1, 1, "11"));
    RunOutput run = raised_run(2, "NameError", "name 'x' is not defined");
    run.statements.insert(run.statements.begin(), statement(1, "12\n"));
    const Verdict verdict = check(snippet, run);
    CHECK(verdict.status == Status::error);
    CHECK_FALSE(verdict.expectations[0].ok);
}

TEST_CASE("the checker never throws, whatever it is given", "[checker]") {
    Snippet snippet = snippet_at(-5, -10);
    snippet.directives.expect_error = "   ";
    for (ExpectationKind kind : {ExpectationKind::output_comment, ExpectationKind::value_comment,
                                 ExpectationKind::output_lines, ExpectationKind::arrow, ExpectationKind::doctest,
                                 ExpectationKind::output_block, ExpectationKind::raises}) {
        snippet.expectations.push_back(expect(kind, -1, -1, std::string(5000, '[')));
        snippet.expectations.push_back(expect(kind, 0, 0, ""));
    }
    for (RunEnd end : {RunEnd::completed, RunEnd::raised, RunEnd::exited, RunEnd::crashed, RunEnd::timeout,
                       RunEnd::stdin_read, RunEnd::not_run}) {
        RunOutput run;
        run.end = end;
        run.signal = 999;
        run.exit_code = -1;
        run.statements = {statement(-1, std::string(3000, ']')), raising(0, "", "")};
        CHECK_NOTHROW(check(snippet, run));
    }
}

TEST_CASE("a verdict says which of the run's servers the snippet ran against", "[checker]") {
    Snippet snippet = snippet_at(2, 3);
    snippet.expectations.push_back(expect(ExpectationKind::output_comment, 3, 3, "b'v'"));
    RunOutput run;
    run.statements.push_back(statement(2, ""));
    run.statements.push_back(statement(3, "b'v'\n"));
    run.services.push_back("the run's Redis server 7.0.15");
    const Verdict verdict = check(snippet, run);
    CHECK(verdict.status == Status::pass);
    CHECK(verdict.message == "1 expectation held (ran against the run's Redis server 7.0.15)");
}

TEST_CASE("a snippet that needed a server the run lacks is a skip that says why", "[checker]") {
    Snippet snippet = snippet_at(2, 3);
    snippet.expectations.push_back(expect(ExpectationKind::output_comment, 3, 3, "b'v'"));
    RunOutput run;
    run.end = RunEnd::not_run;
    run.missing_environment = "a Redis server: redis-server is not installed (Debian package redis-server)";
    const Verdict verdict = check(snippet, run);
    CHECK(verdict.status == Status::skip);
    CHECK(verdict.message == "needs a Redis server: redis-server is not installed (Debian package redis-server)");
}

TEST_CASE("a failure only in what stand-ins printed cannot be checked: a skip, not a fail", "[checker]") {
    Snippet snippet = snippet_at(2, 4);
    snippet.expectations.push_back(expect(ExpectationKind::doctest, 3, 2, "<QuerySet [<Post: Hello>]>"));
    RunOutput run;
    run.statements = {statement(2, "<stand-in blog.models.Post.objects.all>\n")};
    run.stubs = {"blog.models.Post"};
    Verdict verdict = check(snippet, run);
    CHECK(verdict.status == Status::skip);
    CHECK(verdict.message.find("stand-ins for the reader's project (blog.models.Post)") != std::string::npos);

    // Another expectation that fails on real output fails the snippet.
    snippet.expectations.push_back(expect(ExpectationKind::output_comment, 4, 4, "2"));
    run.statements.push_back(statement(4, "3\n"));
    verdict = check(snippet, run);
    CHECK(verdict.status == Status::fail);

    // So does a wrong line beside a stand-in's in one output.
    Snippet mixed = snippet_at(2, 4);
    mixed.expectations.push_back(expect(ExpectationKind::doctest, 3, 2, "<QuerySet [<Post: Hello>]>\n5"));
    RunOutput both;
    both.statements = {statement(2, "<stand-in blog.models.Post.objects.all>\n4\n")};
    both.stubs = {"blog.models.Post"};
    CHECK(check(mixed, both).status == Status::fail);
}

TEST_CASE("remarks after a session's output are set aside only when the output then matches", "[checker]") {
    Snippet snippet = snippet_at(2, 6);
    snippet.expectations.push_back(expect(ExpectationKind::doctest, 3, 2, "3  # one more"));
    snippet.expectations.push_back(expect(ExpectationKind::doctest, 5, 4, "[1]\n# so far so good"));
    snippet.expectations.push_back(expect(ExpectationKind::doctest, 7, 6, "a  # b"));
    RunOutput run;
    run.statements = {statement(2, "3\n"), statement(4, "[1]\n"), statement(6, "a  # c\n")};
    const Verdict verdict = check(snippet, run);
    REQUIRE(verdict.expectations.size() == 3);
    CHECK(verdict.expectations[0].ok);
    CHECK(verdict.expectations[0].how == "remark");
    CHECK(verdict.expectations[1].ok);
    CHECK_FALSE(verdict.expectations[2].ok);  // `a` is no value: the text is output, and differs
}

TEST_CASE("a session example whose output is its exception's line alone expects that exception", "[checker]") {
    // >>> print(e)             (line 2; raised NameError)
    // NameError: name 'e' is not defined
    // >>> 1 + 1                (line 4)
    // 2
    Snippet snippet = snippet_at(2, 5);
    snippet.form = extractor::SnippetForm::session;
    snippet.expectations.push_back(expect(ExpectationKind::doctest, 3, 2, "NameError: name 'e' is not defined"));
    snippet.expectations.push_back(expect(ExpectationKind::doctest, 5, 4, "2"));
    RunOutput run;
    run.end = RunEnd::raised;
    run.statements = {raising(2, "NameError", "name 'e' is not defined"), statement(4, "2\n")};
    run.exception_type = "NameError";
    run.exception_message = "name 'e' is not defined";
    run.exception_line = 2;

    SECTION("the same exception and message: the example holds and the run is no error") {
        const Verdict verdict = check(snippet, run);
        CHECK(verdict.status == Status::pass);
        REQUIRE(verdict.expectations.size() == 2);
        CHECK(verdict.expectations[0].ok);
        CHECK(verdict.expectations[0].how == "raised");
    }
    SECTION("a module-qualified exception matches its short name") {
        run.statements[0] = raising(2, "json.decoder.JSONDecodeError", "Expecting value: line 1 column 1 (char 0)");
        run.exception_type = "json.decoder.JSONDecodeError";
        snippet.expectations[0].expected = "JSONDecodeError: Expecting value: line 1 column 1 (char 0)";
        CHECK(check(snippet, run).status == Status::pass);
    }
    SECTION("another message is an error") {
        snippet.expectations[0].expected = "NameError: name 'f' is not defined";
        const Verdict verdict = check(snippet, run);
        CHECK(verdict.status == Status::error);
        CHECK_FALSE(verdict.expectations[0].ok);
    }
    SECTION("another example raising where nothing shows it is still an error") {
        run.statements[1] = raising(4, "ZeroDivisionError", "division by zero");
        const Verdict verdict = check(snippet, run);
        CHECK(verdict.status == Status::error);
        CHECK(verdict.expectations[0].ok);
    }
    SECTION("outside a session, the line is output a statement should have printed") {
        snippet.form = extractor::SnippetForm::fenced;
        CHECK(check(snippet, run).status == Status::error);
    }
}

// What the harness sends for `return ...` (or `yield`, `await`) at the top
// of a script it reads as an excerpt of a function body.
RunOutput excerpt_run(int line, std::string keyword) {
    RunOutput run = raised_run(line, "SyntaxError", "'" + keyword + "' outside function");
    run.excerpt_of = std::move(keyword);
    return run;
}

TEST_CASE("return, yield or await at the top of a script read as an excerpt of a function body is skipped", "[checker]") {
    Snippet snippet = snippet_at(2, 2);  // return redirect("/dashboard/")
    SECTION("return") {
        const Verdict verdict = check(snippet, excerpt_run(2, "return"));
        CHECK(verdict.status == Status::skip);
        CHECK(verdict.message == "an excerpt of a function body ('return' outside a function): it cannot run alone");
    }
    SECTION("yield") {
        CHECK(check(snippet, excerpt_run(2, "yield")).status == Status::skip);
    }
    SECTION("await is an async function's body") {
        const Verdict verdict = check(snippet, excerpt_run(2, "await"));
        CHECK(verdict.status == Status::skip);
        CHECK(verdict.message.find("an excerpt of an async function body ('await'") == 0);
    }
    SECTION("the same SyntaxError the harness did not read as an excerpt (after a def, in a class) is an error") {
        CHECK(check(snippet, raised_run(2, "SyntaxError", "'return' outside function")).status == Status::error);
    }
    SECTION("a document that expects the SyntaxError gets it: a pass") {
        snippet.directives.expect_error = "SyntaxError";
        CHECK(check(snippet, excerpt_run(2, "return")).status == Status::pass);
        snippet.directives.expect_error.clear();
        snippet.expectations.push_back(expect(ExpectationKind::raises, 4, 0, "SyntaxError"));  // a traceback block
        CHECK(check(snippet, excerpt_run(2, "return")).status == Status::pass);
    }
}

TEST_CASE("an excerpt of a function body keeps what its statements before the return showed", "[checker]") {
    // print(total)  # Output: 3      (line 2)
    // return total  # Output: 3      (line 3: never runs)
    Snippet snippet = snippet_at(2, 3);
    snippet.expectations.push_back(expect(ExpectationKind::output_comment, 2, 2, "3"));
    snippet.expectations.push_back(expect(ExpectationKind::output_comment, 3, 3, "3"));
    RunOutput run = excerpt_run(3, "return");
    run.statements = {statement(2, "3\n")};
    SECTION("what ran held: a skip that lists it") {
        const Verdict verdict = check(snippet, run);
        CHECK(verdict.status == Status::skip);
        REQUIRE(verdict.expectations.size() == 2);
        CHECK(verdict.expectations[0].ok);
    }
    SECTION("what ran did not hold: the excerpt is no excuse") {
        run.statements = {statement(2, "4\n")};
        CHECK(check(snippet, run).status != Status::skip);
    }
    SECTION("an output block after it is cut short where the script stopped: a skip") {
        snippet.expectations = {expect(ExpectationKind::output_block, 5, 0, "saving\ndone")};
        run.statements = {statement(2, "saving\n")};
        run.stdout_text = "saving\n";
        CHECK(check(snippet, run).status == Status::skip);
    }
    SECTION("an output block that what was printed contradicts: no excuse") {
        snippet.expectations = {expect(ExpectationKind::output_block, 5, 0, "b")};
        run.statements = {statement(2, "a\n")};
        run.stdout_text = "a\n";
        CHECK(check(snippet, run).status == Status::error);
    }
}

TEST_CASE("a lone exception line in a session: suggestions, exits and the exception an error names", "[checker]") {
    Snippet snippet = snippet_at(2, 7);
    snippet.form = extractor::SnippetForm::session;
    snippet.expectations.push_back(expect(ExpectationKind::doctest, 3, 2, "NameError: name 'e' is not defined. Did you mean: 'e2'?"));
    RunOutput run;
    run.end = RunEnd::raised;
    run.statements = {raising(2, "NameError", "name 'e' is not defined")};
    run.exception_type = "NameError";
    run.exception_message = "name 'e' is not defined";
    run.exception_line = 2;
    SECTION("the REPL's suggestion after the message is part of how it shows the line") {
        const Verdict verdict = check(snippet, run);
        CHECK(verdict.status == Status::pass);
        REQUIRE(verdict.expectations.size() == 1);
        CHECK(verdict.expectations[0].actual == "NameError: name 'e' is not defined");
    }
    SECTION("a later sys.exit(3) is still an error") {
        run.end = RunEnd::exited;
        run.exit_code = 3;
        run.statements.push_back(statement(4, ""));
        CHECK(check(snippet, run).status == Status::error);
    }
    SECTION("a later exception nothing shows is the one the error names") {
        run.statements.push_back(raising(4, "ZeroDivisionError", "division by zero"));
        const Verdict verdict = check(snippet, run);
        CHECK(verdict.status == Status::error);
        CHECK(verdict.message == "ZeroDivisionError: division by zero");
    }
}

TEST_CASE("an exit after an exception the document expected is still the exit", "[checker]") {
    // int("x")  # raises ValueError     (line 2)
    // sys.exit(3)                       (line 3)
    Snippet snippet = snippet_at(2, 3);
    snippet.expectations.push_back(expect(ExpectationKind::raises, 2, 2, "ValueError"));
    RunOutput run;
    run.end = RunEnd::exited;
    run.exit_code = 3;
    run.statements = {raising(2, "ValueError", "invalid literal for int() with base 10: 'x'"), statement(3, "")};
    run.exception_type = "ValueError";  // the harness kept the expected one
    run.exception_line = 2;
    CHECK(check(snippet, run).status == Status::error);
}
