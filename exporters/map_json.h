// A map as JSON: its summary (id, trust, process, name, status, version, hash,
// sizes) and, for an export, every node and edge with its position. What
// `strawman map list --json` and `strawman export --format json` print.
#pragma once

#include "model/maps/network.h"
#include "model/maps/process_map.h"

#include <nlohmann/json.hpp>

#include <string>

namespace strawman::exporters {

nlohmann::json mapSummaryJson(const model::MapSummary& map);

// The summary with "nodes" and "edges" (edges name their ends by node key),
// indented, with a final line break.
std::string mapJson(const model::MapSummary& map, const model::MapContent& content);

} // namespace strawman::exporters
