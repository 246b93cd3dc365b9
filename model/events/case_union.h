// One case's events as the trust's log holds them, from the pieces its imports
// stored (docs/design.md, "Event data in").
//
// Within one import every event the file gave is kept, same-time repeats and
// all: the same test twice on one day is two events. Events that repeat another
// of the case exactly (every stored field equal) are kept too, unless that import
// was read with drop-exact-repeats.
//
// Across imports whose extracts overlap, an event is counted as many times as
// the import holding it most often (a multiset union): re-importing an
// overlapping extract adds nothing, and removing an import takes away exactly
// what only it held. Events are matched across imports by activity and time,
// as two extracts of one RIS give them; the events kept are those of the import
// holding the most (the earliest import on a tie), in their stored order.
#pragma once

#include "model/core/ids.h"
#include "stored_event.h"

#include <cstdint>
#include <span>
#include <vector>

namespace strawman::model {

// Every stored field equal: the file gave the same event twice.
inline bool sameEvent(const PackedEvent& a, const PackedEvent& b) {
    return a.time == b.time && a.activity == b.activity && a.attributes == b.attributes &&
           a.resource == b.resource && a.offsetMinutes == b.offsetMinutes;
}

// A stored event with the import that holds it.
struct HeldEvent {
    PackedEvent event;
    ImportId import;
    bool dropExactRepeats; // that import was read with drop-exact-repeats
};

struct CaseUnion {
    std::vector<PackedEvent> events;      // by time; ties in the order given
    std::int64_t exactRepeatsLeftOut = 0; // by imports read with drop-exact-repeats
    std::int64_t heldElsewhere = 0;       // left out: another import holds them as often or more
    // Of the focus import's events, those another import of the case holds too
    // (each at most as often as that import holds it): what the focus adds nothing with.
    std::int64_t focusAlsoHeld = 0;
    std::vector<std::uint8_t> scratch;
};

// events: a case's events from all its pieces, in import order (each piece in
// time order, as blocks store it); left sorted by time. Fills out, reusing its
// vectors. focusImport: the import whose overlap with the others is counted.
void uniteCase(std::vector<HeldEvent>& events, CaseUnion& out, ImportId focusImport = {});

// Of one import's events of a case (in time order): those with the activity
// and time of an earlier one (the same test twice on one day: real events,
// kept), and of them the exact repeats, every field equal.
struct Repeats {
    std::int64_t sameTime = 0, exact = 0;
};
Repeats countRepeats(std::span<const PackedEvent> events);

} // namespace strawman::model
