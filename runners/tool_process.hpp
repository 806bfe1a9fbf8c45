#pragma once
// Runs an external checker (nginx -t, shellcheck, node --check, a database
// client) on a snippet, in the same sandbox as Python snippets: its own
// network and pid namespaces, user nobody, writes only in a scratch folder,
// resource limits, and a hard timeout that kills its process group.
//
// The caller writes the tool's input files into the scratch folder first;
// the tool reads them from there (it runs as nobody, in that folder).

#include <sys/types.h>

#include <csignal>
#include <optional>
#include <string>
#include <vector>

#include "runners/sandbox.hpp"

namespace snipcheck::runners {

// A scratch folder that removes itself. Readable by the sandboxed tool.
class ScratchFolder {
public:
    // Empty path() when the folder could not be made; error() says why.
    ScratchFolder();
    ~ScratchFolder();
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;

    const std::string& path() const { return m_path; }
    const std::string& error() const { return m_error; }
    // Writes `text` to path()/name; false when it could not.
    bool write(const std::string& name, const std::string& text) const;

private:
    std::string m_root;  // holds the scratch folder and the capture files
    std::string m_path;
    std::string m_error;
};

struct ToolRequest {
    std::vector<std::string> argv;  // argv[0] is an absolute path or found on PATH
    const ScratchFolder* scratch = nullptr;  // working directory, the only writable place
    double timeout_seconds = 10;
    SandboxLimits limits;
    bool keep_network = false;  // true only for tools that talk to a server on a private socket
};

struct ToolResult {
    bool started = false;   // false: `error` says why nothing ran
    bool timed_out = false;
    int exit_code = -1;     // when it exited
    int signal = 0;         // when a signal ended it
    std::string stdout_text;
    std::string stderr_text;
    std::string error;
    SandboxNotes sandbox;
};

// Runs a tool to its end or its timeout; `started` false and `error` when
// it could not be run at all.
ToolResult run_tool(const ToolRequest& request);

// A long-lived tool (a database server) started by start_tool.
struct RunningTool {
    pid_t pid = -1;           // leader of its own process group; -1 once reaped
    std::string stdout_path;  // its standard streams, captured in files beside the scratch folder
    std::string stderr_path;
    SandboxNotes sandbox;
    int exit_code = -1;       // once it has exited
    int signal = 0;           // once a signal has ended it
};

// Starts a tool in the same sandbox as run_tool and returns once it has
// been exec'd (request.timeout_seconds is ignored: stop it with stop_tool).
// It is killed if the calling thread dies. nullopt and `error` when the
// program is missing or could not be exec'd.
std::optional<RunningTool> start_tool(const ToolRequest& request, std::string& error);

// Is the tool still running? Reaps it (filling exit_code/signal) when not.
bool tool_running(RunningTool& tool);

// Waits for the tool to end, up to `timeout_seconds`, then kills its whole
// process group; always reaps. True when it timed out.
bool wait_tool(RunningTool& tool, double timeout_seconds);

// Sends `first_signal` (servers differ in which one means "shut down now"),
// waits up to `grace_seconds`, then kills the whole process group; always reaps.
void stop_tool(RunningTool& tool, int first_signal = SIGTERM, double grace_seconds = 5);

// The end of a captured stream of a tool, at most `max_bytes` of it, for messages.
std::string read_tail(const std::string& path, std::size_t max_bytes = 2000);

// The absolute path of `name` on PATH (or `name` itself when it has a
// slash and is executable); empty when there is none.
std::string find_program(const std::string& name);

// The protections any tool or server started so far in this process went
// without (each once), so the run's report can say so.
std::vector<std::string> tool_sandbox_missing();

}  // namespace snipcheck::runners
