// The unified diff that `run --diff` prints: hunks, context, line endings.
#include <catch2/catch.hpp>

#include <string>

#include "src/unified_diff.hpp"

using snipcheck::unified_diff;

namespace {

// "1\n2\n...\nN\n"
std::string numbered(int count) {
    std::string out;
    for (int i = 1; i <= count; ++i) {
        out += std::to_string(i) + "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("equal texts have no diff", "[unified_diff]") {
    CHECK(unified_diff("doc.md", "a\nb\n", "a\nb\n").empty());
}

TEST_CASE("one changed line shows three lines of context each side", "[unified_diff]") {
    std::string after = numbered(10);
    after.replace(after.find("5\n"), 2, "five\n");
    CHECK(unified_diff("doc.md", numbered(10), after) ==
          "--- doc.md\n+++ doc.md\n"
          "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST_CASE("added and removed lines change one side's count, a count of one is implied", "[unified_diff]") {
    CHECK(unified_diff("d", "a\n", "a\nb\nc\n") == "--- d\n+++ d\n@@ -1 +1,3 @@\n a\n+b\n+c\n");
    CHECK(unified_diff("d", "a\nb\nc\n", "a\n") == "--- d\n+++ d\n@@ -1,3 +1 @@\n a\n-b\n-c\n");
    CHECK(unified_diff("d", "", "a\n") == "--- d\n+++ d\n@@ -0,0 +1 @@\n+a\n");
}

TEST_CASE("changes close together share a hunk, changes far apart do not", "[unified_diff]") {
    std::string near = numbered(20);
    near.replace(near.find("\n4\n") + 1, 2, "x\n");
    near.replace(near.find("\n10\n") + 1, 3, "y\n");
    const std::string together = unified_diff("d", numbered(20), near);
    CHECK(together.find("@@ -1,13 +1,13 @@") != std::string::npos);
    std::string far = numbered(30);
    far.replace(far.find("\n4\n") + 1, 2, "x\n");
    far.replace(far.find("\n25\n") + 1, 3, "y\n");
    const std::string apart = unified_diff("d", numbered(30), far);
    CHECK(apart.find("@@ -1,7 +1,7 @@") != std::string::npos);
    CHECK(apart.find("@@ -22,7 +22,7 @@") != std::string::npos);
}

TEST_CASE("carriage returns stay in the lines and a missing last newline is said", "[unified_diff]") {
    CHECK(unified_diff("d", "a\r\nb", "a\r\nc") ==
          "--- d\n+++ d\n@@ -1,2 +1,2 @@\n a\r\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n");
}
