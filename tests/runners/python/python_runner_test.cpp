// The Python runner against real misbehaving snippets: each runs in the real
// sandbox (fork server, namespaces, Landlock, limits); after each, the next
// snippet still runs and no process is left behind.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "extractor/extractor.hpp"
#include "runners/python/python_runner.hpp"
#include "src/checker.hpp"
#include "tests/extractor/test_documents.hpp"

using namespace snipcheck;
using runners::python::PythonDocumentJob;
using runners::python::PythonRunner;
using runners::python::PythonRunnerOptions;

namespace {

struct Ran {
    extractor::ExtractedDocument extracted;
    std::vector<RunOutput> outputs;
    std::vector<Verdict> verdicts;
    SandboxReport sandbox;
    std::string python_version;
    double seconds = 0;
};

Ran run_markdown(const std::string& markdown, double timeout = 5.0, const std::string& python = {}) {
    // Orphans of the runner come back to this process, so leftovers are seen.
    ::prctl(PR_SET_CHILD_SUBREAPER, 1);
    const extractor::Document document = test::document_from_bytes("doc.md", markdown);
    Ran ran;
    ran.extracted = extractor::extract(document);
    PythonDocumentJob job{"doc.md", {}, {}, {}};
    for (const extractor::Snippet& snippet : ran.extracted.snippets) {
        job.snippets.push_back(&snippet);
    }
    PythonRunnerOptions options;
    options.default_timeout_seconds = timeout;
    options.python = python;
    const auto began = std::chrono::steady_clock::now();
    {
        auto runner = PythonRunner::start(options);
        INFO((runner ? std::string() : runner.error()));
        REQUIRE(runner.has_value());
        auto result = runner->run({job});
        ran.outputs = std::move(result.outputs.at(0));
        ran.sandbox = std::move(result.sandbox);
        ran.python_version = result.python_version;
    }
    ran.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    for (std::size_t i = 0; i < ran.outputs.size(); ++i) {
        ran.verdicts.push_back(check(ran.extracted.snippets[i], ran.outputs[i]));
    }
    return ran;
}

// Processes below this one that are still alive (zombies are reaped).
std::vector<pid_t> living_descendants() {
    while (::waitpid(-1, nullptr, WNOHANG) > 0) {
    }
    std::multimap<pid_t, pid_t> children;
    std::set<pid_t> zombies;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
        const std::string name = entry.path().filename();
        if (name.find_first_not_of("0123456789") != std::string::npos) {
            continue;
        }
        std::ifstream stat(entry.path() / "stat");
        std::string text;
        std::getline(stat, text);
        const auto close = text.rfind(')');
        if (close == std::string::npos) {
            continue;
        }
        std::istringstream rest(text.substr(close + 2));
        char state = '?';
        pid_t parent = 0;
        rest >> state >> parent;
        const pid_t pid = std::stoi(name);
        children.emplace(parent, pid);
        if (state == 'Z' || state == 'X') {
            zombies.insert(pid);
        }
    }
    std::vector<pid_t> living;
    std::vector<pid_t> pending = {::getpid()};
    while (!pending.empty()) {
        const pid_t parent = pending.back();
        pending.pop_back();
        for (auto [it, end] = children.equal_range(parent); it != end; ++it) {
            pending.push_back(it->second);
            if (!zombies.contains(it->second)) {
                living.push_back(it->second);
            }
        }
    }
    return living;
}

// The kernel tears a pid namespace down asynchronously; give it a moment.
bool nothing_left_running() {
    for (int attempt = 0; attempt < 100; ++attempt) {
        if (living_descendants().empty()) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

bool mentions(const std::vector<std::string>& notes, const std::string& word) {
    for (const std::string& note : notes) {
        if (note.find(word) != std::string::npos) {
            return true;
        }
    }
    return false;
}

const std::string k_next_snippet = "```python\nprint('next')  # Output: next\n```\n";

void require_next_snippet_ran(const Ran& ran) {
    REQUIRE(!ran.verdicts.empty());
    CHECK(ran.verdicts.back().status == Status::pass);
    CHECK(ran.verdicts.back().evidence == Evidence::output);
    CHECK(nothing_left_running());
}

}  // namespace

TEST_CASE("output is checked per statement and a snippet gets the definitions it uses", "[python_runner]") {
    const Ran ran = run_markdown(
        "```python\ndef add(a, b):\n    return a + b\n\nprint(add(2, 3))  # Output: 5\n```\n\n"
        "```python\nprint(add(1, 1))  # Output: 3\n```\n\n"
        "```python\ndef add(a, b):\n    return a * b\n```\n\n"
        "```python\nprint(add(2, 5))  # 10\n```\n");
    REQUIRE(ran.outputs.size() == 4);
    CHECK(ran.verdicts[0].status == Status::pass);
    CHECK(ran.verdicts[1].status == Status::fail);
    REQUIRE(ran.verdicts[1].expectations.size() == 1);
    CHECK(ran.verdicts[1].expectations[0].actual == "2");
    CHECK(ran.outputs[1].replayed == std::vector<std::string>{ran.extracted.snippets[0].id});
    // The later definition wins, as a reader expects.
    CHECK(ran.verdicts[3].status == Status::pass);
    CHECK(ran.outputs[3].replayed == std::vector<std::string>{ran.extracted.snippets[2].id});
    CHECK(ran.outputs[2].replayed.empty());
    CHECK(nothing_left_running());
}

TEST_CASE("an endless loop times out and the document goes on", "[python_runner]") {
    const Ran ran = run_markdown("```python\nwhile True:\n    pass\n```\n\n" + k_next_snippet, 1.0);
    REQUIRE(ran.outputs.size() == 2);
    CHECK(ran.outputs[0].end == RunEnd::timeout);
    CHECK(ran.verdicts[0].status == Status::timeout);
    CHECK(ran.seconds < 6.0);
    require_next_snippet_ran(ran);
}

TEST_CASE("a network call fails at once", "[python_runner]") {
    const Ran ran = run_markdown(
        "```python\nimport socket\nsocket.create_connection(('192.0.2.1', 80), timeout=30)\n```\n\n"
        "```python\nimport urllib.request\nurllib.request.urlopen('http://example.com', timeout=30)\n```\n\n" +
        k_next_snippet);
    REQUIRE(ran.outputs.size() == 3);
    for (int i = 0; i < 2; ++i) {
        INFO("snippet " << i << ": " << ran.outputs[i].exception_type << ": " << ran.outputs[i].exception_message);
        CHECK(ran.verdicts[i].status == Status::error);
        CHECK(ran.outputs[i].end == RunEnd::raised);
        CHECK(ran.outputs[i].duration_ms < 2000);
    }
    CHECK(mentions(ran.sandbox.protections, "network namespace"));
    require_next_snippet_ran(ran);
}

TEST_CASE("a large allocation raises MemoryError", "[python_runner]") {
    const Ran ran = run_markdown("```python\nblock = bytearray(8 * 1024 ** 3)\n```\n\n" + k_next_snippet);
    REQUIRE(ran.outputs.size() == 2);
    CHECK(ran.outputs[0].end == RunEnd::raised);
    CHECK(ran.outputs[0].exception_type == "MemoryError");
    require_next_snippet_ran(ran);
}

TEST_CASE("writing outside the scratch folder is refused and the file is untouched", "[python_runner]") {
    // Not under /tmp or /dev/shm, which the runner has private ones of.
    std::string parent = std::filesystem::current_path().string();
    if (parent.rfind("/tmp", 0) == 0 || parent.rfind("/dev/shm", 0) == 0) {
        parent = "/var/tmp";
    }
    std::string folder = parent + "/snipcheck-outside-XXXXXX";
    REQUIRE(::mkdtemp(folder.data()) != nullptr);
    ::chmod(folder.c_str(), 0777);  // even a folder anyone may write to
    const std::string victim = folder + "/victim.txt";
    std::ofstream(victim) << "original";
    ::chmod(victim.c_str(), 0666);
    const Ran ran = run_markdown("```python\nopen('" + victim + "', 'w').write('damaged')\n```\n\n"
                                 "```python\nopen('" + folder + "/new.txt', 'w').write('x')\n```\n\n"
                                 "```python\nopen('inside.txt', 'w').write('ok')\nprint(open('inside.txt').read())  # ok\n```\n\n" +
                                 k_next_snippet);
    REQUIRE(ran.outputs.size() == 4);
    if (mentions(ran.sandbox.missing, "filesystem")) {
        WARN("Landlock is missing here; the report says so");
    } else {
        CHECK(ran.outputs[0].exception_type == "PermissionError");
        CHECK(ran.outputs[1].exception_type == "PermissionError");
        std::ifstream in(victim);
        std::string content;
        std::getline(in, content);
        CHECK(content == "original");
        CHECK(!std::filesystem::exists(folder + "/new.txt"));
    }
    CHECK(ran.verdicts[2].status == Status::pass);
    std::filesystem::remove_all(folder);
    require_next_snippet_ran(ran);
}

TEST_CASE("input(), sys.exit and os._exit are errors with the reason", "[python_runner]") {
    const Ran ran = run_markdown("```python\nname = input()\n```\n\n"
                                 "```python\nimport sys\nsys.exit(3)\n```\n\n"
                                 "```python\nimport os\nos._exit(4)\n```\n\n" +
                                 k_next_snippet);
    REQUIRE(ran.outputs.size() == 4);
    CHECK(ran.outputs[0].end == RunEnd::stdin_read);
    CHECK(ran.verdicts[0].status == Status::error);
    CHECK(ran.outputs[1].end == RunEnd::exited);
    CHECK(ran.outputs[1].exit_code == 3);
    CHECK(ran.verdicts[1].status == Status::error);
    CHECK(ran.verdicts[1].message.find("sys.exit(3)") != std::string::npos);
    CHECK(ran.outputs[2].end == RunEnd::exited);
    CHECK(ran.outputs[2].exit_code == 4);
    CHECK(ran.verdicts[2].status == Status::error);
    require_next_snippet_ran(ran);
}

TEST_CASE("a segfault through ctypes is an error and the document goes on", "[python_runner]") {
    const Ran ran = run_markdown("```python\nimport ctypes\nctypes.string_at(0)\n```\n\n" + k_next_snippet);
    REQUIRE(ran.outputs.size() == 2);
    CHECK(ran.outputs[0].end == RunEnd::crashed);
    CHECK(ran.outputs[0].signal == SIGSEGV);
    CHECK(ran.verdicts[0].status == Status::error);
    CHECK(ran.verdicts[0].message.find("SIGSEGV") != std::string::npos);
    require_next_snippet_ran(ran);
}

TEST_CASE("200 forked children sleeping are gone after the snippet", "[python_runner]") {
    const Ran ran = run_markdown(
        "```python\nimport os, time\nfor i in range(200):\n    if os.fork() == 0:\n        time.sleep(1000)\n"
        "        os._exit(0)\nprint('forked')  # Output: forked\n```\n\n"
        "```python\nimport os\ntry:\n    os.waitpid(-1, os.WNOHANG)\n    print('children left')\n"
        "except ChildProcessError:\n    print('no children')\n```\n\n```\nno children\n```\n\n" +
        k_next_snippet);
    REQUIRE(ran.outputs.size() == 3);
    CHECK(ran.verdicts[0].status == Status::pass);
    if (mentions(ran.sandbox.protections, "pid namespace")) {
        CHECK(ran.verdicts[1].status == Status::pass);
    }
    require_next_snippet_ran(ran);
}

TEST_CASE("a non-daemon thread still running is a timeout and does not leak", "[python_runner]") {
    const Ran ran = run_markdown(
        "```python\nimport threading, time\nthreading.Thread(target=time.sleep, args=(1000,), name='sleeper').start()\n```\n\n"
        "```python\nimport threading\nprint(threading.active_count())  # Output: 1\n```\n\n" +
            k_next_snippet,
        3.0);
    REQUIRE(ran.outputs.size() == 3);
    CHECK(ran.outputs[0].end == RunEnd::timeout);
    CHECK(ran.verdicts[0].status == Status::timeout);
    CHECK(ran.outputs[0].reason.find("sleeper") != std::string::npos);
    CHECK(ran.verdicts[1].status == Status::pass);
    require_next_snippet_ran(ran);
}

TEST_CASE("tracebacks point at document lines", "[python_runner]") {
    const Ran ran = run_markdown("Some prose.\n\n```python\ndef parse(text):\n    return int(text)\n\n"
                                 "parse('x')\n```\n");
    REQUIRE(ran.outputs.size() == 1);
    const RunOutput& run = ran.outputs[0];
    CHECK(run.end == RunEnd::raised);
    CHECK(run.exception_type == "ValueError");
    CHECK(run.exception_line == 5);  // `return int(text)` is line 5 of the document
    CHECK(run.traceback.find("File \"doc.md\", line 7") != std::string::npos);
    CHECK(run.traceback.find("File \"doc.md\", line 5") != std::string::npos);
    CHECK(run.traceback.find("    return int(text)") != std::string::npos);
    CHECK(run.traceback.find("harness") == std::string::npos);
}

TEST_CASE("expected exceptions and doctest sessions are honoured", "[python_runner]") {
    const Ran ran = run_markdown(
        "```python\nint('x')  # raises ValueError\nprint('went on')  # Output: went on\n```\n\n"
        ">>> 1 + 1\n2\n>>> [n * n for n in range(3)]\n[0, 1, 4]\n>>> {'b': 2, 'a': 1}\n{'a': 1, 'b': 2}\n"
        ">>> int('x')\nTraceback (most recent call last):\n  ...\nValueError: invalid literal\n>>> print('after')\nafter\n");
    REQUIRE(ran.outputs.size() == 2);
    CHECK(ran.verdicts[0].status == Status::pass);
    CHECK(ran.verdicts[0].expectations.size() == 2);
    CHECK(ran.extracted.snippets[1].form == extractor::SnippetForm::session);
    INFO(ran.verdicts[1].message);
    CHECK(ran.verdicts[1].status == Status::pass);
    CHECK(ran.verdicts[1].expectations.size() == 5);
}

TEST_CASE("a bare expression with an expectation is shown as a REPL shows it", "[python_runner]") {
    const Ran ran = run_markdown("```python\nwords = ['a', 'b']\nwords  # Output: ['a', 'b']\nlen(words)  # => 2\n"
                                 "None  # Output: None\n```\n");
    REQUIRE(ran.outputs.size() == 1);
    INFO(ran.verdicts[0].message);
    CHECK(ran.verdicts[0].expectations.size() == 3);
    CHECK(ran.verdicts[0].expectations[0].ok);
    CHECK(ran.verdicts[0].expectations[1].ok);
    // A REPL shows nothing for None: the document is wrong there.
    CHECK_FALSE(ran.verdicts[0].expectations[2].ok);
}

TEST_CASE("every protection is in place or reported missing", "[python_runner]") {
    const Ran ran = run_markdown(k_next_snippet);
    for (const char* protection : {"network", "pid namespace", "scratch folder", "limits", "standard input"}) {
        INFO(protection);
        CHECK((mentions(ran.sandbox.protections, protection) || mentions(ran.sandbox.missing, protection)));
    }
    CHECK(!ran.python_version.empty());
    CHECK((mentions(ran.sandbox.protections, "private /tmp") || mentions(ran.sandbox.missing, "private /tmp")));
}

TEST_CASE("/tmp and /dev/shm are the document's own: written, shared by its processes, gone afterwards",
          "[python_runner]") {
    const std::string name = "snipcheck-private-tmp-" + std::to_string(::getpid());
    const std::string machine_file = "/tmp/" + name;
    std::ofstream(machine_file) << "the machine's";
    const Ran ran = run_markdown(
        "```python\nimport os\nprint(os.path.exists('" + machine_file + "'))  # Output: False\n"
        "with open('/tmp/" + name + "', 'w') as out:\n    out.write('the document')\n"
        "print(open('/tmp/" + name + "').read())  # Output: the document\n```\n\n"
        // multiprocessing keeps its semaphores in /dev/shm.
        "```python\nfrom multiprocessing import Pool\n\ndef square(x):\n    return x * x\n\n"
        "with Pool(2) as pool:\n    print(pool.map(square, range(4)))  # Output: [0, 1, 4, 9]\n```\n\n"
        "```python\nopen('/dev/shm/" + name + "', 'w').write('x')\nimport os\n"
        "print(os.listdir('/dev/shm'))  # Output: ['" + name + "']\n```\n\n" +
        k_next_snippet);
    REQUIRE(ran.outputs.size() == 4);
    if (mentions(ran.sandbox.missing, "private /tmp")) {
        WARN("no private /tmp here (no mount namespace); the report says so");
    } else {
        CHECK(mentions(ran.sandbox.protections, "private /tmp"));
        for (std::size_t i = 0; i < 3; ++i) {
            INFO(i << ": " << ran.verdicts[i].message << "\n" << ran.outputs[i].stdout_text << ran.outputs[i].stderr_text);
            CHECK(ran.verdicts[i].status == Status::pass);
            CHECK(ran.verdicts[i].evidence == Evidence::output);
        }
    }
    std::ifstream in(machine_file);
    std::string content;
    std::getline(in, content);
    CHECK(content == "the machine's");
    CHECK(!std::filesystem::exists("/dev/shm/" + name));
    std::filesystem::remove(machine_file);
    require_next_snippet_ran(ran);
}

TEST_CASE("another interpreter given with --python runs the same harness", "[python_runner]") {
    const char* python = "/usr/bin/python3";
    if (::access(python, X_OK) != 0) {
        WARN("no /usr/bin/python3: nothing to compare with");
        return;
    }
    const std::string markdown = "```python\nimport sys\nprint(sorted({3, 1, 2}))  # Output: [1, 2, 3]\n"
                                 "def f():\n    raise KeyError('k')\n```\n\n```python\nf()\n```\n\n" + k_next_snippet;
    const Ran embedded = run_markdown(markdown);
    const Ran subprocess = run_markdown(markdown, 5.0, python);
    REQUIRE(subprocess.outputs.size() == embedded.outputs.size());
    for (std::size_t i = 0; i < embedded.outputs.size(); ++i) {
        CHECK(subprocess.verdicts[i].status == embedded.verdicts[i].status);
        CHECK(subprocess.outputs[i].stdout_text == embedded.outputs[i].stdout_text);
        CHECK(subprocess.outputs[i].exception_type == embedded.outputs[i].exception_type);
        CHECK(subprocess.outputs[i].exception_line == embedded.outputs[i].exception_line);
    }
    CHECK(subprocess.verdicts[1].status == Status::error);
    CHECK(!subprocess.python_version.empty());
    CHECK(nothing_left_running());
}

TEST_CASE("a snippet's environment is its scratch folder, PATH and the locale, not the caller's variables",
          "[python_runner]") {
    ::setenv("SNIPCHECK_TEST_SECRET", "token", 1);
    // The runner is a fork of a fork of this process: the environment block
    // this process started with is in its memory, and in /proc/self/environ.
    std::ifstream own("/proc/self/environ", std::ios::binary);
    std::string first_entry;
    std::getline(own, first_entry, '\0');
    REQUIRE(!first_entry.empty());
    const std::string markdown =
        "```python\nimport os, tempfile\nprint('SNIPCHECK_TEST_SECRET' in os.environ)  # Output: False\n"
        "print(os.environ['HOME'] == os.getcwd() == tempfile.gettempdir() == os.path.expanduser('~'))  # Output: True\n"
        "print('PATH' in os.environ)  # Output: True\n```\n\n"
        // Readable again after the change of user made the process undumpable.
        "```python\nimport ctypes\nctypes.CDLL(None).prctl(4, 1, 0, 0, 0)\n"
        "print([entry for entry in open('/proc/self/environ', 'rb').read().split(b'\\0') if entry])  # Output: []\n```\n\n" +
        k_next_snippet;
    const Ran embedded = run_markdown(markdown);
    CHECK(embedded.verdicts.at(0).status == Status::pass);
    INFO(embedded.verdicts.at(1).message);
    CHECK(embedded.verdicts.at(1).status == Status::pass);
    CHECK(mentions(embedded.sandbox.protections, "environment"));
    if (::access("/usr/bin/python3", X_OK) == 0) {
        const Ran subprocess = run_markdown(markdown, 5.0, "/usr/bin/python3");
        CHECK(subprocess.verdicts.at(0).status == Status::pass);
    }
    ::unsetenv("SNIPCHECK_TEST_SECRET");
    require_next_snippet_ran(embedded);
}

TEST_CASE("a long document's one pass over its snippets does not use up its first snippet's time limit",
          "[python_runner]") {
    // The harness parses and compiles every snippet before the first runs;
    // 4,000 of them take about 0.5 s here, five times the first one's limit.
    std::string markdown = "```python\n# snipcheck: timeout=0.1\nprint('first')  # Output: first\n```\n\n";
    for (int i = 0; i < 4000; ++i) {
        markdown += "```python\ndef step_" + std::to_string(i) + "(values):\n    return [v * " + std::to_string(i) +
                    " for v in values if v % 3]\n```\n\n";
    }
    const Ran ran = run_markdown(markdown + k_next_snippet);
    REQUIRE(ran.outputs.size() == 4002);
    INFO(ran.outputs[0].reason);
    CHECK(ran.verdicts[0].status == Status::pass);
    require_next_snippet_ran(ran);
}

TEST_CASE("a snippet that needs a library not installed here is skipped, not failed", "[python_runner]") {
    const Ran ran = run_markdown("```python\nimport snipcheck_no_such_module\nprint(1)\n```\n\n"
                                 "```python\nfrom .models import Person\n```\n\n"
                                 "```python\nfrom json import no_such_name\n```\n\n"
                                 "```python\nimport json\njson.loads('not json')\n```\n\n" +
                                 k_next_snippet);
    REQUIRE(ran.outputs.size() == 5);
    CHECK(ran.verdicts[0].status == Status::skip);
    CHECK(ran.verdicts[0].message.find("snipcheck_no_such_module") != std::string::npos);
    // The reader's own package: the name is a stand-in, listed, and the snippet runs.
    CHECK(ran.verdicts[1].status == Status::pass);
    CHECK(ran.outputs[1].stubs == std::vector<std::string>{".models.Person"});
    // json is installed: a name missing from it is the document's mistake.
    CHECK(ran.verdicts[2].status == Status::error);
    CHECK(ran.verdicts[3].status == Status::error);
    CHECK(ran.outputs[3].exception_type == "json.decoder.JSONDecodeError");
    require_next_snippet_ran(ran);
}

TEST_CASE("session directives force isolation or the whole document", "[python_runner]") {
    const Ran ran = run_markdown("```python\nx = 1\n```\n\n"
                                 "<!-- snipcheck: session=isolated -->\n```python\nprint(x)\n```\n\n"
                                 "```python\nimport random\nstate = [1]\n```\n\n"
                                 "```python\nstate.append(2)\n```\n\n"
                                 "<!-- snipcheck: session=document -->\n```python\nprint(x, state)  # Output: 1 [1, 2]\n```\n\n"
                                 "```python\nprint(x, state)  # Output: 1 [1]\n```\n");
    REQUIRE(ran.outputs.size() == 6);
    CHECK(ran.verdicts[1].status == Status::error);
    CHECK(ran.outputs[1].exception_type == "NameError");
    CHECK(ran.outputs[1].replayed.empty());
    // The whole document: every earlier snippet, in order (the failing one too).
    CHECK(ran.verdicts[4].status == Status::pass);
    CHECK(ran.outputs[4].replayed.size() == 4);
    // Automatic: only the definitions used; `state.append(2)` defines nothing.
    CHECK(ran.verdicts[5].status == Status::pass);
    CHECK(ran.outputs[5].replayed.size() == 2);
}

TEST_CASE("'# raises' inside a try block holds when the line raised and a handler caught it", "[python_runner]") {
    const Ran ran = run_markdown("```python\ndef check(v):\n    if v < 0:\n        raise ValueError(v)\n\n"
                                 "try:\n    check(-1)  # raises ValueError\nexcept ValueError:\n    pass\n\n"
                                 "try:\n    check(1)  # raises ValueError\nexcept ValueError:\n    pass\n```\n");
    REQUIRE(ran.verdicts.size() == 1);
    REQUIRE(ran.verdicts[0].expectations.size() == 2);
    CHECK(ran.verdicts[0].expectations[0].ok);
    CHECK(ran.verdicts[0].expectations[0].how == "raised and caught");
    CHECK_FALSE(ran.verdicts[0].expectations[1].ok);
    CHECK(ran.verdicts[0].status == Status::fail);
}

TEST_CASE("statements sharing a line, decorators and line numbers survive compiling from text", "[python_runner]") {
    const Ran ran = run_markdown("Intro.\n\n```python\nimport functools\n\n@functools.lru_cache\n"
                                 "def square(n):\n    return n * n\n\nx = 3; print(square(x))  # Output: 9\n"
                                 "print(square(4))  # Output: 16\nsquare(None)\n```\n");
    REQUIRE(ran.outputs.size() == 1);
    const RunOutput& run = ran.outputs[0];
    CHECK(ran.verdicts[0].expectations.size() == 2);
    CHECK(ran.verdicts[0].expectations[0].ok);
    CHECK(ran.verdicts[0].expectations[1].ok);
    CHECK(run.exception_type == "TypeError");
    CHECK(run.exception_line == 8);  // `return n * n`
    CHECK(run.traceback.find("File \"doc.md\", line 12") != std::string::npos);  // `square(None)`
}

TEST_CASE("a snippet nested deeper than the parser goes is its own error and the document goes on",
          "[python_runner]") {
    std::string deep = "x = ";
    for (int i = 0; i < 3000; ++i) {
        deep += "1+";
    }
    deep += "1";
    const Ran ran = run_markdown("```python\nlimit = 1\n```\n\n```python\n" + deep + "\n```\n\n" +
                                 "```python\nprint(limit)  # Output: 1\n```\n\n" + k_next_snippet);
    REQUIRE(ran.outputs.size() == 4);
    CHECK(ran.verdicts[0].status == Status::pass);
    CHECK(ran.verdicts[1].status == Status::error);
    CHECK(ran.outputs[1].exception_type == "RecursionError");
    CHECK(ran.outputs[1].exception_line == 6);
    // The snippets around it still run, and get their definitions.
    CHECK(ran.verdicts[2].status == Status::pass);
    require_next_snippet_ran(ran);
}

TEST_CASE("a statement only the compiler rejects fails where it stands, not in an earlier snippet",
          "[python_runner]") {
    // Statement groups are compiled for the whole document before the first
    // snippet runs; `nonlocal` at module level parses, and fails to compile.
    const Ran ran = run_markdown("```python\nprint('first')  # Output: first\n```\n\n"
                                 "```python\nprint('before')  # Output: before\nnonlocal x\n```\n\n" + k_next_snippet);
    REQUIRE(ran.outputs.size() == 3);
    CHECK(ran.verdicts[0].status == Status::pass);
    CHECK(ran.verdicts[1].status == Status::error);
    CHECK(ran.outputs[1].exception_type == "SyntaxError");
    CHECK(ran.outputs[1].exception_line == 7);
    // The message and the traceback name the document line, not the group's.
    CHECK(ran.verdicts[1].message.find("line 7)") != std::string::npos);
    CHECK(ran.outputs[1].traceback.find("line 7\n") != std::string::npos);
    REQUIRE(ran.verdicts[1].expectations.size() == 1);
    CHECK(ran.verdicts[1].expectations[0].ok);  // the statement before it ran
    require_next_snippet_ran(ran);
}

TEST_CASE("return at the top of a script is an excerpt of a function body, unless it follows the snippet's own def",
          "[python_runner]") {
    const Ran ran = run_markdown(
        "```python\nfrom os import path\nif path.sep:\n    return path.join('a', 'b')\n```\n\n"
        "```python\nprint('saving')\nreturn 'redirect'\n```\n\n```output\nsaving\n```\n\n"
        "```python\ndef total(items):\n    s = sum(items)\nreturn s\n```\n\n"
        "```python\nclass View:\n    return 1\n```\n\n"
        "```python\nexec('return 1')\n```\n\n" + k_next_snippet);
    REQUIRE(ran.outputs.size() == 6);
    CHECK(ran.verdicts[0].status == Status::skip);
    CHECK(ran.verdicts[0].message == "an excerpt of a function body ('return' outside a function): it cannot run alone");
    CHECK(ran.verdicts[1].status == Status::skip);
    CHECK(ran.verdicts[2].status == Status::error);  // a dedent mistake after its own def
    CHECK(ran.verdicts[3].status == Status::error);  // in a class body
    CHECK(ran.verdicts[4].status == Status::error);  // raised by exec at run time
    require_next_snippet_ran(ran);
}

TEST_CASE("a session's exception nothing shows stays an error after shown ones and exits", "[python_runner]") {
    const Ran ran = run_markdown(
        "```pycon\n>>> int('x')\n>>> print(undefined_name)\nTraceback (most recent call last):\n  ...\n"
        "NameError: name 'undefined_name' is not defined\n```\n\n"
        "```pycon\n>>> int('x')\n>>> import sys\n>>> sys.exit(0)\n```\n\n"
        "```pycon\n>>> print(e)\nNameError: name 'e' is not defined\n>>> import sys\n>>> sys.exit(3)\n```\n\n"
        "```pycon\n>>> print(e)\nNameError: name 'e' is not defined\n>>> import sys\n>>> sys.exit(0)\n```\n\n" +
        k_next_snippet);
    REQUIRE(ran.outputs.size() == 5);
    CHECK(ran.verdicts[0].status == Status::error);
    CHECK(ran.verdicts[0].message.find("ValueError") == 0);
    CHECK(ran.verdicts[1].status == Status::error);
    CHECK(ran.verdicts[1].message.find("ValueError") == 0);
    CHECK(ran.verdicts[2].status == Status::error);
    CHECK(ran.verdicts[2].message == "called sys.exit(3)");
    CHECK(ran.verdicts[3].status == Status::pass);
    require_next_snippet_ran(ran);
}

TEST_CASE("a SyntaxError a snippet's own code raises at run time is placed at the line that raised it",
          "[python_runner]") {
    // compile(..., __file__) names the document as its file: its line 2 is
    // a line of the compiled text, not of the document.
    const Ran ran = run_markdown("# Compiling\n\n```python\nsource = 'x = 1\\ny = (\\n'\n"
                                 "code = compile(source, __file__, 'exec')\n```\n\n" + k_next_snippet);
    REQUIRE(ran.outputs.size() == 2);
    CHECK(ran.outputs[0].exception_type == "SyntaxError");
    CHECK(ran.outputs[0].exception_line == 5);
    require_next_snippet_ran(ran);
}

TEST_CASE("C extension modules load in the embedded interpreter", "[python_runner]") {
    // They find the interpreter's symbols in snipcheck itself when CPython is
    // linked statically: one missing from the export list fails the import.
    const Ran ran = run_markdown(
        "```python\nimport _decimal, _sqlite3, _ctypes, pyexpat, zlib, _hashlib, _json, _lzma, _bz2, array, mmap\n"
        "from decimal import Decimal\nprint(Decimal('1.10') + Decimal('2.20'))  # Output: 3.30\n"
        "import sqlite3\nprint(sqlite3.connect(':memory:').execute('select 1 + 1').fetchone())  # Output: (2,)\n"
        "import ctypes\nprint(ctypes.c_int(7).value)  # Output: 7\n```\n");
    REQUIRE(ran.outputs.size() == 1);
    INFO(ran.outputs[0].traceback);
    CHECK(ran.verdicts[0].status == Status::pass);
    CHECK(ran.verdicts[0].expectations.size() == 3);
}

TEST_CASE("a snippet's from __future__ imports hold for all its statements", "[python_runner]") {
    // Statements are compiled in groups; each group must carry the flags.
    const Ran ran = run_markdown("```python\nfrom __future__ import annotations\n\nclass Leaf:\n"
                                 "    def twin(self) -> Leaf:\n        return Leaf()\n\n"
                                 "print(type(Leaf().twin()).__name__)  # Output: Leaf\n"
                                 "print(Leaf.twin.__annotations__)  # Output: {'return': 'Leaf'}\n```\n\n"
                                 "```python\nfrom __future__ import barry_as_FLUFL\n"
                                 "print(eval('3 <> 4'))  # Output: True\n```\n");
    REQUIRE(ran.outputs.size() == 2);
    INFO(ran.outputs[0].traceback << ran.outputs[1].traceback);
    CHECK(ran.verdicts[0].status == Status::pass);
    CHECK(ran.verdicts[1].status == Status::pass);
}

TEST_CASE("a name a snippet updates before binding it gets the earlier snippet's value", "[python_runner]") {
    const Ran ran = run_markdown(
        "```python\nsteps += 1\n```\n\n"                                          // 0: steps only defined later
        "```python\nsteps = 10\nleft, right = 'L', 'R'\nbag = [1]\n```\n\n"      // 1
        "```python\nsteps += 5\nprint(steps)  # Output: 15\n```\n\n"             // 2
        "```python\nleft, right = right, left\nprint(left, right)  # Output: R L\n```\n\n"  // 3
        "```python\nfor n in range(3):\n    bag += [n]\nprint(bag)  # Output: [1, 0, 1, 2]\n```\n\n"  // 4
        "```python\nsquares = [steps * k for k in range(2)]\nprint(squares)  # Output: [0, 15]\n```\n");  // 5
    REQUIRE(ran.outputs.size() == 6);
    // A value is never taken from a snippet further down.
    CHECK(ran.verdicts[0].status == Status::error);
    CHECK(ran.outputs[0].exception_type == "NameError");
    for (std::size_t i = 2; i < 6; ++i) {
        INFO(i << ": " << ran.outputs[i].traceback);
        CHECK(ran.verdicts[i].status == Status::pass);
    }
    // The latest definition before it wins: snippet 2's steps (15), which replays snippet 1 first.
    CHECK(ran.outputs[5].replayed.size() == 2);
}

TEST_CASE("a name a snippet only updates in place, and never reads otherwise, gets the earlier value",
          "[python_runner]") {
    // The symbol table marks `count += 1` as a binding only.
    const Ran ran = run_markdown(
        "```python\ncount = 0\n```\n\n"
        "```python\n__all__ = ['first']\n```\n\n"
        "```python\ncount += 1\n```\n\n"
        "```python\nfor name in ['second']:\n    __all__ += [name]\n```\n\n"
        "```python\nprint(count, __all__)  # Output: 1 ['first', 'second']\n```\n");
    REQUIRE(ran.outputs.size() == 5);
    for (std::size_t i = 0; i < 5; ++i) {
        INFO(i << ": " << ran.outputs[i].traceback);
        CHECK(ran.verdicts[i].status == Status::pass);
    }
    CHECK(ran.outputs[2].replayed.size() == 1);
    CHECK(ran.outputs[3].replayed.size() == 1);
}

TEST_CASE("a function that updates a global gets the earlier snippet's value when a later snippet calls it",
          "[python_runner]") {
    // `global count; count += 1` binds count when bump() runs, and reads it
    // first: the snippet calling bump() needs `count = 0` replayed too.
    const Ran ran = run_markdown(
        "```python\ncount = 0\n```\n\n"
        "```python\ndef bump():\n    global count\n    count += 1\n```\n\n"
        "```python\nbump()\nbump()\nprint(count)  # Output: 2\n```\n\n"
        "```python\ndef setup():\n    global config\n    config = {'debug': True}\n```\n\n"
        "```python\nsetup()\nprint(config['debug'])  # Output: True\n```\n\n"
        "```python\ndef tick():\n    global ticks\n    ticks += 1\n```\n\n"
        "```python\nticks = 5\n```\n\n"
        "```python\ntick()\nprint(ticks)  # Output: 6\n```\n");
    REQUIRE(ran.outputs.size() == 8);
    for (std::size_t i = 0; i < 8; ++i) {
        INFO(i << ": " << ran.outputs[i].traceback);
        CHECK(ran.verdicts[i].status == Status::pass);
    }
    // bump's own snippet may call it: it gets `count = 0` as well.
    CHECK(ran.outputs[1].replayed.size() == 1);
    CHECK(ran.outputs[2].replayed.size() == 2);  // count = 0, then bump
    CHECK(ran.outputs[4].replayed.size() == 1);  // setup alone: it reads no earlier config
    // The value a function updates comes from before it, never from a later snippet.
    CHECK(ran.outputs[5].replayed.empty());
    CHECK(ran.outputs[7].replayed.size() == 2);  // tick, then ticks = 5
}

TEST_CASE("a global only a function binds is a weaker definition, read from before and never from after",
          "[python_runner]") {
    const Ran ran = run_markdown(
        // A top-level `count = 0` wins over a function that would bind it.
        "```python\ncount = 0\n```\n\n"
        "```python\ndef reset():\n    global count\n    count = 0\n```\n\n"
        "```python\nprint(count)  # Output: 0\n```\n\n"
        // `total = total + 1` in a function reads an earlier total, never a later one.
        "```python\ndef grow():\n    global total\n    total = total + 1\n    return total\n```\n\n"
        "```python\ntotal = 41\nprint(grow())  # Output: 42\n```\n\n"
        // A function's own local `n += 1` beside a global of that name is no update of it.
        "```python\nn = 'slow to make'\n```\n\n"
        "```python\ndef forget():\n    global n\n    n = None\n"
        "def tally(items):\n    n = 0\n    for _ in items:\n        n += 1\n    return n\n"
        "print(tally('abc'))  # Output: 3\n```\n");
    REQUIRE(ran.outputs.size() == 7);
    for (std::size_t i = 0; i < 7; ++i) {
        INFO(i << ": " << ran.outputs[i].traceback);
        CHECK(ran.verdicts[i].status == Status::pass);
    }
    CHECK(ran.outputs[2].replayed.size() == 1);  // count = 0, not reset
    CHECK(ran.outputs[2].replayed[0] == ran.extracted.snippets[0].id);
    CHECK(ran.outputs[3].replayed.empty());  // total = 41 comes later
    CHECK(ran.outputs[6].replayed.empty());
}

TEST_CASE("a global a function binds and calls for is found before a later top-level one", "[python_runner]") {
    const Ran ran = run_markdown(
        // An earlier function that binds it (and is called) wins over a later top-level binding.
        "```python\ndef reset():\n    global count\n    count = 0\nreset()\n```\n\n"
        "```python\nprint(count)  # Output: 0\n```\n\n"
        "```python\ncount = 10\n```\n\n"
        // Updated by a function, first bound by an earlier one.
        "```python\ndef bump():\n    global count\n    count += 1\nbump()\nprint(count)  # Output: 11\n```\n\n"
        // Read at top level before the snippet's own function binds it: the earlier value.
        "```python\ndef renew():\n    global count\n    count = 100\nprint(count)  # Output: 10\nrenew()\n"
        "print(count)  # Output: 100\n```\n\n"
        // Another function that reads it reads what the snippet's own function binds.
        "```python\ndef clear():\n    global cache\n    cache = {}\ndef get(key):\n    return cache.get(key)\n"
        "clear()\nprint(get('old'))  # Output: None\n```\n");
    REQUIRE(ran.outputs.size() == 6);
    for (std::size_t i = 0; i < 6; ++i) {
        INFO(i << ": " << ran.outputs[i].traceback);
        CHECK(ran.verdicts[i].status == Status::pass);
    }
    REQUIRE(ran.outputs[1].replayed.size() == 1);
    CHECK(ran.outputs[1].replayed[0] == ran.extracted.snippets[0].id);
    CHECK(ran.outputs[5].replayed.empty());
}

TEST_CASE("a snippet whose definitions come from a snippet lacking a library is skipped too", "[python_runner]") {
    const Ran ran = run_markdown("```python\nimport snipcheck_no_such_module\n"
                                 "grid = snipcheck_no_such_module.zeros(2)\n```\n\n"
                                 "```python\nprint(grid)\n```\n\n"
                                 "```python\nprint(no_such_name_anywhere, grid)\n```\n\n" + k_next_snippet);
    REQUIRE(ran.outputs.size() == 4);
    CHECK(ran.verdicts[0].status == Status::skip);
    CHECK(ran.verdicts[1].status == Status::skip);
    CHECK(ran.verdicts[1].message.find("snipcheck_no_such_module") != std::string::npos);
    // The name it misses is not one the replayed snippet defines: the document's error.
    CHECK(ran.verdicts[2].status == Status::error);
    CHECK(ran.outputs[2].exception_message.find("no_such_name_anywhere") != std::string::npos);
    require_next_snippet_ran(ran);
}

TEST_CASE("a snippet that only imports a name from the project is replayed for it only when nothing defines it",
          "[python_runner]") {
    const Ran ran = run_markdown("```python\n# shop/models.py\nclass Item:\n    kind = 'real'\n```\n\n"
                                 "```python\nfrom .models import Item\nprint('imported')\n```\n\n"
                                 "```python\nprint(Item.kind)  # Output: real\n```\n\n"
                                 "```python\nfrom .models import Gadget\n```\n\n"
                                 "```python\nprint(type(Gadget).__name__ != 'NoneType')  # Output: True\n```\n");
    REQUIRE(ran.outputs.size() == 5);
    CHECK(ran.verdicts[2].status == Status::pass);
    // The class, not the snippet that imports it (whose print would run again).
    REQUIRE(ran.outputs[2].replayed.size() == 1);
    CHECK(ran.outputs[2].replayed[0] == ran.extracted.snippets[0].id);
    // Nothing defines Gadget: the import's stand-in is what there is.
    CHECK(ran.verdicts[4].status == Status::pass);
    CHECK(ran.outputs[4].replayed == std::vector<std::string>{ran.extracted.snippets[3].id});
}

TEST_CASE("an example of a session that does not compile fails alone, as in doctest", "[python_runner]") {
    const Ran ran = run_markdown("```python\nbase = 3\n```\n\n"
                                 "```python\n>>> width = base + 1\n>>> width * 2\n8\n>>> width == = 2\n"
                                 "  File \"<stdin>\", line 1\n    width == = 2\n             ^\n"
                                 "SyntaxError: invalid syntax\n>>> width + 1\n5\n```\n\n"
                                 "```python\n>>> base\n3\n>>> [(yield v) for v in (1, 2)]\n>>> base + 1\n4\n```\n");
    REQUIRE(ran.outputs.size() == 3);
    // The SyntaxError is what the session shows: all three hold, and the
    // definition the session needs was replayed although it has a bad line.
    INFO(ran.verdicts[1].message);
    CHECK(ran.verdicts[1].status == Status::pass);
    CHECK(ran.verdicts[1].expectations.size() == 3);
    CHECK(ran.outputs[1].replayed.size() == 1);
    // Not shown: an error at its own line, the examples around it still checked.
    CHECK(ran.verdicts[2].status == Status::error);
    CHECK(ran.outputs[2].exception_type == "SyntaxError");
    CHECK(ran.outputs[2].exception_line == 21);
    REQUIRE(ran.verdicts[2].expectations.size() == 2);
    CHECK(ran.verdicts[2].expectations[0].ok);
    CHECK(ran.verdicts[2].expectations[1].ok);
}

TEST_CASE("an example that prints and then raises is checked on both", "[python_runner]") {
    const Ran ran = run_markdown("```python\n>>> prices = {'tea': 2}\n>>> for item in ['tea', 'soup']:\n"
                                 "...     print(item, prices[item])\n...\ntea 2\nTraceback (most recent call last):\n"
                                 "  File \"<stdin>\", line 2, in <module>\nKeyError: 'soup'\n```\n\n"
                                 "```python\n>>> for item in ['tea', 'soup']:\n...     print(item)\n...\ntea\n"
                                 "Traceback (most recent call last):\nKeyError: 'soup'\n```\n");
    REQUIRE(ran.outputs.size() == 2);
    CHECK(ran.verdicts[0].status == Status::pass);
    CHECK(ran.verdicts[0].expectations.size() == 2);
    // Printed more than shown, and raised nothing: both expectations fail.
    CHECK(ran.verdicts[1].status == Status::fail);
}

TEST_CASE("replay takes the project file an import names, and a complete model over an elided one",
          "[python_runner]") {
    // Model stands in for django.db.models.Model: the rule reads the base's name.
    const Ran ran = run_markdown(
        "```python\n# shop/models.py\nclass Item:\n    kind = 'from models.py'\n```\n\n"
        "```python\nclass Item:\n    kind = 'another answer'\n```\n\n"
        "```python\nfrom shop.models import Item\nprint(Item.kind)  # Output: from models.py\n```\n\n"
        "```python\nclass Model:\n    pass\n\nclass Box(Model):\n    size = 3\n    color = 'red'\n```\n\n"
        "```python\nclass Box(Model):\n    ...\n    label = 'new'\n```\n\n"
        "```python\nprint(Box.size)  # Output: 3\n```\n\n"
        "```python\nprint(Item.kind)  # Output: another answer\n```\n\n"
        // A plain class written with `...`: its new member is what the reader wants.
        "```python\nclass Greeter:\n    def hi(self):\n        return 'hi'\n```\n\n"
        "```python\nclass Greeter:\n    ...\n    def bye(self):\n        return 'bye'\n```\n\n"
        "```python\nprint(Greeter().bye())  # Output: bye\n```\n\n"
        // `...` as the whole body is a complete definition.
        "```python\nclass Oops(Exception): ...\n```\n\n"
        "```python\nprint(Oops.__mro__[1].__name__)  # Output: Exception\n```\n\n"
        "```python\nclass Oops(ValueError):\n    pass\n```\n");
    REQUIRE(ran.outputs.size() == 13);
    for (std::size_t i : {2, 5, 6, 9, 11}) {
        INFO(i << ": " << ran.verdicts[i].message);
        CHECK(ran.verdicts[i].status == Status::pass);
    }
}

TEST_CASE("a later snippet too deep to scan costs the earlier ones nothing", "[python_runner]") {
    // The whole document is looked at when the first snippet runs; a
    // RecursionError in that look must not end the child.
    std::string deep = "total = total";
    for (int i = 0; i < 1500; ++i) {
        deep += " + 1";
    }
    const Ran ran = run_markdown("```python\ntotal = 0\nprint('zero')  # Output: zero\n```\n\n"
                                 "```python\nprint(total)  # Output: 0\n```\n\n```python\n" + deep + "\n```\n\n" +
                                 k_next_snippet);
    REQUIRE(ran.outputs.size() == 4);
    CHECK(ran.verdicts[0].status == Status::pass);
    CHECK(ran.verdicts[1].status == Status::pass);
    require_next_snippet_ran(ran);
}

TEST_CASE("a session whose prompts follow each other replays past its bad example", "[python_runner]") {
    const Ran ran = run_markdown("```python\n>>> a = 1\n>>> b = (\n>>> c = 3\n```\n\n"
                                 "```python\nprint(a + c)  # Output: 4\n```\n");
    REQUIRE(ran.outputs.size() == 2);
    CHECK(ran.verdicts[0].status == Status::error);
    CHECK(ran.outputs[0].exception_type == "SyntaxError");
    CHECK(ran.verdicts[1].status == Status::pass);
}
