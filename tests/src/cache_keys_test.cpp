#include "src/cache_keys.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "extractor/extractor.hpp"
#include "src/run_fingerprint.hpp"
#include "tests/extractor/test_documents.hpp"

using namespace snipcheck;

namespace {

constexpr double k_timeout = 10;

// The snippets of a Markdown document, all of one lane.
std::vector<extractor::Snippet> snippets_of(const std::string& markdown) {
    const extractor::Document document = test::document_from_bytes("doc.md", markdown);
    return extractor::extract(document).snippets;
}

std::vector<std::string> python_keys(const std::vector<extractor::Snippet>& snippets, double timeout = k_timeout,
                                     const std::string& context = "python") {
    std::vector<const extractor::Snippet*> lane;
    for (const extractor::Snippet& snippet : snippets) {
        lane.push_back(&snippet);
    }
    return lane_keys(context, lane, timeout, LaneReach::earlier).snippets;
}

const std::string k_document =
    "# Sums\n"
    "\n"
    "```python\n"
    "def total(xs):\n"
    "    return sum(xs)\n"
    "```\n"
    "\n"
    "Then:\n"
    "\n"
    "```python\n"
    "print(total([1, 2]))  # Output: 3\n"
    "```\n";

}  // namespace

TEST_CASE("a cache key is 64 hex digits, one per snippet of the lane, all different", "[cache][keys]") {
    const std::vector<std::string> keys = python_keys(snippets_of(k_document));
    REQUIRE(keys.size() == 2);
    CHECK(keys[0].size() == 64);
    CHECK(keys[0].find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(keys[0] != keys[1]);
    CHECK(python_keys(snippets_of(k_document)) == keys);
}

TEST_CASE("a snippet's key does not change when the document gains lines above it", "[cache][keys]") {
    const std::vector<std::string> before = python_keys(snippets_of(k_document));
    const std::vector<std::string> after = python_keys(snippets_of("An introduction.\n\nTwo lines of it.\n\n" + k_document));
    CHECK(after == before);
}

TEST_CASE("lines inserted between two snippets change the later key only", "[cache][keys]") {
    std::string spread = k_document;
    spread.replace(spread.find("Then:"), 5, "Then,\nafter a pause:");
    const std::vector<std::string> before = python_keys(snippets_of(k_document));
    const std::vector<std::string> after = python_keys(snippets_of(spread));
    REQUIRE(after.size() == 2);
    CHECK(after[0] == before[0]);
    CHECK(after[1] != before[1]);
}

TEST_CASE("a key changes with the code, an expectation, a directive or the timeout", "[cache][keys]") {
    const std::vector<std::string> base = python_keys(snippets_of(k_document));
    std::string code = k_document;
    code.replace(code.find("[1, 2]"), 6, "[1, 3]");
    std::string expectation = k_document;
    expectation.replace(expectation.find("Output: 3"), 9, "Output: 4");
    std::string session = k_document;
    session.replace(session.find("Then:"), 5, "<!-- snipcheck: session=isolated -->");
    std::string timeout = k_document;
    timeout.replace(timeout.find("Then:"), 5, "<!-- snipcheck: timeout=3 -->");

    CHECK(python_keys(snippets_of(code))[1] != base[1]);
    CHECK(python_keys(snippets_of(expectation))[1] != base[1]);
    CHECK(python_keys(snippets_of(session))[1] != base[1]);
    CHECK(python_keys(snippets_of(timeout))[1] != base[1]);
    CHECK(python_keys(snippets_of(k_document), 5)[1] != base[1]);
    // The first snippet is before every change but the default timeout.
    CHECK(python_keys(snippets_of(code))[0] == base[0]);
    CHECK(python_keys(snippets_of(expectation))[0] == base[0]);
}

TEST_CASE("a key changes when an earlier snippet of its lane changes", "[cache][keys]") {
    std::string earlier = k_document;
    earlier.replace(earlier.find("return sum(xs)"), 14, "return sum(xs) + 1");
    const std::vector<std::string> base = python_keys(snippets_of(k_document));
    const std::vector<std::string> changed = python_keys(snippets_of(earlier));
    CHECK(changed[0] != base[0]);
    CHECK(changed[1] != base[1]);
}

TEST_CASE("a key changes with the interpreter: another --python is another fingerprint", "[cache][keys]") {
    FingerprintOptions embedded;
    FingerprintOptions other;
    other.python = "/usr/bin/python3";
    const RunFingerprint a = fingerprint_run(embedded);
    const RunFingerprint b = fingerprint_run(other);
    CHECK(a.python != b.python);
    CHECK(a.sql == b.sql);
    const std::vector<extractor::Snippet> snippets = snippets_of(k_document);
    CHECK(python_keys(snippets, k_timeout, a.python) != python_keys(snippets, k_timeout, b.python));
}

TEST_CASE("a whole-lane key changes with a later snippet, an earlier-reach key does not", "[cache][keys]") {
    const std::vector<extractor::Snippet> one = snippets_of(k_document);
    const std::vector<extractor::Snippet> two = snippets_of(k_document + "\n```python\nprint(total([5]))\n```\n");
    const auto keys = [](const std::vector<extractor::Snippet>& snippets, std::size_t count, LaneReach reach) {
        std::vector<const extractor::Snippet*> lane;
        for (std::size_t i = 0; i < count; ++i) {
            lane.push_back(&snippets[i]);
        }
        return lane_keys("sql", lane, k_timeout, reach);
    };
    CHECK(keys(one, 2, LaneReach::earlier).snippets[0] == keys(two, 3, LaneReach::earlier).snippets[0]);
    CHECK(keys(one, 2, LaneReach::whole).snippets[0] != keys(two, 3, LaneReach::whole).snippets[0]);
    CHECK(keys(one, 2, LaneReach::whole).whole != keys(two, 3, LaneReach::whole).whole);
}

TEST_CASE("a snippet checked alone keys on itself and its context only", "[cache][keys]") {
    const std::vector<extractor::Snippet> snippets =
        snippets_of("```yaml\na: 1\n```\n\n```yaml\nb: 2\n```\n");
    const std::vector<extractor::Snippet> moved =
        snippets_of("Intro.\n\n```yaml\na: 1\n```\n\n```yaml\nb: 2\n```\n");
    REQUIRE(snippets.size() == 2);
    CHECK(alone_key("tools", snippets[1], k_timeout) == alone_key("tools", moved[1], k_timeout));
    CHECK(alone_key("tools", snippets[0], k_timeout) != alone_key("tools", snippets[1], k_timeout));
    CHECK(alone_key("tools", snippets[1], k_timeout) != alone_key("other tools", snippets[1], k_timeout));
}
