#pragma once
// The run's Redis server as the Python runner hands it to documents: one
// server, started only when a document of the run needs Redis, and for each
// document running at once a block of its databases (database_slots.hpp);
// or, when there is no server, why, so the snippets that connect skip.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "fixtures/redis_server.hpp"
#include "runners/python/database_slots.hpp"

namespace snipcheck::runners::python {

// Whether the run wants a Redis server.
enum class RedisWanted { no, yes };

class RedisService {
public:
    // Starts the server when `wanted`, unless `unavailable` already says why
    // there is none (the configuration turned it off). A server that cannot
    // start is no error: start_error() says why, and so do the documents.
    static RedisService start(RedisWanted wanted, std::string unavailable, int documents_at_once);

    // What `document`'s child is told (the request's services.redis): the
    // socket and the document's block of databases, to be emptied first
    // when the block is new to it; or why there is no server. nullopt when
    // every block is held by other documents.
    std::optional<nlohmann::json> request_for(std::size_t document);

    // `document` has no child running and none queued: its block goes to the next.
    void release(std::size_t document) { m_slots.release(document); }

    // Why the server the run wanted did not start; empty when it started,
    // was not wanted, or was turned off.
    const std::string& start_error() const { return m_start_error; }

private:
    RedisService(std::unique_ptr<fixtures::RedisServer> server, std::string unavailable, std::string start_error,
                 int documents_at_once);

    std::unique_ptr<fixtures::RedisServer> m_server;
    std::string m_unavailable;
    std::string m_start_error;
    DatabaseSlots m_slots;
};

}  // namespace snipcheck::runners::python
