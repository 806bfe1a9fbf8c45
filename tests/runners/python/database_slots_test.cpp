// Documents running at once each hold a slot (a block of the run's Redis
// databases) from their first child to their last.
#include "runners/python/database_slots.hpp"

#include <catch2/catch.hpp>

using snipcheck::runners::python::DatabaseSlots;

TEST_CASE("each document running at once gets a slot of its own, fresh the first time", "[database-slots]") {
    DatabaseSlots slots(2);
    const auto first = slots.take(10);
    const auto second = slots.take(11);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->slot != second->slot);
    CHECK(first->fresh);
    CHECK(second->fresh);
    CHECK_FALSE(slots.take(12));  // both held
}

TEST_CASE("a document continued in a fresh child keeps its slot and its keys", "[database-slots]") {
    DatabaseSlots slots(2);
    const auto first = slots.take(3);
    const auto again = slots.take(3);
    REQUIRE(again);
    CHECK(again->slot == first->slot);
    CHECK_FALSE(again->fresh);  // not emptied: the earlier snippets' keys stay
}

TEST_CASE("a slot given back goes to the next document, which empties it first", "[database-slots]") {
    DatabaseSlots slots(1);
    REQUIRE(slots.take(0));
    CHECK_FALSE(slots.take(1));
    slots.release(0);
    const auto next = slots.take(1);
    REQUIRE(next);
    CHECK(next->slot == 0);
    CHECK(next->fresh);
    slots.release(7);  // holds nothing: no effect
    CHECK(slots.count() == 1);
}

TEST_CASE("which slot a document holds is told without taking one", "[database-slots]") {
    DatabaseSlots slots(2);
    CHECK_FALSE(slots.held_by(3));
    REQUIRE(slots.take(3));
    REQUIRE(slots.take(4));
    CHECK(slots.held_by(4) == 1);
    slots.release(4);
    CHECK_FALSE(slots.held_by(4));
}
