// A trust-year of radiology cases built in memory by a small deterministic
// generator, for the benchmarks that start from a loaded log (the diff's log
// side, the log export): no import is measured.
#pragma once

#include "bench_random.h"

#include "model/events/event_log.h"

#include <cstdint>
#include <vector>

namespace strawman::bench {

// Radiology orders shaped like the sample trusts' paths: walk-in X-ray without
// booking, vetting sometimes skipped, DNA and rebooking loops, addenda. Each step
// takes minutes to weeks.
inline model::EventLog trustYear(std::int64_t cases) {
    model::EventLog log;
    log.activities = {"REQ", "RCV", "VET", "REJ", "PRO", "BKD", "DNA",
                      "ARR", "STA", "CMP", "REP", "VER", "ADD", "CAN"};
    enum : std::uint32_t { REQ, RCV, VET, REJ, PRO, BKD, DNA, ARR, STA, CMP, REP, VER, ADD, CAN };
    log.attributeSets.emplace_back();
    for (const char* modality : {"XR", "CT", "MR", "US"})
        for (const char* priority : {"routine", "urgent", "2WW"}) {
            model::EventAttributes a;
            a.modality = modality;
            a.priority = priority;
            a.patientSource = "GP";
            a.site = "Maidstone";
            log.attributeSets.push_back(a);
        }
    log.resources.emplace_back();

    Random rnd;
    constexpr model::TimeMs kMinute = 60'000, kYear = 365LL * 24 * 60 * kMinute;
    const model::TimeMs yearStart = 1'704'067'200'000; // 2024-01-01T00:00Z
    log.caseStart.push_back(0);
    std::vector<std::uint32_t> path;
    for (std::int64_t c = 0; c < cases; ++c) {
        path.clear();
        // Attribute sets 1-3 are X-ray, 4-9 CT and MR, 10-12 ultrasound.
        const auto attributes =
            static_cast<std::uint32_t>(rnd.chance(40) ? 1 + rnd.below(3) : 4 + rnd.below(9));
        const bool xray = attributes <= 3, crossSectional = attributes >= 4 && attributes <= 9;
        const bool walkIn = xray && rnd.chance(80);
        path.push_back(REQ);
        if (!walkIn) {
            path.push_back(RCV);
            if (!rnd.chance(10)) path.push_back(VET);
            if (crossSectional && rnd.chance(40)) path.push_back(PRO);
            if (rnd.chance(2))
                path.push_back(rnd.chance(50) ? REJ : CAN);
            else {
                path.push_back(BKD);
                while (rnd.chance(6)) {
                    path.push_back(rnd.chance(70) ? DNA : CAN);
                    path.push_back(BKD);
                }
            }
        }
        if (path.back() != REJ && path.back() != CAN) {
            // Arrival and start recorded out of order now and then, or start not at all.
            if (rnd.chance(4))
                path.insert(path.end(), {STA, ARR});
            else if (rnd.chance(3))
                path.push_back(ARR);
            else
                path.insert(path.end(), {ARR, STA});
            path.push_back(CMP);
            path.push_back(REP);
            while (rnd.chance(2)) path.push_back(REP); // report reworked before verification
            path.push_back(VER);
            while (rnd.chance(3)) path.push_back(ADD);
        }
        model::TimeMs t = yearStart + rnd.below(kYear);
        for (const auto activity : path) {
            log.events.push_back({t, activity, attributes, 0, 0});
            t += kMinute * (rnd.chance(80) ? rnd.below(240) : rnd.below(60 * 24 * 21));
        }
        log.caseStart.push_back(static_cast<std::uint32_t>(log.events.size()));
        model::Pseudonym p{};
        for (int i = 0; i < 8; ++i)
            p[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(c >> (56 - 8 * i));
        log.casePseudonyms.push_back(p);
        log.patients.push_back({});
    }
    return log;
}

} // namespace strawman::bench
