// Small event logs written out by hand for the tests of the diff's log side.
#pragma once

#include "model/events/event_log.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace strawman::test {

struct LoggedStep {
    std::string activity;
    model::TimeMs minutes = 0;    // since the epoch
    std::uint32_t attributes = 0; // an index returned by LogBuilder::attributes
};

class LogBuilder {
  public:
    LogBuilder() {
        log.attributeSets.emplace_back();
        log.resources.emplace_back();
        log.caseStart.push_back(0);
    }

    std::uint32_t attributes(model::EventAttributes a) {
        log.attributeSets.push_back(std::move(a));
        return static_cast<std::uint32_t>(log.attributeSets.size() - 1);
    }

    std::uint32_t activity(const std::string& code) {
        const auto it = std::find(log.activities.begin(), log.activities.end(), code);
        if (it != log.activities.end())
            return static_cast<std::uint32_t>(it - log.activities.begin());
        log.activities.push_back(code);
        return static_cast<std::uint32_t>(log.activities.size() - 1);
    }

    // Steps in the order the log holds them (time order, ties as listed).
    LogBuilder& addCase(const std::vector<LoggedStep>& steps) {
        for (const auto& s : steps)
            log.events.push_back({s.minutes * 60'000, activity(s.activity), s.attributes, 0, 0});
        log.caseStart.push_back(static_cast<std::uint32_t>(log.events.size()));
        model::Pseudonym p{};
        p[0] = static_cast<std::uint8_t>(log.casePseudonyms.size() >> 8);
        p[1] = static_cast<std::uint8_t>(log.casePseudonyms.size());
        log.casePseudonyms.push_back(p);
        log.patients.push_back({});
        return *this;
    }

    model::EventLog log;
};

} // namespace strawman::test
