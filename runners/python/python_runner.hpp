#pragma once
// Runs the Python snippets of many documents: one sandboxed child per
// document (forked from the warm fork server, or running another
// interpreter with --python), up to `jobs` at once, each snippet under a
// hard timeout. A snippet that times out or takes its process down is
// recorded, and the rest of its document goes on in a fresh child.

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "extractor/snippet.hpp"
#include "runners/python/fork_server.hpp"
#include "src/expected.hpp"
#include "src/run_output.hpp"
#include "src/snippet_report.hpp"

namespace snipcheck::runners::python {

struct PythonRunnerOptions {
    std::string python;  // empty: the embedded interpreter
    int jobs = 1;
    double default_timeout_seconds = 10.0;
    SandboxLimits limits;
    std::size_t output_cap_bytes = 1 << 20;
    // Imported in the fork server before any child is forked; add what the
    // documents import (imported_modules()) so each child starts warm.
    std::vector<std::string> warm_modules = default_warm_modules();
    std::string scratch_root;  // empty: a fresh folder under $TMPDIR, removed afterwards
    // Environments the fork server sets up before it forks ("django"): add
    // one only when a document needs it, so other runs pay nothing. With
    // "redis", start() starts the run's Redis servers (one per document
    // running at once, runners/python/redis_service.hpp).
    std::vector<std::string> fixtures;
    // Set: there is no Redis server for this run, and this says why
    // ("[fixtures] redis is off"); snippets that connect to one skip.
    std::string redis_unavailable;

    static std::vector<std::string> default_warm_modules();
};

// One document's Python snippets, in document order.
struct PythonDocumentJob {
    std::string file;
    std::vector<const extractor::Snippet*> snippets;
    std::vector<std::string> fixtures;       // "django", "redis" (see fixture_choice.hpp)
    std::vector<std::string> project_names;  // packages of the reader's project the document names
};

struct PythonRunResult {
    std::vector<std::vector<RunOutput>> outputs;  // [job][snippet], same shape as the jobs
    SandboxReport sandbox;  // also says when a Redis server a document needed could not start or died
    std::string python_version;
};

class RedisService;

class PythonRunner {
public:
    // Starts the fork server, and the Redis server when options.fixtures
    // holds "redis" (a Redis server that cannot start is no error here: the
    // snippets that need it skip, saying why). Call before the process
    // starts any thread.
    static Expected<PythonRunner, std::string> start(PythonRunnerOptions options);

    PythonRunner(PythonRunner&&) noexcept;
    PythonRunner& operator=(PythonRunner&&) = delete;
    ~PythonRunner();

    // `progress` is called with the number of snippets finished so far.
    PythonRunResult run(const std::vector<PythonDocumentJob>& jobs,
                        const std::function<void(std::size_t)>& progress = {});

private:
    PythonRunner(PythonRunnerOptions options, ForkServer server, std::string scratch_root, bool own_scratch);

    PythonRunnerOptions m_options;
    std::unique_ptr<ForkServer> m_server;
    std::string m_scratch_root;
    bool m_own_scratch = false;
    std::unique_ptr<RedisService> m_redis;  // the run's Redis servers, when a document needs one
};

}  // namespace snipcheck::runners::python
