// Variants: the distinct paths cases take, as sequences of activities. Found once
// per diff, so whatever is worked out per variant (an alignment against the map,
// its fitness) is worked out once and shared by every case that follows it.
#pragma once

#include "model/events/event_log.h"

#include <cstdint>
#include <span>
#include <vector>

namespace strawman::model {

struct Variant {
    std::vector<std::uint32_t> activities; // indexes into EventLog::activities, in event order
    std::vector<std::uint32_t> cases;      // the cases that follow it, in the order given
};

// The variants of the given cases (indexes into the log, e.g. from selectCases),
// most frequent first; equal counts in the order of their activity codes, compared
// code by code, a sequence before its own extensions. Every given case is in
// exactly one variant; a case without events is the variant with no activities.
std::vector<Variant> rankedVariants(const EventLog& log, std::span<const std::uint32_t> cases);

} // namespace strawman::model
