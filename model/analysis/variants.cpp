#include "variants.h"

#include "activity_order.h"

#include <algorithm>

namespace strawman::model {

namespace {

// A case's activity sequence hashed straight from its events, with no key string
// built per case. Equal hashes are confirmed by comparing the sequences.
std::uint64_t sequenceHash(std::span<const LoggedEvent> events) {
    std::uint64_t h = 0x243F6A8885A308D3ull ^ events.size();
    for (const auto& e : events) {
        h = (h ^ e.activity) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    }
    return h;
}

bool sameSequence(std::span<const LoggedEvent> a, std::span<const LoggedEvent> b) {
    return std::equal(
        a.begin(), a.end(), b.begin(), b.end(),
        [](const LoggedEvent& x, const LoggedEvent& y) { return x.activity == y.activity; });
}

// Open addressing over variant numbers: a few thousand variants for hundreds of
// thousands of cases, so lookups must be cheap and the table stays small.
class VariantTable {
  public:
    explicit VariantTable(const EventLog& log) : m_log(log), m_slots(1024, kEmpty) {}

    // The variant number of a case, a new one when its sequence is new.
    std::uint32_t variantOf(std::uint32_t caseIndex) {
        const auto events = m_log.caseEvents(caseIndex);
        const std::uint64_t h = sequenceHash(events);
        for (std::size_t i = h & (m_slots.size() - 1);; i = (i + 1) & (m_slots.size() - 1)) {
            const std::uint32_t v = m_slots[i];
            if (v == kEmpty) break;
            if (m_hashes[v] == h && sameSequence(m_log.caseEvents(m_firstCase[v]), events))
                return v;
        }
        const auto v = static_cast<std::uint32_t>(m_firstCase.size());
        m_firstCase.push_back(caseIndex);
        m_hashes.push_back(h);
        if (m_firstCase.size() * 2 > m_slots.size())
            grow();
        else
            place(v);
        return v;
    }

    std::size_t size() const { return m_firstCase.size(); }
    std::uint32_t firstCase(std::uint32_t v) const { return m_firstCase[v]; }

  private:
    static constexpr std::uint32_t kEmpty = UINT32_MAX;

    void place(std::uint32_t v) {
        std::size_t i = m_hashes[v] & (m_slots.size() - 1);
        while (m_slots[i] != kEmpty) i = (i + 1) & (m_slots.size() - 1);
        m_slots[i] = v;
    }

    void grow() {
        m_slots.assign(m_slots.size() * 2, kEmpty);
        for (std::uint32_t v = 0; v < m_firstCase.size(); ++v) place(v);
    }

    const EventLog& m_log;
    std::vector<std::uint32_t> m_slots;     // variant number or kEmpty
    std::vector<std::uint32_t> m_firstCase; // per variant: a case that follows it
    std::vector<std::uint64_t> m_hashes;    // per variant
};

} // namespace

std::vector<Variant> rankedVariants(const EventLog& log, std::span<const std::uint32_t> cases) {
    VariantTable table(log);
    std::vector<std::uint32_t> variantOfCase(cases.size());
    for (std::size_t i = 0; i < cases.size(); ++i) variantOfCase[i] = table.variantOf(cases[i]);

    std::vector<Variant> found(table.size());
    std::vector<std::size_t> counts(table.size());
    for (const auto v : variantOfCase) ++counts[v];
    for (std::uint32_t v = 0; v < found.size(); ++v) {
        for (const auto& e : log.caseEvents(table.firstCase(v)))
            found[v].activities.push_back(e.activity);
        found[v].cases.reserve(counts[v]);
    }
    for (std::size_t i = 0; i < cases.size(); ++i)
        found[variantOfCase[i]].cases.push_back(cases[i]);

    const auto codeRank = activityCodeRanks(log);
    std::sort(found.begin(), found.end(), [&](const Variant& a, const Variant& b) {
        if (a.cases.size() != b.cases.size()) return a.cases.size() > b.cases.size();
        // codeRank is a permutation, so distinct sequences never compare equal.
        return std::lexicographical_compare(
            a.activities.begin(), a.activities.end(), b.activities.begin(), b.activities.end(),
            [&](std::uint32_t x, std::uint32_t y) { return codeRank[x] < codeRank[y]; });
    });
    return found;
}

} // namespace strawman::model
