#pragma once
// The Redis servers the Python runner hands to documents: one per document
// running at once (a slot, database_slots.hpp), started only when a
// document of the run needs Redis. A document gets a clean server: when a
// slot goes to a new document, its server is restarted, so nothing the
// previous document did (keys, CONFIG SET, functions, ACL users, pub/sub,
// clients, running scripts, queued commands) reaches it. A document
// continued in a fresh child after a timeout keeps its server and data.
// When there is no server, the documents are told why, so the snippets
// that connect skip.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fixtures/redis_server.hpp"
#include "runners/python/database_slots.hpp"

namespace snipcheck::runners::python {

// Whether the run wants a Redis server.
enum class RedisWanted { no, yes };

class RedisService {
public:
    // Starts the first server when `wanted`, unless `unavailable` already
    // says why there is none (the configuration turned it off); the others
    // start when a document first needs them. A server that cannot start is
    // no error: start_error() says why, and so do the documents.
    static RedisService start(RedisWanted wanted, std::string unavailable, int documents_at_once);

    // What `document`'s child is told (the request's services.redis): the
    // socket and password of the server it holds, restarted clean when the
    // slot is new to it; or why there is no server (none started, or the
    // document's server died). nullopt when every slot is held by other
    // documents.
    std::optional<nlohmann::json> request_for(std::size_t document);

    // `document` has no child running and none queued: its server goes to the next.
    void release(std::size_t document);

    // Why the server the run wanted did not start; empty when it started,
    // was not wanted, or was turned off.
    const std::string& start_error() const { return m_start_error; }

    // "the run's Redis server died: LAST WORDS" for each server found dead
    // since the last call (every server is looked at now), for the report.
    std::vector<std::string> take_deaths();

private:
    struct Slot {
        std::unique_ptr<fixtures::RedisServer> server;
        bool used = false;         // a document had it since its last start: restart before the next
        bool death_noted = false;  // its death is in m_deaths already
    };

    RedisService(RedisWanted wanted, std::string unavailable, std::string start_error, int documents_at_once);
    // Notes the death of the slot's server, once; false when it is running.
    bool note_if_dead(Slot& slot);

    RedisWanted m_wanted;
    std::vector<Slot> m_slots_servers;  // [slot]
    std::string m_unavailable;
    std::string m_start_error;
    DatabaseSlots m_slots;
    std::vector<std::string> m_deaths;
};

}  // namespace snipcheck::runners::python
