// End to end: `snipcheck run --update` and `--diff` over documents written
// here with wrong expectations of every style, CRLF line endings and a BOM.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/e2e/run_binary.hpp"
#include "tests/temp_folder.hpp"

namespace fs = std::filesystem;

namespace {

using snipcheck::test::content_of;
using snipcheck::test::TempFolder;

using snipcheck::test::run_snipcheck;

void write(const fs::path& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

// The values each expectation of the document holds, in document order.
struct Values {
    std::string output_comment, value_comment, pytest_arrow, fat_arrow, thin_arrow;
    std::vector<std::string> output_lines, output_block, doctest_lines;
    std::string doctest_value;
};

// A document with an expectation of every style, CRLF line endings and a
// BOM, holding `v`. Everything but the values is the same for any `v`.
std::string document(const Values& v) {
    std::vector<std::string> lines = {
        "# Update round trip",
        "",
        "Prose with a café, kept as it is.",
        "",
        "```python",
        "def min_cost(days):",
        "    return len(days) * 2",
        "",
        "print(min_cost([1, 4, 6]))  # Output: " + v.output_comment + " (minimum cost)",
        "print(len(\"abcd\"))  # " + v.value_comment,
        "print(\"x\" * 3)  #> " + v.pytest_arrow,
        "print([1, 2])  # => " + v.fat_arrow,
        "print(1 + 1)  # -> " + v.thin_arrow,
        "for i in range(3):",
        "    print(i)",
        "# Output:",
    };
    for (const std::string& line : v.output_lines) {
        lines.push_back("# " + line);
    }
    for (const char* line : {"```", "", "```python", "for word in [\"a\", \"b\"]:", "    print(word)", "```", "",
                                    "```output"}) {
        lines.emplace_back(line);
    }
    lines.insert(lines.end(), v.output_block.begin(), v.output_block.end());
    for (const char* line : {"```", "", "  ```python", "  >>> 2 * 21"}) {
        lines.emplace_back(line);
    }
    lines.push_back("  " + v.doctest_value);
    lines.emplace_back("  >>> print(\"p\\nq\")");
    for (const std::string& line : v.doctest_lines) {
        lines.push_back("  " + line);
    }
    lines.emplace_back("  ```");
    lines.emplace_back("");
    lines.emplace_back("The end.");
    std::string bytes = "\xEF\xBB\xBF";
    for (const std::string& line : lines) {
        bytes += line + "\r\n";
    }
    return bytes;
}

const Values k_wrong = {"11", "3", "xx", "[2, 1]", "3", {"0", "1"}, {"a", "b", "c"}, {"p"}, "41"};
const Values k_right = {"6", "4", "xxx", "[1, 2]", "2", {"0", "1", "2"}, {"a", "b"}, {"p", "q"}, "42"};

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

}  // namespace

TEST_CASE("run --update fixes every style of expectation and keeps every other byte", "[e2e][update]") {
    TempFolder folder;
    const fs::path doc = folder.path / "guide.md";
    write(doc, document(k_wrong));
    REQUIRE(::chmod(doc.c_str(), 0640) == 0);

    const auto before = run_snipcheck("run " + quoted(doc) + " --format json");
    REQUIRE(before.status == 1);

    const auto update = run_snipcheck("run " + quoted(doc) + " --update", true);
    INFO(update.out);
    CHECK(update.status == 1);  // the run before the update failed
    CHECK(update.out.find(doc.string() + ":9: updated: 11 -> 6") != std::string::npos);
    CHECK(update.out.find("updated 9 expectations in 1 document; 0 left as written") != std::string::npos);
    CHECK(content_of(doc) == document(k_right));
    struct stat status{};
    REQUIRE(::stat(doc.c_str(), &status) == 0);
    CHECK((status.st_mode & 07777) == 0640);
    CHECK(std::distance(fs::directory_iterator(folder.path), fs::directory_iterator()) == 1);

    const auto again = run_snipcheck("run " + quoted(doc));
    INFO(again.out);
    CHECK(again.status == 0);
}

TEST_CASE("run --diff prints what --update would write and writes nothing", "[e2e][update]") {
    TempFolder folder;
    const fs::path doc = folder.path / "guide.md";
    const fs::path copy = folder.path / "copy.md";
    write(doc, document(k_wrong));
    const auto diff = run_snipcheck("run " + quoted(doc) + " --diff");
    CHECK(diff.status == 1);
    CHECK(content_of(doc) == document(k_wrong));
    CHECK(diff.out.rfind("--- " + doc.string() + "\n+++ " + doc.string() + "\n@@ ", 0) == 0);
    CHECK(diff.out.find("-print(min_cost([1, 4, 6]))  # Output: 11 (minimum cost)\r\n") != std::string::npos);
    CHECK(diff.out.find("+print(min_cost([1, 4, 6]))  # Output: 6 (minimum cost)\r\n") != std::string::npos);
    CHECK(diff.out.find(" snippets: ") == std::string::npos);  // the diff alone, no report
    // The diff applies with patch and gives what --update writes.
    write(copy, document(k_wrong));
    write(folder.path / "fix.diff", diff.out);
    const std::string apply = "patch --quiet '" + copy.string() + "' < '" + (folder.path / "fix.diff").string() + "'";
    REQUIRE(std::system(apply.c_str()) == 0);
    CHECK(content_of(copy) == document(k_right));
}

TEST_CASE("run --update leaves values that change, errors and addresses alone, and says why", "[e2e][update]") {
    TempFolder folder;
    const fs::path doc = folder.path / "moving.md";
    const std::string text =
        "```python\n"
        "import random\n"
        "print(random.random())  # Output: 0.5\n"
        "print(object())  # Output: <object object at 0x0>\n"
        "print(2)  # Output: 3\n"
        "```\n"
        "\n"
        "```python\n"
        "print(1)  # Output: 2\n"
        "raise SystemExit(3)\n"
        "```\n";
    write(doc, text);
    const auto update = run_snipcheck("run " + quoted(doc) + " --update", true);
    INFO(update.out);
    CHECK(update.status == 1);
    CHECK(update.out.find(doc.string() + ":3: not updated: the snippet printed different values on two runs") != std::string::npos);
    CHECK(update.out.find(doc.string() + ":4: not updated: the output holds a memory address") != std::string::npos);
    CHECK(update.out.find(doc.string() + ":5: updated: 3 -> 2") != std::string::npos);
    CHECK(update.out.find(doc.string() + ":9: not updated: the snippet ended with an error") != std::string::npos);
    std::string fixed = text;
    fixed.replace(fixed.find("# Output: 3"), 11, "# Output: 2");
    CHECK(content_of(doc) == fixed);
}

TEST_CASE("run --update refuses standard input and --diff with it", "[e2e][update]") {
    const auto run = run_snipcheck("run - --update < /dev/null", true);
    CHECK(run.status == 2);
    CHECK(run.out.find("--update cannot work on standard input") != std::string::npos);
    CHECK(run_snipcheck("run examples --update --diff").status == 2);
}

TEST_CASE("run --update on passing documents changes nothing", "[e2e][update]") {
    TempFolder folder;
    const fs::path doc = folder.path / "right.md";
    write(doc, document(k_right));
    const auto update = run_snipcheck("run " + quoted(doc) + " --update", true);
    CHECK(update.status == 0);
    CHECK(update.out.find("updated") == std::string::npos);
    CHECK(content_of(doc) == document(k_right));
}
