// An "as recorded" map: the process the data shows, drawn from the log's
// directly-follows graph, to open beside the straw man. Flowchart reading
// applies (an activity with several arrows out is a choice), so every case
// whose steps all pass the threshold fits the map it came from.
#pragma once

#include "model/events/event_log.h"
#include "model/maps/process_map.h"

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>

namespace strawman::model {

struct DiscoveryOptions {
    // Keep activities and steps seen in at least this share of the cases (0..1);
    // 0 keeps everything. An activity kept always keeps a way in and a way out.
    double minFrequency = 0.0;
    // Display names of activity codes (the network's vocabulary); the code otherwise.
    std::unordered_map<std::string, std::string> names;
};

// Nodes carry activity codes; arrows are labelled with the number of cases
// that take them. The result is not laid out.
MapContent discoverMap(const EventLog& log, std::span<const std::uint32_t> cases,
                       const DiscoveryOptions& options = {});

} // namespace strawman::model
