#include "runners/tool_process.hpp"

#include <chrono>
#include <csignal>
#include <string>
#include <thread>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

using namespace snipcheck::runners;

namespace {

// A request to run `argv` in `scratch`, with the default limits.
ToolRequest request_in(ScratchFolder& scratch, std::vector<std::string> argv) {
    ToolRequest request;
    request.argv = std::move(argv);
    request.scratch = &scratch;
    return request;
}

}  // namespace

TEST_CASE("run_tool runs a program in the scratch folder and captures its output") {
    ScratchFolder scratch;
    REQUIRE(scratch.error().empty());
    REQUIRE(scratch.write("input.txt", "from the file\n"));
    ToolRequest request = request_in(scratch, {"sh", "-c", "cat input.txt; echo to-stderr >&2; pwd; exit 3"});
    const ToolResult result = run_tool(request);
    REQUIRE(result.started);
    CHECK_FALSE(result.timed_out);
    CHECK(result.exit_code == 3);
    CHECK(result.stdout_text == "from the file\n" + scratch.path() + "\n");
    CHECK(result.stderr_text == "to-stderr\n");
}

TEST_CASE("run_tool kills a tool that outlives its timeout, with its children") {
    ScratchFolder scratch;
    ToolRequest request = request_in(scratch, {"sh", "-c", "sleep 30 & sleep 30"});
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
    ToolRequest request = request_in(scratch, {"sh", "-c",
                                               "echo x > /tmp/snipcheck-tool-escape-$$ && echo wrote-outside; "
                                               "echo inside > here.txt && cat here.txt"});
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
    ToolRequest request = request_in(scratch, {"snipcheck-no-such-tool"});
    const ToolResult result = run_tool(request);
    CHECK_FALSE(result.started);
    CHECK(result.error == "snipcheck-no-such-tool is not installed");
}

namespace {

// Polls `done` every 10 ms until it holds or `seconds` have passed.
template <typename Done>
bool poll_until(Done done, double seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

// Polls until the tool has exited or `seconds` have passed.
bool wait_exit(RunningTool& tool, double seconds) {
    return poll_until([&] { return !tool_running(tool); }, seconds);
}

// Polls until no process of the group is left, for up to five seconds.
bool wait_until_gone(pid_t group) {
    // A process killed here may come back to this one as a zombie, when an
    // earlier test made it a subreaper: reap those, as init would.
    return poll_until([&] { return (::waitpid(-1, nullptr, WNOHANG), ::kill(-group, 0) != 0); }, 5);
}

// Polls until the tool's standard output is `text` (it has got that far).
bool wait_output(const RunningTool& tool, const std::string& text) {
    return poll_until([&] { return read_tail(tool.stdout_path) == text; }, 5);
}

}  // namespace

TEST_CASE("start_tool starts a long-lived tool in the sandbox and stop_tool ends it") {
    ScratchFolder scratch;
    ToolRequest request = request_in(scratch, {"sh", "-c", "echo started; pwd; exec sleep 30"});
    std::string error;
    std::optional<RunningTool> tool = start_tool(request, error);
    REQUIRE(tool);
    CHECK(error.empty());
    CHECK_FALSE(tool->sandbox.protections.empty());
    CHECK(tool_running(*tool));
    CHECK(wait_output(*tool, "started\n" + scratch.path() + "\n"));
    const auto began = std::chrono::steady_clock::now();
    stop_tool(*tool);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    CHECK_FALSE(tool_running(*tool));
    CHECK(tool->signal == SIGTERM);
    CHECK(seconds < 2);
}

TEST_CASE("stop_tool kills a tool that ignores its first signal, with its process group") {
    ScratchFolder scratch;
    ToolRequest request = request_in(scratch, {"sh", "-c", "trap '' TERM; sleep 30 & echo ignoring; wait; wait"});
    std::string error;
    std::optional<RunningTool> tool = start_tool(request, error);
    REQUIRE(tool);
    REQUIRE(wait_output(*tool, "ignoring\n"));
    const auto began = std::chrono::steady_clock::now();
    stop_tool(*tool, SIGTERM, 0.3);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    CHECK(tool->signal == SIGKILL);
    CHECK(seconds < 3);
}

TEST_CASE("tool_running reaps a tool that exits on its own and keeps its exit code") {
    ScratchFolder scratch;
    ToolRequest request = request_in(scratch, {"sh", "-c", "echo gone >&2; exit 4"});
    std::string error;
    std::optional<RunningTool> tool = start_tool(request, error);
    REQUIRE(tool);
    REQUIRE(wait_exit(*tool, 5));
    CHECK(tool->exit_code == 4);
    CHECK(tool->pid == -1);
    CHECK(read_tail(tool->stderr_path) == "gone\n");
    stop_tool(*tool);  // harmless once reaped
    CHECK(tool->exit_code == 4);
}

TEST_CASE("wait_tool waits for a tool's exit and keeps its exit code") {
    ScratchFolder scratch;
    ToolRequest request = request_in(scratch, {"sh", "-c", "sleep 0.2; exit 3"});
    std::string error;
    std::optional<RunningTool> tool = start_tool(request, error);
    REQUIRE(tool);
    CHECK_FALSE(wait_tool(*tool, 10));
    CHECK(tool->exit_code == 3);
    CHECK(tool->pid == -1);
}

TEST_CASE("wait_tool kills a tool still running at its timeout, with its process group") {
    ScratchFolder scratch;
    ToolRequest request = request_in(scratch, {"sh", "-c", "sleep 30 & echo waiting; wait"});
    std::string error;
    std::optional<RunningTool> tool = start_tool(request, error);
    REQUIRE(tool);
    REQUIRE(wait_output(*tool, "waiting\n"));
    const pid_t group = tool->pid;
    const auto began = std::chrono::steady_clock::now();
    CHECK(wait_tool(*tool, 0.3));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    CHECK(tool->signal == SIGKILL);
    CHECK(seconds < 3);
    // The background sleep went with the group.
    CHECK(wait_until_gone(group));
}

TEST_CASE("start_tool says when the program is not installed") {
    ScratchFolder scratch;
    ToolRequest request = request_in(scratch, {"snipcheck-no-such-server"});
    std::string error;
    CHECK_FALSE(start_tool(request, error));
    CHECK(error == "snipcheck-no-such-server is not installed");
}

TEST_CASE("read_tail keeps only the end of a long capture") {
    ScratchFolder scratch;
    REQUIRE(scratch.write("long.txt", std::string(5000, 'a') + "the end"));
    CHECK(read_tail(scratch.path() + "/long.txt", 7) == "the end");
    CHECK(read_tail(scratch.path() + "/long.txt").size() == 2000);
    CHECK(read_tail(scratch.path() + "/absent.txt").empty());
}

TEST_CASE("run_tool leaves nothing the tool started running after it exits") {
    ScratchFolder scratch;
    ToolRequest request = request_in(scratch, {"sh", "-c", "(sleep 5; echo late > late.txt) & echo started"});
    const auto began = std::chrono::steady_clock::now();
    const ToolResult result = run_tool(request);
    CHECK(result.exit_code == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    CHECK(std::chrono::steady_clock::now() - began < std::chrono::seconds(4));
    CHECK(::access((scratch.path() + "/late.txt").c_str(), F_OK) != 0);
    // Still running, the background shell would appear in the process list with this marker.
    const ToolResult check = run_tool([&] {
        ToolRequest ps;
        ps.argv = {"sh", "-c", "ps -eo args | grep -c '[s]leep 5; echo late' || true"};
        ps.scratch = &scratch;
        return ps;
    }());
    CHECK(check.stdout_text == "0\n");
}
