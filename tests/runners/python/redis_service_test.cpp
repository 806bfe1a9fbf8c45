// What each document's child is told about the run's Redis server: its
// socket and a block of databases of the document's own, or why there is none.
#include "runners/python/redis_service.hpp"

#include <catch2/catch.hpp>

using snipcheck::runners::python::RedisService;
using snipcheck::runners::python::RedisWanted;

TEST_CASE("a Redis service turned off starts nothing and tells documents why", "[redis-service]") {
    RedisService service = RedisService::start(RedisWanted::yes, "the configuration turns it off", 2);
    const auto request = service.request_for(0);
    REQUIRE(request);
    CHECK((*request)["unavailable"] == "the configuration turns it off");
    CHECK_FALSE(request->contains("socket"));
    CHECK(service.start_error().empty());  // not a failure: asked for
}

TEST_CASE("documents running at once get blocks of databases of their own", "[redis-service]") {
    if (!snipcheck::fixtures::missing_redis_package().empty()) {
        WARN("skipped: redis-server is not installed (Debian package redis-server)");
        return;
    }
    RedisService service = RedisService::start(RedisWanted::yes, {}, 2);
    REQUIRE(service.start_error().empty());
    const auto first = service.request_for(4);
    const auto second = service.request_for(9);
    REQUIRE(first);
    REQUIRE(second);
    CHECK((*first)["socket"] == (*second)["socket"]);
    CHECK((*first)["db_base"] != (*second)["db_base"]);
    CHECK((*first)["databases"] == 16);
    CHECK((*first)["fresh"] == true);
    CHECK_FALSE(service.request_for(5));  // both blocks held
    CHECK((*service.request_for(4))["fresh"] == false);  // a continued document keeps its keys
    service.release(4);
    const auto third = service.request_for(5);
    REQUIRE(third);
    CHECK((*third)["db_base"] == (*first)["db_base"]);
    CHECK((*third)["fresh"] == true);  // emptied before the new document's first snippet
}
