#include "runners/python/redis_service.hpp"

#include <utility>

namespace snipcheck::runners::python {

using nlohmann::json;

RedisService::RedisService(std::unique_ptr<fixtures::RedisServer> server, std::string unavailable,
                           std::string start_error, int documents_at_once)
    : m_server(std::move(server)),
      m_unavailable(std::move(unavailable)),
      m_start_error(std::move(start_error)),
      m_slots(documents_at_once) {}

RedisService RedisService::start(RedisWanted wanted, std::string unavailable, int documents_at_once) {
    if (wanted == RedisWanted::no || !unavailable.empty()) {
        return RedisService(nullptr, std::move(unavailable), {}, documents_at_once);
    }
    auto started = fixtures::RedisServer::start(documents_at_once);
    if (!started) {
        return RedisService(nullptr, started.error(), started.error(), documents_at_once);
    }
    return RedisService(std::move(*started), {}, {}, documents_at_once);
}

std::optional<json> RedisService::request_for(std::size_t document) {
    if (!m_server) {
        return json{{"unavailable", m_unavailable.empty() ? std::string("the run started none") : m_unavailable}};
    }
    const std::optional<SlotLease> lease = m_slots.take(document);
    if (!lease) {
        return std::nullopt;
    }
    return json{{"socket", m_server->socket_path()},
                {"version", m_server->version()},
                {"db_base", lease->slot * fixtures::k_redis_databases_per_document},
                {"databases", fixtures::k_redis_databases_per_document},
                {"fresh", lease->fresh}};
}

}  // namespace snipcheck::runners::python
