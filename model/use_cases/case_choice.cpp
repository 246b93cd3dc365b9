#include "case_choice.h"

#include "model/events/readers/local_time.h"

namespace strawman::model {

LogFilter caseFilter(const CaseChoice& c) {
    const TimeZone zone = TimeZone::named(c.timeZone);
    auto day = [&](const std::string& text, BadDay::Bound bound) {
        if (auto t = localDayStart(text, zone, bound == BadDay::Bound::To)) return *t;
        throw BadDay(bound, text);
    };
    LogFilter filter;
    if (!c.from.empty()) filter.from = day(c.from, BadDay::Bound::From);
    if (!c.to.empty()) filter.to = day(c.to, BadDay::Bound::To);
    filter.modalities = c.modalities;
    filter.priorities = c.priorities;
    filter.patientSources = c.sources;
    filter.sites = c.sites;
    return filter;
}

CaseValues caseValues(const EventLog& log) {
    CaseValues v;
    for (std::size_t i = 0; i < log.caseCount(); ++i) {
        const CaseAttributes a = caseAttributes(log, i);
        v.modalities.insert(a.modality);
        v.priorities.insert(a.priority);
        v.sources.insert(a.patientSource);
        v.sites.insert(a.site);
    }
    return v;
}

} // namespace strawman::model
