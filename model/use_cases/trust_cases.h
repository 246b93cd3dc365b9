// The cases of one trust that a choice (case_choice.h) lets through, with the
// log they are indexes into: what `strawman diff`, `compare`, the as-recorded
// map and `strawman log export` all start from, so they always mean the same
// cases by the same options.
#pragma once

#include "case_choice.h"

#include "model/core/progress.h"
#include "model/events/event_log.h"
#include "model/store/workspace.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace strawman::model {

struct TrustCases {
    Trust trust;
    EventLog log;                      // every stored event of the trust
    std::vector<std::uint32_t> chosen; // indexes of the cases chosen, ascending
};

// Loads the trust's events and picks the cases. Throws Error for an unknown
// trust or time zone and BadDay, both before the (long) load; Cancelled when
// progress asks to stop while loading.
TrustCases trustCases(const Workspace& ws, std::string_view trust, const CaseChoice& choice,
                      Progress* progress = nullptr);

} // namespace strawman::model
