#include "extractor/shared_path.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <string>
#include <string_view>

using namespace snipcheck::extractor;

TEST_CASE("an empty shared path reads as the empty string", "[shared_path]") {
    const SharedPath none;
    CHECK(none.empty());
    CHECK(none.size() == 0);
    CHECK(none.str().empty());
    CHECK(std::string(none.c_str()).empty());
    CHECK(none == SharedPath(""));
    CHECK(none == "");
}

TEST_CASE("a shared path reads as the string it holds", "[shared_path]") {
    const SharedPath path = "docs/guide.md";
    const std::string& as_string = path;
    const std::string_view as_view = path;
    CHECK(as_string == "docs/guide.md");
    CHECK(as_view == "docs/guide.md");
    CHECK(path.size() == 13);
    CHECK(path == std::string("docs/guide.md"));
    CHECK_FALSE(path == "docs/other.md");
    CHECK(path + ":12" == "docs/guide.md:12");
    CHECK(path + '\n' == "docs/guide.md\n");
    CHECK(fmt::format("{}:{}", path, 12) == "docs/guide.md:12");
}

TEST_CASE("copies of a shared path hold the same string, and rebinding one leaves the others", "[shared_path]") {
    SharedPath first = std::string("a/long/path/to/a/document.md");
    const SharedPath second = first;
    CHECK(&first.str() == &second.str());  // shared, not copied
    first = "b.md";
    CHECK(first == "b.md");
    CHECK(second == "a/long/path/to/a/document.md");
}
