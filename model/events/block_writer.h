// Gathers an import's events in memory and writes them as bounded blocks of
// the store (ImportUnit::writeBlock), so an import of any size holds at most
// one block at a time (event_import.h). The raw case and patient keys live
// only here, in memory, until the block is written; the store sees pseudonyms.
#pragma once

#include "import_unit.h"
#include "pseudonym.h"

#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace strawman::model {

class BlockWriter {
  public:
    // blockEvents: the events held before the block is full.
    BlockWriter(const PseudonymKey& key, std::size_t blockEvents);

    // Adds an event of a known activity, attribute set and resource (the
    // store's ids); true when the block is full and is to be written.
    bool add(const SourceEvent& e, std::uint32_t activity, std::uint32_t attributes,
             std::uint32_t resource);

    // Writes the block gathered (nothing when it is empty) and starts a new
    // one; returns the events written.
    std::size_t write(ImportUnit& unit);

  private:
    struct PendingCase {
        Pseudonym pseudonym;
        std::optional<Pseudonym> patient;
    };
    struct PendingEvent {
        std::uint32_t caseIndex;
        std::uint32_t activity;
        std::uint32_t attributes;
        std::uint32_t resource;
        TimeMs time;
        std::int16_t offsetMinutes;
    };
    static constexpr std::uint32_t kNoCase = UINT32_MAX;

    const PseudonymKey& m_key;
    std::size_t m_blockEvents;
    std::unordered_map<std::string, std::uint32_t> m_caseIndex; // raw key -> m_cases
    std::string m_lastCaseKey;                                  // the key of m_cases[m_lastCase]
    std::uint32_t m_lastCase = kNoCase;
    std::vector<PendingCase> m_cases;
    std::vector<PendingEvent> m_events;
};

} // namespace strawman::model
