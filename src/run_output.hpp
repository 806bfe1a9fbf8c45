#pragma once
// What happened when one snippet ran: output per top-level statement, the
// uncaught exception, how the process ended. Produced by a runner, read by
// the checker; plain values, no behaviour.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "src/finding.hpp"
#include "src/result_table.hpp"

namespace snipcheck {

enum class RunEnd {
    completed,  // every statement ran (expected exceptions included)
    raised,     // an exception nobody expected stopped the snippet
    exited,     // sys.exit(n) / os._exit(n): exit_code holds n
    crashed,    // the interpreter died on a signal (segfault, abort): signal holds it
    timeout,    // killed after the time limit
    stdin_read, // the snippet read standard input, which is /dev/null
    not_run,    // the runner could not start (reason says why)
};

// Output belongs to the top-level statement that was running when it was
// printed, including output of everything that statement called.
struct StatementOutput {
    int line = 0;      // document line of the statement's first line
    int end_line = 0;  // document line of its last line
    std::string output;            // what it printed; for a displayed expression, then its repr and "\n"
    bool raised = false;           // the statement raised (and the snippet went on only if that was expected)
    std::string exception_type;    // "ValueError", "json.decoder.JSONDecodeError" as `type.__qualname__`, module-qualified unless builtins
    std::string exception_message; // str(exception)
    // A SQL statement that returns rows: what it returned, and whether its
    // order is meaningful (a top-level ORDER BY).
    std::optional<ResultTable> table;
    bool ordered = false;
};

// An exception seen passing a document line, even if a handler caught it
// (`x = -1  # raises ValueError` inside a try block). Recorded only for lines
// that carry a `raises` expectation.
struct RaisedAt {
    int line = 0;
    std::string exception_type;
};

// A test method a snippet's TestCase class defines, run after the snippet.
struct TestOutcome {
    std::string name;     // "BookTests.test_publish"
    int line = 0;         // document line of the test method
    std::string outcome;  // "pass", "fail", "error", "skip"
    std::string message;  // the assertion or exception, one line
};

struct RunOutput {
    RunEnd end = RunEnd::completed;
    std::vector<StatementOutput> statements;  // the snippet's own statements, in the order they ran
    std::string stdout_text;                  // everything the snippet printed (no displayed reprs)
    std::string stderr_text;
    std::size_t stdout_cut_bytes = 0;  // bytes beyond the cap, dropped
    std::size_t stderr_cut_bytes = 0;
    // The uncaught exception when end == raised (also filled when an
    // expected exception ended the snippet).
    std::string exception_type;
    std::string exception_message;
    std::string traceback;   // formatted, with document paths and lines
    int exception_line = 0;  // document line where it was raised (innermost frame in the document)
    int exit_code = 0;       // end == exited
    int signal = 0;          // end == crashed
    std::string reason;      // for a person, when the end is not `completed`/`raised`
    // When a top-level import failed because the module is not installed here
    // ("django") or is the reader's own package (".models"): the snippet needs
    // an environment, it is not wrong.
    std::string missing_module;
    std::string missing_package;  // the Debian package that provides it, when known
    // `return`, `yield`, `await`, `async for` or `async with` (as the compiler
    // names it) outside a function, in a script that reads as an excerpt of a
    // function body; empty otherwise.
    std::string excerpt_of;
    std::vector<RaisedAt> raised_at;
    std::vector<std::string> replayed;  // ids of earlier snippets run first to define names this one uses
    // What the snippet needs that this run does not have, for a person: "table
    // 'Visited', which the document never creates", "a MySQL server". With it,
    // expectations that could not be compared make the verdict `skip`.
    std::string missing_environment;
    // Stand-ins the run used in place of what the document does not define
    // ("table articles(title)"); listed in the report's `stubs`.
    std::vector<std::string> stubs;
    // Real servers the run started that the snippet used ("the run's Redis
    // server 7.0.15"); listed in the report's `services`.
    std::vector<std::string> services;
    // The runner parsed and checked the snippet without executing it
    // (SQL prepared against a stand-in schema, a Dockerfile parsed).
    bool static_check = false;
    // Lint findings, at document lines.
    std::vector<Finding> findings;
    std::vector<TestOutcome> tests;  // TestCase classes the snippet defined, run after it
    double duration_ms = 0;
};

}  // namespace snipcheck
