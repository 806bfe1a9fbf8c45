#include "src/progress_line.hpp"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using namespace snipcheck;
using namespace std::chrono_literals;

namespace {

// A clock the test moves by hand.
struct FakeClock {
    std::chrono::steady_clock::time_point now{};

    ProgressLine::Clock function() {
        return [this] { return now; };
    }
};

}  // namespace

TEST_CASE("off a terminal nothing is written", "[progress_line]") {
    std::ostringstream out;
    FakeClock clock;
    {
        ProgressLine progress(out, IsTerminal::no, clock.function());
        progress.update(1, 3, "a.md");
        clock.now += 1s;
        progress.update(2, 3, "b.md");
        progress.clear();
    }
    CHECK(out.str().empty());
}

TEST_CASE("updates are drawn in place at most every 100 ms", "[progress_line]") {
    std::ostringstream out;
    FakeClock clock;
    ProgressLine progress(out, IsTerminal::yes, clock.function());
    progress.update(1, 12, "docs/a.md");
    CHECK(out.str() == "\r[1/12] docs/a.md");
    clock.now += 50ms;
    progress.update(2, 12, "docs/b.md");
    CHECK(out.str() == "\r[1/12] docs/a.md");
    clock.now += 60ms;
    progress.update(3, 12, "docs/c.md");
    CHECK(out.str() == "\r[1/12] docs/a.md\r[3/12] docs/c.md");
}

TEST_CASE("a shorter line blanks the rest of the longer one", "[progress_line]") {
    std::ostringstream out;
    FakeClock clock;
    ProgressLine progress(out, IsTerminal::yes, clock.function());
    progress.update(1, 2, "docs/long-name.md");
    out.str("");
    clock.now += 200ms;
    progress.update(2, 2, "b.md");
    CHECK(out.str() == "\r[2/2] b.md" + std::string(13, ' '));
}

TEST_CASE("clear erases the line, and the next update draws at once", "[progress_line]") {
    std::ostringstream out;
    FakeClock clock;
    ProgressLine progress(out, IsTerminal::yes, clock.function());
    progress.update(1, 2, "a.md");
    out.str("");
    progress.clear();
    CHECK(out.str() == "\r" + std::string(10, ' ') + "\r");
    out.str("");
    progress.clear();
    CHECK(out.str().empty());
    progress.update(2, 2, "b.md");
    CHECK(out.str() == "\r[2/2] b.md");
}

TEST_CASE("the destructor clears a line still shown", "[progress_line]") {
    std::ostringstream out;
    FakeClock clock;
    {
        ProgressLine progress(out, IsTerminal::yes, clock.function());
        progress.update(1, 1, "a.md");
    }
    CHECK(out.str() == "\r[1/1] a.md\r" + std::string(10, ' ') + "\r");
}

TEST_CASE("a long path keeps its end and fits the width", "[progress_line]") {
    std::ostringstream out;
    FakeClock clock;
    ProgressLine progress(out, IsTerminal::yes, clock.function(), 30);
    progress.update(7, 9, "very/long/folder/name/with/many/parts/answer.md");
    const std::string line = out.str();
    CHECK(line == "\r[7/9] ...many/parts/answer.md");
    CHECK(line.size() - 1 == 29);
}

TEST_CASE("a cut path never splits a UTF-8 character", "[progress_line]") {
    std::ostringstream out;
    FakeClock clock;
    ProgressLine progress(out, IsTerminal::yes, clock.function(), 20);
    // 10 bytes of room after "[1/1] ...": the cut would land inside "é".
    progress.update(1, 1, "aaaa/\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9.md");
    CHECK(out.str() == "\r[1/1] ...\xc3\xa9\xc3\xa9\xc3\xa9.md");
}
