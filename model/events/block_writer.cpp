#include "block_writer.h"

#include <algorithm>
#include <memory>
#include <span>

namespace strawman::model {

namespace {

// A block's cases in pseudonym order, as the store holds them. Two raw keys
// that differ only in spacing are one case (one pseudonym) and share a rank.
struct CaseRanks {
    std::vector<std::uint32_t> rank; // per gathered case
    std::vector<Pseudonym> pseudonyms, patients;
    bool anyPatient = false;
};

} // namespace

BlockWriter::BlockWriter(const PseudonymKey& key, std::size_t blockEvents)
    : m_key(key), m_blockEvents(blockEvents) {
    m_events.reserve(blockEvents);
}

bool BlockWriter::add(const SourceEvent& e, std::uint32_t activity, std::uint32_t attributes,
                      std::uint32_t resource) {
    // A file's events come case by case (XES traces) or mostly so: the case of
    // the event before is checked first, without hashing its key.
    if (m_lastCase == kNoCase || e.caseKey != m_lastCaseKey) {
        auto [it, added] =
            m_caseIndex.try_emplace(e.caseKey, static_cast<std::uint32_t>(m_cases.size()));
        if (added) m_cases.push_back({m_key.caseKey(it->first), std::nullopt});
        m_lastCase = it->second;
        m_lastCaseKey = it->first;
    }
    PendingCase& pc = m_cases[m_lastCase];
    if (!pc.patient && !e.patientKey.empty()) pc.patient = m_key.patientKey(e.patientKey);

    m_events.push_back({m_lastCase, activity, attributes, resource, e.time,
                        static_cast<std::int16_t>(e.offsetMinutes)});
    return m_events.size() >= m_blockEvents;
}

std::size_t BlockWriter::write(ImportUnit& unit) {
    if (m_events.empty()) return 0;

    std::vector<std::uint32_t> order(m_cases.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return m_cases[a].pseudonym < m_cases[b].pseudonym;
    });
    CaseRanks cases;
    cases.rank.resize(m_cases.size());
    for (const std::uint32_t c : order) {
        const PendingCase& pc = m_cases[c];
        if (cases.pseudonyms.empty() || cases.pseudonyms.back() != pc.pseudonym) {
            cases.pseudonyms.push_back(pc.pseudonym);
            cases.patients.emplace_back();
        }
        cases.rank[c] = static_cast<std::uint32_t>(cases.pseudonyms.size() - 1);
        if (pc.patient && isZero(cases.patients.back())) {
            cases.patients.back() = *pc.patient;
            cases.anyPatient = true;
        }
    }

    // Events by case rank, a counting sort that keeps file order; then each case by time.
    const std::vector<std::uint32_t>& rank = cases.rank;
    std::vector<std::uint32_t> start(cases.pseudonyms.size() + 1, 0);
    for (const PendingEvent& e : m_events) ++start[rank[e.caseIndex] + 1];
    for (std::size_t r = 1; r < start.size(); ++r) start[r] += start[r - 1];
    // Not value-initialised: every slot is written just below.
    const std::unique_ptr<PackedEvent[]> packedEvents(new PackedEvent[m_events.size()]);
    const std::span<PackedEvent> packed(packedEvents.get(), m_events.size());
    {
        std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
        for (const PendingEvent& e : m_events)
            packed[next[rank[e.caseIndex]]++] = {e.time,     e.activity,      e.attributes,
                                                 e.resource, e.offsetMinutes, 0};
    }
    // Every event is stored, exact repeats too: the import's setting decides
    // whether those are read (case_union.h), and the check counts them.
    std::vector<std::uint32_t> counts(cases.pseudonyms.size());
    for (std::size_t r = 0; r < cases.pseudonyms.size(); ++r) {
        orderCaseEvents(std::span<PackedEvent>(packed.data() + start[r], start[r + 1] - start[r]));
        counts[r] = start[r + 1] - start[r];
    }

    unit.writeBlock(cases.pseudonyms,
                    cases.anyPatient ? std::span<const Pseudonym>(cases.patients)
                                     : std::span<const Pseudonym>(),
                    counts, packed);
    const std::size_t written = m_events.size();
    m_events.clear();
    m_cases.clear();
    m_caseIndex.clear();
    m_lastCase = kNoCase;
    return written;
}

} // namespace strawman::model
