#include "runners/python/python_runner.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <optional>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "runners/python/harness_protocol.hpp"
#include "runners/python/redis_service.hpp"
#include "runners/sandbox.hpp"

namespace snipcheck::runners::python {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

// A runner that has not begun its first snippet by then is stuck in start-up,
// which holds the harness's one pass over the document (parsing and
// compiling every snippet: a few milliseconds each).
constexpr std::chrono::seconds k_startup_limit{30};
constexpr std::chrono::milliseconds k_startup_per_snippet{20};
// After its last result a runner only has to exit.
constexpr std::chrono::seconds k_exit_grace{5};

double snippet_timeout(const extractor::Snippet& snippet, double fallback) {
    return snippet.directives.timeout_seconds.value_or(fallback);
}

bool needs_redis(const PythonDocumentJob& document) {
    return std::find(document.fixtures.begin(), document.fixtures.end(), "redis") != document.fixtures.end();
}

void add_unique(std::vector<std::string>& list, const std::vector<std::string>& items) {
    for (const std::string& item : items) {
        if (std::find(list.begin(), list.end(), item) == list.end()) {
            list.push_back(item);
        }
    }
}

// One running child: a document's snippets from `start` on.
struct Child {
    std::size_t job = 0;
    pid_t pid = -1;
    int fd = -1;
    std::string buffer;
    long current = -1;  // position of the snippet running now
    std::size_t start = 0;  // first position this child was asked to run
    std::size_t next = 0;   // first position without a result
    Clock::time_point deadline;
    double current_timeout = 0;
    bool exited = false;
    int exit_code = -1;
    int exit_signal = 0;
    std::string error;
    std::string stderr_tail;  // the runner's last words when it ended
    bool done = false;        // the harness said it has nothing more to send
};

class Loop {
public:
    Loop(ForkServer& server, const PythonRunnerOptions& options, const std::string& scratch_root,
         RedisService& redis, const std::vector<PythonDocumentJob>& jobs,
         const std::function<void(std::size_t)>& progress)
        : m_server(server), m_options(options), m_scratch_root(scratch_root), m_redis(redis), m_jobs(jobs),
          m_progress(progress) {
        m_result.outputs.resize(jobs.size());
        m_avoid.resize(jobs.size());
        for (std::size_t job = 0; job < jobs.size(); ++job) {
            m_result.outputs[job].resize(jobs[job].snippets.size());
            for (RunOutput& output : m_result.outputs[job]) {
                output.end = RunEnd::not_run;
                output.reason = "not run";
            }
            if (!jobs[job].snippets.empty()) {
                m_queue.emplace_back(job, 0);
            }
        }
        m_result.python_version = server.python_version();
    }

    PythonRunResult run() {
        const std::size_t limit = static_cast<std::size_t>(std::max(1, m_options.jobs));
        while (!m_queue.empty() || !m_children.empty()) {
            while (!m_queue.empty() && m_children.size() < limit) {
                auto [job, start] = m_queue.front();
                m_queue.pop_front();
                launch(job, start);
            }
            if (m_children.empty()) {
                continue;
            }
            wait_and_read();
        }
        return std::move(m_result);
    }

private:
    void launch(std::size_t job, std::size_t start) {
        int ends[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0) {
            give_up(job, start, std::string("socketpair: ") + std::strerror(errno));
            settle(job);  // a resumed document holds a Redis server: give it back
            return;
        }
        // The end given away must survive exec in --python mode.
        ::fcntl(ends[1], F_SETFD, 0);
        SpawnRequest spawn;
        spawn.scratch_root = m_scratch_root;
        spawn.limits = m_options.limits;
        spawn.python = m_options.python;
        double budget = 0;
        json snippets = json::array();
        const PythonDocumentJob& document = m_jobs[job];
        for (std::size_t i = 0; i < document.snippets.size(); ++i) {
            const double timeout = snippet_timeout(*document.snippets[i], m_options.default_timeout_seconds);
            budget += i >= start ? timeout : 0;
            snippets.push_back(snippet_request(*document.snippets[i], i, timeout));
        }
        // CPU time can never exceed wall time, so this hard limit only
        // catches a runner the wall clock somehow missed.
        spawn.limits.cpu_seconds = static_cast<std::uint64_t>(budget) + 30;
        json services = json::object();
        if (needs_redis(document)) {
            std::optional<json> redis = m_redis.request_for(job);
            if (!redis) {
                ::close(ends[0]);
                ::close(ends[1]);
                give_up(job, start, "every Redis server of the run is in use");
                settle(job);
                return;
            }
            if (std::string socket = redis->value("socket", std::string()); !socket.empty()) {
                spawn.sockets.push_back(std::move(socket));
            }
            services["redis"] = std::move(*redis);
        }
        auto pid = m_server.spawn(ends[1], spawn);
        if (!pid) {
            ::close(ends[0]);
            give_up(job, start, pid.error());
            settle(job);
            return;
        }
        const json request = {{"file", document.file},
                              {"snippets", std::move(snippets)},
                              {"start", start},
                              {"fixtures", document.fixtures},
                              {"services", std::move(services)},
                              {"project_names", document.project_names},
                              {"avoid", std::vector<std::size_t>(m_avoid[job].begin(), m_avoid[job].end())},
                              {"output_cap", m_options.output_cap_bytes}};
        const std::string text = request.dump(-1, ' ', true, json::error_handler_t::replace) + "\n";
        std::size_t done = 0;
        while (done < text.size()) {
            const ssize_t n = ::send(ends[0], text.data() + done, text.size() - done, MSG_NOSIGNAL);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n <= 0) {
                break;  // the child died early; its end of stream says how
            }
            done += static_cast<std::size_t>(n);
        }
        ::fcntl(ends[0], F_SETFL, O_NONBLOCK);
        Child child;
        child.job = job;
        child.pid = *pid;
        child.fd = ends[0];
        child.start = start;
        child.next = start;
        child.deadline = Clock::now() + k_startup_limit + (document.snippets.size() - start) * k_startup_per_snippet;
        m_children.push_back(std::move(child));
    }

    // A document with no child running and none queued is done: its Redis
    // server goes to the next one.
    void settle(std::size_t job) {
        const bool queued = std::any_of(m_queue.begin(), m_queue.end(), [&](const auto& entry) { return entry.first == job; });
        const bool running = std::any_of(m_children.begin(), m_children.end(), [&](const Child& child) { return child.job == job; });
        if (!queued && !running) {
            m_redis.release(job);
        }
    }

    void give_up(std::size_t job, std::size_t from, const std::string& reason) {
        for (std::size_t i = from; i < m_result.outputs[job].size(); ++i) {
            m_result.outputs[job][i].end = RunEnd::not_run;
            m_result.outputs[job][i].reason = reason;
            finished_one();
        }
    }

    void finished_one() {
        ++m_finished;
        if (m_progress) {
            m_progress(m_finished);
        }
    }

    void wait_and_read() {
        std::vector<pollfd> fds;
        auto soonest = Clock::time_point::max();
        for (const Child& child : m_children) {
            fds.push_back({child.fd, POLLIN, 0});
            soonest = std::min(soonest, child.deadline);
        }
        const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(soonest - Clock::now()).count();
        const int ready = ::poll(fds.data(), fds.size(), static_cast<int>(std::clamp<long long>(wait + 1, 0, 60'000)));
        if (ready < 0 && errno != EINTR) {
            return;
        }
        std::vector<std::size_t> ended;
        for (std::size_t i = 0; i < m_children.size(); ++i) {
            Child& child = m_children[i];
            if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) != 0 && !read_child(child)) {
                ended.push_back(i);
            } else if (Clock::now() >= child.deadline) {
                time_out(child);
                ended.push_back(i);
            }
        }
        for (auto it = ended.rbegin(); it != ended.rend(); ++it) {
            const std::size_t job = m_children[*it].job;
            ::close(m_children[*it].fd);
            m_children.erase(m_children.begin() + static_cast<long>(*it));
            settle(job);
        }
    }

    // Returns false at end of stream (after handling how the child ended).
    bool read_child(Child& child) {
        char chunk[65536];
        for (;;) {
            const ssize_t n = ::read(child.fd, chunk, sizeof chunk);
            if (n > 0) {
                child.buffer.append(chunk, static_cast<std::size_t>(n));
                continue;
            }
            if (n < 0 && errno == EINTR) {
                continue;
            }
            const bool eof = n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
            handle_lines(child);
            // After "done" the runner only exits; its slot goes to the next
            // document now instead of after the process teardown.
            if (eof || child.done) {
                child_ended(child);
                return false;
            }
            return true;
        }
    }

    void handle_lines(Child& child) {
        std::size_t begin = 0;
        for (std::size_t end; (end = child.buffer.find('\n', begin)) != std::string::npos; begin = end + 1) {
            const json message = json::parse(child.buffer.begin() + static_cast<long>(begin),
                                             child.buffer.begin() + static_cast<long>(end), nullptr, false);
            if (!message.is_discarded() && message.is_object()) {
                handle_message(child, message);
            }
        }
        child.buffer.erase(0, begin);
    }

    void handle_message(Child& child, const json& message) {
        const std::string event = message.value("event", std::string());
        const PythonDocumentJob& document = m_jobs[child.job];
        if (event == "sandbox") {
            add_unique(m_result.sandbox.protections, message.value("protections", std::vector<std::string>()));
            add_unique(m_result.sandbox.missing, message.value("missing", std::vector<std::string>()));
        } else if (event == "ready") {
            m_result.python_version = message.value("python", m_result.python_version);
            begin_snippet(child, child.next);
                } else if (event == "result") {
            const std::size_t position = message.value("position", std::size_t{0});
            if (position < document.snippets.size()) {
                m_result.outputs[child.job][position] = output_from_result(message);
                child.next = position + 1;
                finished_one();
                begin_snippet(child, child.next);
            }
        } else if (event == "done") {
            child.current = -1;
            child.done = true;
        } else if (event == "exit") {
            child.exited = true;
            child.exit_code = message.value("code", -1);
            child.exit_signal = message.value("signal", 0);
            if (message.contains("error")) {
                child.error = message.value("error", std::string());
            }
            child.stderr_tail = message.value("stderr", std::string());
        } else if (event == "error") {
            child.error = message.value("message", std::string("the runner failed"));
        }
    }

    // The harness starts each snippet as soon as the previous one's result
    // is sent (the first one after "ready"), so its clock starts here.
    void begin_snippet(Child& child, std::size_t position) {
        const PythonDocumentJob& document = m_jobs[child.job];
        if (position >= document.snippets.size()) {
            child.current = -1;
            child.deadline = Clock::now() + k_exit_grace;
            return;
        }
        child.current = static_cast<long>(position);
        child.current_timeout = snippet_timeout(*document.snippets[position], m_options.default_timeout_seconds);
        child.deadline = Clock::now() + std::chrono::milliseconds(static_cast<long>(child.current_timeout * 1000));
    }

    void child_ended(Child& child) {
        const std::size_t count = m_jobs[child.job].snippets.size();
        if (child.current >= 0) {
            const auto position = static_cast<std::size_t>(child.current);
            RunOutput& output = m_result.outputs[child.job][position];
            output = RunOutput{};
            if (child.exit_signal == SIGXCPU) {
                output.end = RunEnd::timeout;
                output.reason = "CPU time limit reached";
            } else if (child.exit_signal != 0) {
                output.end = RunEnd::crashed;
                output.signal = child.exit_signal;  // the checker names it
            } else if (child.exited) {
                output.end = RunEnd::exited;
                output.exit_code = child.exit_code;
                output.reason = fmt::format("the process exited with status {} in the middle of the snippet "
                                            "(os._exit() or a C extension's exit())",
                                            child.exit_code);
            } else {
                output.end = RunEnd::crashed;
                output.reason = "the runner ended without saying how";
            }
            finished_one();
            resume_after(child, position);
            return;
        }
        if (child.next < count && child.next > child.start && child.error.empty()) {
            // The runner stopped after a snippet it could not clean up after.
            m_queue.emplace_front(child.job, child.next);
            return;
        }
        if (child.next < count) {
            std::string reason = child.error.empty() ? std::string("the runner ended before running this snippet")
                                                     : child.error;
            if (child.error.empty() && !child.stderr_tail.empty()) {
                // The last line of a Python fatal error or traceback names the cause.
                std::string tail = child.stderr_tail;
                while (!tail.empty() && (tail.back() == '\n' || tail.back() == ' ')) {
                    tail.pop_back();
                }
                reason += ": " + tail.substr(tail.rfind('\n') == std::string::npos ? 0 : tail.rfind('\n') + 1);
            }
            give_up(child.job, child.next, reason);
        }
    }

    void time_out(Child& child) {
        ::kill(-child.pid, SIGKILL);
        ::kill(child.pid, SIGKILL);
        if (child.current < 0) {
            give_up(child.job, child.next, "the runner did not start in time (killed)");
            return;
        }
        const auto position = static_cast<std::size_t>(child.current);
        RunOutput& output = m_result.outputs[child.job][position];
        output = RunOutput{};
        output.end = RunEnd::timeout;
        output.reason = fmt::format("timed out after {:g} s (killed with every process it started)",
                                    child.current_timeout);
        finished_one();
        resume_after(child, position);
    }

    // The rest of the document goes on in a fresh child, which will not
    // replay the snippet that went wrong.
    void resume_after(const Child& child, std::size_t position) {
        m_avoid[child.job].insert(position);
        if (position + 1 < m_jobs[child.job].snippets.size()) {
            m_queue.emplace_front(child.job, position + 1);
        }
    }

    ForkServer& m_server;
    const PythonRunnerOptions& m_options;
    const std::string& m_scratch_root;
    RedisService& m_redis;
    const std::vector<PythonDocumentJob>& m_jobs;
    const std::function<void(std::size_t)>& m_progress;
    PythonRunResult m_result;
    std::vector<std::set<std::size_t>> m_avoid;
    std::deque<std::pair<std::size_t, std::size_t>> m_queue;
    std::vector<Child> m_children;
    std::size_t m_finished = 0;
};

}  // namespace

std::vector<std::string> PythonRunnerOptions::default_warm_modules() {
    // What the harness itself needs is loaded anyway; these few are cheap
    // and nearly every answer uses one of them.
    return {"json", "re", "collections", "itertools", "functools", "math"};
}

Expected<PythonRunner, std::string> PythonRunner::start(PythonRunnerOptions options) {
    std::string scratch = options.scratch_root;
    bool own = false;
    if (scratch.empty()) {
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/snipcheck-run-XXXXXX";
        if (::mkdtemp(pattern.data()) == nullptr) {
            return unexpected(std::string("cannot make a scratch folder: ") + std::strerror(errno));
        }
        scratch = pattern;
        own = true;
        // The runners drop to user nobody, who must reach their folders.
        ::chmod(scratch.c_str(), 0711);
    }
    auto server = ForkServer::start(options.python.empty(), options.warm_modules, options.fixtures);
    if (!server) {
        if (own) {
            remove_tree(scratch);
        }
        return unexpected(server.error());
    }
    const bool wants_redis = std::find(options.fixtures.begin(), options.fixtures.end(), "redis") != options.fixtures.end();
    auto redis = std::make_unique<RedisService>(RedisService::start(
        wants_redis ? RedisWanted::yes : RedisWanted::no, options.redis_unavailable, std::max(1, options.jobs)));
    PythonRunner runner(std::move(options), std::move(*server), std::move(scratch), own);
    runner.m_redis = std::move(redis);
    return runner;
}

PythonRunner::PythonRunner(PythonRunnerOptions options, ForkServer server, std::string scratch_root, bool own_scratch)
    : m_options(std::move(options)),
      m_server(std::make_unique<ForkServer>(std::move(server))),
      m_scratch_root(std::move(scratch_root)),
      m_own_scratch(own_scratch) {}

PythonRunner::PythonRunner(PythonRunner&& other) noexcept
    : m_options(std::move(other.m_options)),
      m_server(std::move(other.m_server)),
      m_scratch_root(std::move(other.m_scratch_root)),
      m_own_scratch(other.m_own_scratch),
      m_redis(std::move(other.m_redis)) {
    other.m_own_scratch = false;
}

PythonRunner::~PythonRunner() {
    m_server.reset();
    m_redis.reset();  // stopped, its folder removed
    if (m_own_scratch) {
        remove_tree(m_scratch_root);
    }
}

PythonRunResult PythonRunner::run(const std::vector<PythonDocumentJob>& jobs,
                                  const std::function<void(std::size_t)>& progress) {
    PythonRunResult result = Loop(*m_server, m_options, m_scratch_root, *m_redis, jobs, progress).run();
    if (!m_redis->start_error().empty()) {
        result.sandbox.missing.push_back("Redis server: " + m_redis->start_error());
    }
    add_unique(result.sandbox.missing, m_redis->take_deaths());
    return result;
}

}  // namespace snipcheck::runners::python
