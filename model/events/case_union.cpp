#include "case_union.h"

#include <algorithm>

namespace strawman::model {

namespace {

// Events of one time, [begin, end): runs longer than one are rare (same-time
// repeats, day-resolution logs), and short, so pairwise work is cheap.
void uniteRun(const std::vector<HeldEvent>& events, std::size_t begin, std::size_t end,
              CaseUnion& out, ImportId focusImport) {
    auto& keep = out.scratch; // 1 kept, 0 left out; 2 kept and its activity settled
    keep.assign(end - begin, 1);
    for (std::size_t i = begin; i < end; ++i) {
        if (!events[i].dropExactRepeats) continue;
        for (std::size_t j = begin; j < i; ++j)
            if (keep[j - begin] && events[j].import == events[i].import &&
                sameEvent(events[j].event, events[i].event)) {
                keep[i - begin] = 0;
                ++out.exactRepeatsLeftOut;
                break;
            }
    }

    // The multiset union, activity by activity. Imports come in import order, so
    // the first with the highest count is the earliest.
    for (std::size_t i = begin; i < end; ++i) {
        if (keep[i - begin] != 1) continue;
        const std::uint32_t activity = events[i].event.activity;
        ImportId winner = events[i].import;
        std::int64_t best = 0, focusCount = 0, bestOther = 0;
        for (std::size_t j = i; j < end;) { // one import's events of this activity at a time
            const ImportId import = events[j].import;
            std::int64_t n = 0;
            std::size_t k = j;
            for (; k < end && events[k].import == import; ++k)
                if (keep[k - begin] && events[k].event.activity == activity) ++n;
            if (n > best) {
                best = n;
                winner = import;
            }
            if (import == focusImport)
                focusCount = n;
            else
                bestOther = std::max(bestOther, n);
            j = k;
        }
        out.focusAlsoHeld += std::min(focusCount, bestOther);
        for (std::size_t j = i; j < end; ++j) {
            if (!keep[j - begin] || events[j].event.activity != activity) continue;
            if (events[j].import == winner)
                keep[j - begin] = 2;
            else {
                keep[j - begin] = 0;
                ++out.heldElsewhere;
            }
        }
    }
    for (std::size_t i = begin; i < end; ++i)
        if (keep[i - begin]) out.events.push_back(events[i].event);
}

} // namespace

void uniteCase(std::vector<HeldEvent>& events, CaseUnion& out, ImportId focusImport) {
    const auto byTime = [](const HeldEvent& a, const HeldEvent& b) {
        return a.event.time < b.event.time;
    };
    if (!std::is_sorted(events.begin(), events.end(), byTime))
        std::stable_sort(events.begin(), events.end(), byTime);
    out.events.clear();
    out.exactRepeatsLeftOut = out.heldElsewhere = out.focusAlsoHeld = 0;
    for (std::size_t begin = 0; begin < events.size();) {
        std::size_t end = begin + 1;
        while (end < events.size() && events[end].event.time == events[begin].event.time) ++end;
        if (end - begin == 1)
            out.events.push_back(events[begin].event);
        else
            uniteRun(events, begin, end, out, focusImport);
        begin = end;
    }
}

Repeats countRepeats(std::span<const PackedEvent> events) {
    Repeats r;
    for (std::size_t i = 1; i < events.size(); ++i) {
        if (events[i - 1].time != events[i].time) continue; // nearly every event
        bool sameTime = false, exact = false;
        for (std::size_t j = i; j-- > 0 && events[j].time == events[i].time;) {
            sameTime = sameTime || events[j].activity == events[i].activity;
            exact = exact || sameEvent(events[j], events[i]);
        }
        r.sameTime += sameTime;
        r.exact += exact;
    }
    return r;
}

} // namespace strawman::model
