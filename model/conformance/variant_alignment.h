// The variants of a diff aligned on one map, spread over threads. Each thread
// has its own Aligner; results land at their variant's index, so they are the
// same whatever the number of threads and whichever thread took which variant.
#pragma once

#include "alignment.h"

#include <cstdint>
#include <exception>
#include <functional>
#include <vector>

namespace strawman::model {

struct VariantAlignment {
    Alignment alignment;
    std::exception_ptr error; // the variant's search failed (e.g. AlignmentTooLarge)
};

// threads: 0 for one per core. aligned(k) runs on the calling thread once for
// each k in [0, traces.size()), in order, as soon as k variants are aligned; it
// may throw (Cancelled), which stops the other threads at their next variant and
// is passed on once they have stopped.
std::vector<VariantAlignment>
alignVariants(const ReplayModel& model, const std::vector<std::vector<std::int32_t>>& traces,
              std::uint64_t maxStates, unsigned threads,
              const std::function<void(std::size_t aligned)>& aligned);

} // namespace strawman::model
