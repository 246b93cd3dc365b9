// Event data as stored: an import is written as a few large blocks, each a row
// of event_block holding up to a few hundred thousand events. Inside a block the
// cases are in pseudonym order, each case's events in time order (ties in file
// order), laid out column by column:
//
//   pseudonyms    32 bytes a case, ascending
//   patients      32 bytes a case (all zero: not known), or empty when no case has one
//   event_counts  a uint32 a case
//   events        PackedEvent records, case after case
//
// A row per block rather than per case is what makes a year of a trust's data
// quick to write and to read back: SQLite's cost is per row, and a case key is
// never looked up in an index. Because every block is sorted by pseudonym, the
// cases of many blocks (a case can span blocks and imports) come together in one
// merging pass that holds a small buffer per block, not the data.
#pragma once

#include "event_store.h"
#include "model/events/case_union.h"
#include "model/events/pseudonym.h"

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

namespace strawman::model {

class Database;

// Writes one block and returns its id. Pseudonyms must be strictly ascending;
// patients is empty or one per case; counts sum to events.size().
EventBlockId writeEventBlock(Database& db, TrustId trust, ImportId import,
                             std::span<const Pseudonym> pseudonyms,
                             std::span<const Pseudonym> patients,
                             std::span<const std::uint32_t> counts,
                             std::span<const PackedEvent> events);

// One case as read back over every block it appears in, its imports united
// (case_union.h).
struct MergedCase {
    Pseudonym pseudonym{};
    Pseudonym patient{};                  // all zero: not known
    std::vector<PackedEvent> events;      // by time; ties in block order, then file order
    std::int64_t heldElsewhere = 0;       // left out: another import holds them as often or more
    std::int64_t exactRepeatsLeftOut = 0; // by imports read with drop-exact-repeats
    int pieces = 0;                       // blocks the case was found in
    // With a focus import: its own events of the case (by time, every one it
    // stored), and how many of them another import holds too.
    bool inFocus = false;
    std::int64_t focusAlsoHeld = 0;
    std::span<const PackedEvent> focusEvents() const {
        return focusIsWhole ? std::span<const PackedEvent>(events)
                            : std::span<const PackedEvent>(focusOnly);
    }

    // The focus import's events are the whole case (no copy), or gathered here.
    bool focusIsWhole = false;
    std::vector<PackedEvent> focusOnly;
};

// Streams the cases of a list of blocks in pseudonym order. The list's order is
// the order ties keep (give blocks in import order, then write order).
class CaseMerge {
  public:
    // focusImport: an import whose own events and overlap each case reports (none when empty).
    CaseMerge(Database& db, const std::vector<EventBlockId>& blocks, ImportId focusImport = {});
    ~CaseMerge();
    CaseMerge(const CaseMerge&) = delete;
    CaseMerge& operator=(const CaseMerge&) = delete;

    // Fills out with the next case; false when every block is done.
    bool next(MergedCase& out);
    // Totals over the blocks, known before the first case is read.
    std::int64_t storedCases() const { return m_storedCases; }
    std::int64_t storedEvents() const { return m_storedEvents; }

  private:
    class Cursor;
    bool later(std::size_t a, std::size_t b) const;
    std::vector<std::unique_ptr<Cursor>> m_cursors;
    std::vector<std::size_t> m_heap; // cursor indexes, smallest current pseudonym on top
    ImportId m_focus;
    struct Piece {
        std::size_t begin; // of its events in MergedCase::events
        ImportId import;
        bool dropExactRepeats;
    };
    std::vector<Piece> m_pieces;
    std::vector<HeldEvent> m_held; // reused for every case that needs uniting
    CaseUnion m_union;
    std::int64_t m_storedCases = 0;
    std::int64_t m_storedEvents = 0;
};

// Block ids in the order CaseMerge wants them.
std::vector<EventBlockId> blocksOfTrust(Database& db, TrustId trust);
std::vector<EventBlockId> blocksOfImport(Database& db, ImportId import);

} // namespace strawman::model
