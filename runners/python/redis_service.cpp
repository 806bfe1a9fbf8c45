#include "runners/python/redis_service.hpp"

#include <algorithm>
#include <utility>

namespace snipcheck::runners::python {

using nlohmann::json;

RedisService::RedisService(RedisWanted wanted, std::string unavailable, std::string start_error,
                           int documents_at_once)
    : m_wanted(wanted),
      m_slots_servers(static_cast<std::size_t>(std::max(1, documents_at_once))),
      m_unavailable(std::move(unavailable)),
      m_start_error(std::move(start_error)),
      m_slots(documents_at_once) {}

RedisService RedisService::start(RedisWanted wanted, std::string unavailable, int documents_at_once) {
    if (wanted == RedisWanted::no || !unavailable.empty()) {
        return RedisService(wanted, std::move(unavailable), {}, documents_at_once);
    }
    auto started = fixtures::RedisServer::start();
    if (!started) {
        return RedisService(wanted, started.error(), started.error(), documents_at_once);
    }
    RedisService service(wanted, {}, {}, documents_at_once);
    service.m_slots_servers[0].server = std::move(*started);
    return service;
}

bool RedisService::note_if_dead(Slot& slot) {
    if (!slot.server || !slot.server->died()) {
        return false;
    }
    if (!slot.death_noted) {
        slot.death_noted = true;
        m_deaths.push_back("the run's Redis server died: " + slot.server->last_words());
    }
    return true;
}

std::optional<json> RedisService::request_for(std::size_t document) {
    if (!m_unavailable.empty() || m_wanted == RedisWanted::no) {
        return json{{"unavailable", m_unavailable.empty() ? std::string("the run started none") : m_unavailable}};
    }
    const std::optional<SlotLease> lease = m_slots.take(document);
    if (!lease) {
        return std::nullopt;
    }
    Slot& slot = m_slots_servers[static_cast<std::size_t>(lease->slot)];
    if (lease->fresh) {
        std::string error;
        if (!slot.server) {
            auto started = fixtures::RedisServer::start();
            if (started) {
                slot.server = std::move(*started);
            } else {
                error = started.error();
            }
        } else if (slot.used || !slot.server->running()) {
            // Another document had it: nothing of that document may reach this one.
            slot.server->stop();
            note_if_dead(slot);  // a SHUTDOWN that was still under way counts too
            if (auto restarted = slot.server->restart(); !restarted) {
                error = restarted.error();
                slot.server.reset();
            }
        }
        if (!error.empty()) {
            if (m_start_error.empty()) {
                m_start_error = error;
            }
            return json{{"unavailable", error}};
        }
        slot.used = true;
        slot.death_noted = false;
    } else if (note_if_dead(slot) || !slot.server) {
        // The document's own server died under it: its keys are gone with it.
        return json{{"unavailable", m_deaths.empty() ? std::string("the run's Redis server died") : m_deaths.back()}};
    }
    return json{{"socket", slot.server->socket_path()},
                {"password", slot.server->password()},
                {"version", slot.server->version()}};
}

void RedisService::release(std::size_t document) {
    if (const std::optional<int> slot = m_slots.held_by(document)) {
        note_if_dead(m_slots_servers[static_cast<std::size_t>(*slot)]);
    }
    m_slots.release(document);
}

std::vector<std::string> RedisService::take_deaths() {
    for (Slot& slot : m_slots_servers) {
        note_if_dead(slot);
    }
    return std::exchange(m_deaths, {});
}

}  // namespace snipcheck::runners::python
