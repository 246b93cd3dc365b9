// Map validation: what is wrong with a flowchart, in the words a service manager
// uses. An empty list means the map is valid.
#pragma once

#include "process_map.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace strawman::model {

struct Problem {
    std::string code;    // stable identifier, e.g. "no-start", "unreachable"
    std::string message; // for the user
    NodeId node;         // the node concerned, if any
    EdgeId edge;         // the edge concerned, if any
};

// knownActivity says whether an activity code is in the workspace vocabulary;
// pass nullptr to skip that check.
std::vector<Problem> validate(const MapContent& map,
                              const std::function<bool(std::string_view)>& knownActivity);

} // namespace strawman::model
