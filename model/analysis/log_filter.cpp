#include "log_filter.h"

#include <array>

namespace strawman::model {

namespace {

using Field = std::string EventAttributes::*;
constexpr std::array<Field, 4> kFields{&EventAttributes::modality, &EventAttributes::priority,
                                       &EventAttributes::patientSource, &EventAttributes::site};

enum class Verdict : std::uint8_t { NotStated, Allowed, Refused };

// One attribute's filter, judged once per attribute set rather than once per event.
struct FieldFilter {
    std::vector<Verdict> bySet; // per EventLog::attributeSets index
    bool allowsNone;            // the verdict for a case where no event states it
};

bool admits(const FieldFilter& f, std::span<const LoggedEvent> events) {
    for (const auto& e : events) {
        const Verdict v = f.bySet[e.attributes];
        if (v != Verdict::NotStated) return v == Verdict::Allowed;
    }
    return f.allowsNone;
}

} // namespace

CaseAttributes caseAttributes(const EventLog& log, std::size_t caseIndex) {
    CaseAttributes a;
    const std::array<std::string*, 4> out{&a.modality, &a.priority, &a.patientSource, &a.site};
    for (std::size_t i = 0; i < kFields.size(); ++i)
        for (const auto& e : log.caseEvents(caseIndex)) {
            const std::string& value = log.attributeSets[e.attributes].*kFields[i];
            if (!value.empty()) {
                *out[i] = value;
                break;
            }
        }
    return a;
}

std::vector<std::uint32_t> selectCases(const EventLog& log, const LogFilter& filter) {
    const std::array<const std::set<std::string>*, 4> allowed{
        &filter.modalities, &filter.priorities, &filter.patientSources, &filter.sites};
    std::vector<FieldFilter> fields;
    for (std::size_t i = 0; i < kFields.size(); ++i) {
        if (allowed[i]->empty()) continue;
        FieldFilter f{{}, allowed[i]->contains("")};
        f.bySet.reserve(log.attributeSets.size());
        for (const auto& set : log.attributeSets) {
            const std::string& value = set.*kFields[i];
            f.bySet.push_back(value.empty()                 ? Verdict::NotStated
                              : allowed[i]->contains(value) ? Verdict::Allowed
                                                            : Verdict::Refused);
        }
        fields.push_back(std::move(f));
    }

    std::vector<std::uint32_t> cases;
    const bool dated = filter.from || filter.to;
    for (std::size_t c = 0; c < log.caseCount(); ++c) {
        const auto events = log.caseEvents(c);
        if (dated) {
            if (events.empty()) continue;
            const TimeMs start = events.front().time;
            if (filter.from && start < *filter.from) continue;
            if (filter.to && start >= *filter.to) continue;
        }
        bool keep = true;
        for (const auto& f : fields) keep = keep && admits(f, events);
        if (keep) cases.push_back(static_cast<std::uint32_t>(c));
    }
    return cases;
}

} // namespace strawman::model
