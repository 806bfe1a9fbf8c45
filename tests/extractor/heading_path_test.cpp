#include "extractor/heading_path.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace snipcheck::extractor;

using Strings = std::vector<std::string>;

TEST_CASE("an empty heading path holds no strings", "[heading_path]") {
    const HeadingPath none;
    CHECK(none.empty());
    CHECK(none.size() == 0);
    CHECK(none.strings().empty());
    CHECK(none.begin() == none.end());
    CHECK(HeadingPath(Strings{}) == none);
}

TEST_CASE("a heading path reads as its strings, outermost first", "[heading_path]") {
    const HeadingPath path = {"Guide", "Setup"};
    REQUIRE(path.size() == 2);
    CHECK(path[0] == "Guide");
    CHECK(path[1] == "Setup");
    CHECK(path == Strings{"Guide", "Setup"});
    CHECK_FALSE(path == Strings{"Guide"});
    Strings seen;
    for (const std::string& heading : path) {
        seen.push_back(heading);
    }
    CHECK(seen == path.strings());
}

TEST_CASE("copies of a heading path share its strings", "[heading_path]") {
    const HeadingPath path = Strings{"Guide", "A rather long section title, past the small-string size"};
    const HeadingPath copy = path;
    CHECK(copy == path);
    CHECK(&copy.strings() == &path.strings());
    HeadingPath replaced = path;
    replaced = {"Other"};
    CHECK(replaced == Strings{"Other"});
    CHECK(path == Strings{"Guide", "A rather long section title, past the small-string size"});
}
