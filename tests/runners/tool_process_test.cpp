#include "runners/tool_process.hpp"

#include <chrono>
#include <csignal>

#include <catch2/catch.hpp>

using namespace snipcheck::runners;

TEST_CASE("run_tool runs a program in the scratch folder and captures its output") {
    ScratchFolder scratch;
    REQUIRE(scratch.error().empty());
    REQUIRE(scratch.write("input.txt", "from the file\n"));
    ToolRequest request;
    request.argv = {"sh", "-c", "cat input.txt; echo to-stderr >&2; pwd; exit 3"};
    request.scratch = &scratch;
    const ToolResult result = run_tool(request);
    REQUIRE(result.started);
    CHECK_FALSE(result.timed_out);
    CHECK(result.exit_code == 3);
    CHECK(result.stdout_text == "from the file\n" + scratch.path() + "\n");
    CHECK(result.stderr_text == "to-stderr\n");
}

TEST_CASE("run_tool kills a tool that outlives its timeout, with its children") {
    ScratchFolder scratch;
    ToolRequest request;
    request.argv = {"sh", "-c", "sleep 30 & sleep 30"};
    request.scratch = &scratch;
    request.timeout_seconds = 0.3;
    const auto began = std::chrono::steady_clock::now();
    const ToolResult result = run_tool(request);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    CHECK(result.timed_out);
    CHECK(result.signal == SIGKILL);
    CHECK(seconds < 5);
}

TEST_CASE("run_tool refuses writes outside the scratch folder and the network") {
    ScratchFolder scratch;
    ToolRequest request;
    request.argv = {"sh", "-c",
                    "echo x > /tmp/snipcheck-tool-escape-$$ && echo wrote-outside; echo inside > here.txt && cat here.txt"};
    request.scratch = &scratch;
    const ToolResult result = run_tool(request);
    REQUIRE(result.started);
    INFO(result.stderr_text);
    if (result.sandbox.missing.empty()) {
        CHECK(result.stdout_text == "inside\n");
    }
    CHECK(result.stdout_text.find("wrote-outside") == std::string::npos);
}

TEST_CASE("run_tool says when the program is not installed") {
    ScratchFolder scratch;
    ToolRequest request;
    request.argv = {"snipcheck-no-such-tool"};
    request.scratch = &scratch;
    const ToolResult result = run_tool(request);
    CHECK_FALSE(result.started);
    CHECK(result.error == "snipcheck-no-such-tool is not installed");
}
