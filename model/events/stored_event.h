// One event as a trust's log stores it: the activity, attributes and resource
// as the store's small ids, the time in UTC and the local offset. 24 bytes,
// little-endian, packed case after case in the store's event blocks
// (docs/design.md, "Event data in").
#pragma once

#include "model/events/readers/source_event.h"

#include <algorithm>
#include <cstdint>
#include <span>

namespace strawman::model {

struct PackedEvent {
    TimeMs time;
    std::uint32_t activity;   // the store's id of the activity code
    std::uint32_t attributes; // the store's id of the attribute set, 0 = none
    std::uint32_t resource;   // the store's id of the resource, 0 = none
    std::int16_t offsetMinutes;
    std::uint16_t reserved;
};
static_assert(sizeof(PackedEvent) == 24);

// Puts one case's events in time order (stable: ties keep their order). Every
// event is kept: what the store holds is what the file gave.
inline void orderCaseEvents(std::span<PackedEvent> events) {
    const auto byTime = [](const PackedEvent& a, const PackedEvent& b) { return a.time < b.time; };
    if (!std::is_sorted(events.begin(), events.end(), byTime))
        std::stable_sort(events.begin(), events.end(), byTime);
}

} // namespace strawman::model
