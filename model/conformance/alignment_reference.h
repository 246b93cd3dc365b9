// The alignment search as first written (A* with a node-based map and a binary
// heap), kept so tests can hold the faster search (alignment.h) against it:
// both find the same deviations and silent moves for any map and trace.
#pragma once

#include "alignment.h"

namespace strawman::model {

Alignment alignReference(const ReplayModel& model, std::span<const std::int32_t> trace,
                         std::uint64_t maxStates = 5'000'000);

} // namespace strawman::model
