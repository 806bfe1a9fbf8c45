// What each document's child is told about the run's Redis servers: the
// socket and password of a server of the document's own, restarted clean
// for each new document; or why there is none; and which servers died.
#include "runners/python/redis_service.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>

#include <string>

#include "tests/redis_socket.hpp"

using snipcheck::runners::python::RedisService;
using snipcheck::runners::python::RedisWanted;

namespace {

bool redis_installed() {
    if (!snipcheck::fixtures::missing_redis_package().empty()) {
        WARN("skipped: redis-server is not installed (Debian package redis-server)");
        return false;
    }
    return true;
}

// Sends `command` after AUTH on the socket `services` names; the raw replies.
std::string ask(const nlohmann::json& services, const std::string& command) {
    return snipcheck::test::ask_redis(services["socket"].get<std::string>(),
                                      "AUTH " + services["password"].get<std::string>() + "\r\n" + command);
}

}  // namespace

TEST_CASE("a Redis service turned off starts nothing and tells documents why", "[redis-service]") {
    RedisService service = RedisService::start(RedisWanted::yes, "the configuration turns it off", 2);
    const auto request = service.request_for(0);
    REQUIRE(request);
    CHECK((*request)["unavailable"] == "the configuration turns it off");
    CHECK_FALSE(request->contains("socket"));
    CHECK(service.start_error().empty());  // not a failure: asked for
}

TEST_CASE("documents running at once get Redis servers of their own", "[redis-service]") {
    if (!redis_installed()) {
        return;
    }
    RedisService service = RedisService::start(RedisWanted::yes, {}, 2);
    REQUIRE(service.start_error().empty());
    const auto first = service.request_for(4);
    const auto second = service.request_for(9);
    REQUIRE(first);
    REQUIRE(second);
    CHECK((*first)["socket"] != (*second)["socket"]);
    CHECK((*first)["password"] != (*second)["password"]);
    CHECK_FALSE((*first)["version"].get<std::string>().empty());
    CHECK_FALSE(first->contains("db_base"));  // no remapping: database n is database n
    CHECK_FALSE(service.request_for(5));  // both servers held
    CHECK(ask(*first, "SET mine 1") == "+OK\r\n+OK\r\n");
    CHECK(ask(*second, "EXISTS mine") == "+OK\r\n:0\r\n");
}

TEST_CASE("a document continued in a fresh child keeps its server, and the next document gets it restarted clean",
          "[redis-service]") {
    if (!redis_installed()) {
        return;
    }
    RedisService service = RedisService::start(RedisWanted::yes, {}, 1);
    const auto first = service.request_for(4);
    REQUIRE(first);
    CHECK(ask(*first, "SET mine 1") == "+OK\r\n+OK\r\n");
    const auto again = service.request_for(4);
    REQUIRE(again);
    CHECK(*again == *first);
    CHECK(ask(*again, "EXISTS mine") == "+OK\r\n:1\r\n");
    service.release(4);
    const auto next = service.request_for(5);
    REQUIRE(next);
    CHECK((*next)["password"] != (*first)["password"]);
    CHECK(ask(*next, "EXISTS mine") == "+OK\r\n:0\r\n");
    CHECK(service.take_deaths().empty());
}

TEST_CASE("a Redis server that died is reported, and the next document gets a working one", "[redis-service]") {
    if (!redis_installed()) {
        return;
    }
    RedisService service = RedisService::start(RedisWanted::yes, {}, 1);
    const auto first = service.request_for(1);
    REQUIRE(first);
    ask(*first, "SHUTDOWN NOSAVE");
    ::usleep(200'000);
    // The document's own server died under it: it is not given another one's.
    const auto resumed = service.request_for(1);
    REQUIRE(resumed);
    CHECK((*resumed)["unavailable"].get<std::string>().rfind("the run's Redis server died: ", 0) == 0);
    service.release(1);
    const auto next = service.request_for(2);
    REQUIRE(next);
    REQUIRE(next->contains("socket"));
    CHECK(ask(*next, "PING") == "+OK\r\n+PONG\r\n");
    const auto deaths = service.take_deaths();
    REQUIRE(deaths.size() == 1);
    CHECK(deaths[0].rfind("the run's Redis server died: ", 0) == 0);
    CHECK(service.take_deaths().empty());
}
