// The XES lifecycle extension's standard transitions, and the events a log read
// for its completions holds aside until it is known whether the log uses them.
//
// docs/design.md ("Event data in"): by default an XES log gives its `complete`
// events; a log whose lifecycle:transition holds no standard transition at all
// (BPIC 2013 uses it for sub-states such as "Accepted", "In Progress") is read
// as `--lifecycle all`. The reader streams, so that is known only at the end of
// the file: until a standard transition is seen, what the reader would deliver
// is held here, in memory up to a limit and then in a temporary file (deleted
// when closed), so nothing is lost and memory stays bounded.
#pragma once

#include "source_event.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace strawman::model {

// schedule, assign, withdraw, reassign, start, suspend, resume, pi_abort,
// ate_abort, complete, autoskip, manualskip, unknown (any case).
bool isStandardTransition(std::string_view transition);

// What a reader delivered while the reading of lifecycles was undecided, in
// order. Each entry is marked when it is there only because of a transition
// outside the standard model (an event that `complete` would skip).
class HeldEvents {
  public:
    explicit HeldEvents(std::size_t memoryLimit);
    ~HeldEvents();
    HeldEvents(const HeldEvents&) = delete;
    HeldEvents& operator=(const HeldEvents&) = delete;

    void event(const SourceEvent& e, bool byTransition);
    void reject(std::int64_t line, const std::string& reason, bool byTransition);
    void dst(DstCase which, std::int64_t line, bool byTransition);
    bool empty() const { return m_entries == 0; }
    bool spilled() const { return m_spill != nullptr; }

    // Delivers what is held to sink, in order, and empties the hold. Marked
    // entries are delivered only when keepMarked; returns the marked events (accepted or
    // rejected) left out.
    std::int64_t release(EventSink& sink, bool keepMarked);

  private:
    void spillIfFull();
    std::size_t m_memoryLimit;
    std::string m_bytes; // entries not yet in the file
    std::FILE* m_spill = nullptr;
    std::int64_t m_entries = 0;
};

} // namespace strawman::model
