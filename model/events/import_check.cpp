#include "import_check.h"

#include "case_union.h"

#include <algorithm>
#include <limits>
#include <memory>

namespace strawman::model {

namespace {

// Orders that cannot happen in a real examination: the second activity's first
// occurrence before the first activity's first occurrence. The DID rule
// (request <= received <= test <= report) is among them.
struct OrderRule {
    const char* before;
    const char* after;
    const char* description;
};
constexpr OrderRule kOrderRules[] = {
    {"REQ", "RCV", "request received before it was made"},
    {"RCV", "CMP", "examination done before the request was received"},
    {"REQ", "CMP", "examination done before it was requested"},
    {"STA", "CMP", "examination completed before it started"},
    {"CMP", "REP", "preliminary report before the examination"},
    {"CMP", "VER", "report verified before the examination"},
};

// Cases read back between two reports while checking.
constexpr std::int64_t kCasesPerReport = 4096;
constexpr TimeMs kNotSeen = std::numeric_limits<TimeMs>::max();

// The order rules in the store's activity ids (-1 where the vocabulary lacks a
// code), and the activities they name, each with its first time in a case.
class OrderCheck {
  public:
    explicit OrderCheck(const ImportUnit& unit) {
        auto idOf = [&](const char* code) -> std::int64_t {
            const auto id = unit.activityId(code);
            return id ? static_cast<std::int64_t>(*id) : -1;
        };
        for (const OrderRule& r : kOrderRules) m_rules.emplace_back(idOf(r.before), idOf(r.after));
        for (const auto& [a, b] : m_rules)
            for (const std::int64_t id : {a, b})
                if (id >= 0 && std::find(m_watched.begin(), m_watched.end(), id) == m_watched.end())
                    m_watched.push_back(id);
        m_first.resize(m_watched.size());
    }

    void check(std::span<const PackedEvent> events, ImportReport& report) {
        std::fill(m_first.begin(), m_first.end(), kNotSeen);
        for (const PackedEvent& e : events) // in time order: the first seen is the first done
            for (std::size_t w = 0; w < m_watched.size(); ++w)
                if (m_watched[w] == e.activity && m_first[w] == kNotSeen) m_first[w] = e.time;
        for (std::size_t i = 0; i < m_rules.size(); ++i) {
            if (m_rules[i].first < 0 || m_rules[i].second < 0) continue;
            const TimeMs a = m_first[slot(m_rules[i].first)];
            const TimeMs b = m_first[slot(m_rules[i].second)];
            if (a != kNotSeen && b != kNotSeen && b < a)
                ++report.impossibleOrder[kOrderRules[i].description];
        }
    }

  private:
    std::size_t slot(std::int64_t id) const {
        return static_cast<std::size_t>(std::find(m_watched.begin(), m_watched.end(), id) -
                                        m_watched.begin());
    }

    std::vector<std::pair<std::int64_t, std::int64_t>> m_rules;
    std::vector<std::int64_t> m_watched;
    std::vector<TimeMs> m_first;
};

} // namespace

// Only when the trust has other imports are their blocks read too (readBack).
void checkImport(ImportUnit& unit, ImportReport& report, bool dropExactRepeats,
                 const std::function<void(double fraction)>& checked) {
    OrderCheck orders(unit);
    const std::unique_ptr<ImportedCases> stored = unit.readBack();
    const auto storedCases = static_cast<double>(std::max<std::int64_t>(1, stored->storedCases()));
    ImportedCase c;
    for (std::int64_t listed = 0; stored->next(c); ++listed) {
        if (checked && listed % kCasesPerReport == 0)
            checked(static_cast<double>(stored->casesRead()) / storedCases);
        ++report.cases;
        const Repeats repeats = countRepeats(c.events);
        report.sameTimeRepeats += repeats.sameTime;
        report.exactRepeats += repeats.exact;
        report.heldByEarlierImports += c.alsoHeld;
        orders.check(c.events, report);
    }
    if (dropExactRepeats) {
        report.repeatsLeftOut = report.exactRepeats;
        report.eventsAccepted -= report.exactRepeats;
    }
}

} // namespace strawman::model
