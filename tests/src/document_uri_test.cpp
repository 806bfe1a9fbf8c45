#include "src/document_uri.hpp"

#include <catch2/catch.hpp>

using snipcheck::document_uri;

TEST_CASE("relative paths stay relative, percent-encoded", "[document_uri]") {
    CHECK(document_uri("docs/guide.md") == "docs/guide.md");
    CHECK(document_uri("./docs/guide.md") == "docs/guide.md");
    CHECK(document_uri("././a.md") == "a.md");
    CHECK(document_uri("docs/a b#c?.md") == "docs/a%20b%23c%3F.md");
    CHECK(document_uri("docs/caf\xC3\xA9.md") == "docs/caf%C3%A9.md");
    // A colon would read as a scheme ("c:notes.md").
    CHECK(document_uri("c:notes.md") == "c%3Anotes.md");
    CHECK(document_uri("../other/a.md") == "../other/a.md");
}

TEST_CASE("absolute paths are file URIs", "[document_uri]") {
    CHECK(document_uri("/srv/docs/a b.md") == "file:///srv/docs/a%20b.md");
}
