#include "runners/python/database_slots.hpp"

#include <algorithm>

namespace snipcheck::runners::python {

DatabaseSlots::DatabaseSlots(int count) : m_used(static_cast<std::size_t>(std::max(1, count)), false) {}

std::optional<SlotLease> DatabaseSlots::take(std::size_t document) {
    if (const auto held = m_held.find(document); held != m_held.end()) {
        return SlotLease{held->second, false};
    }
    const auto free = std::find(m_used.begin(), m_used.end(), false);
    if (free == m_used.end()) {
        return std::nullopt;
    }
    *free = true;
    const int slot = static_cast<int>(free - m_used.begin());
    m_held.emplace(document, slot);
    return SlotLease{slot, true};
}

std::optional<int> DatabaseSlots::held_by(std::size_t document) const {
    if (const auto held = m_held.find(document); held != m_held.end()) {
        return held->second;
    }
    return std::nullopt;
}

void DatabaseSlots::release(std::size_t document) {
    if (const auto held = m_held.find(document); held != m_held.end()) {
        m_used[static_cast<std::size_t>(held->second)] = false;
        m_held.erase(held);
    }
}

}  // namespace snipcheck::runners::python
