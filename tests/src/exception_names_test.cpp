#include "src/exception_names.hpp"

#include <catch2/catch.hpp>

using snipcheck::exception_matches;

TEST_CASE("exception names match by last dotted component and by base class", "[exception_names]") {
    CHECK(exception_matches("JSONDecodeError", "json.decoder.JSONDecodeError"));
    CHECK(exception_matches("json.decoder.JSONDecodeError", "JSONDecodeError"));
    CHECK(exception_matches("LookupError", "KeyError"));
    CHECK(exception_matches("Exception", "__main__.InsufficientFunds"));
    CHECK(exception_matches("any", "ValueError"));
    CHECK(exception_matches("ValueError: bad input", "ValueError"));
    CHECK_FALSE(exception_matches("KeyError", "LookupError"));
    CHECK_FALSE(exception_matches("Exception", "SystemExit"));
    CHECK_FALSE(exception_matches("ValueError", "TypeError"));
    CHECK_FALSE(exception_matches("any", ""));
    CHECK_FALSE(exception_matches("", "ValueError"));
}
