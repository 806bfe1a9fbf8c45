#pragma once
// Hands each document that runs at once a slot of its own (for Redis, a
// server of its own), held from the document's first child to its last: a
// document continued in a fresh child after a timeout keeps its slot, and
// so the keys its earlier snippets wrote. A slot taken anew served another
// document before, so it is to be made clean (the server restarted) before
// use. Slots are reused lowest first, so which slot a document gets depends
// on what runs beside it, but never what it sees.

#include <cstddef>
#include <map>
#include <optional>
#include <vector>

namespace snipcheck::runners::python {

struct SlotLease {
    int slot = 0;
    bool fresh = false;  // taken just now: make it clean before the document's first snippet
};

class DatabaseSlots {
public:
    explicit DatabaseSlots(int count);

    // The slot `document` holds, taking the lowest free one the first time;
    // nullopt when every slot is held by another document.
    std::optional<SlotLease> take(std::size_t document);

    // The slot `document` holds, if any, without taking one.
    std::optional<int> held_by(std::size_t document) const;

    // Gives back the slot `document` holds, if any (its last child ended).
    void release(std::size_t document);

    int count() const { return static_cast<int>(m_used.size()); }

private:
    std::vector<bool> m_used;
    std::map<std::size_t, int> m_held;  // document -> slot
};

}  // namespace snipcheck::runners::python
