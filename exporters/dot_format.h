// DOT in and out. The convention other tools and our tests rely on:
//   node attributes: kind = start|end|activity|decision|parallel|note (default
//   activity), activity = activity code, label = display text, lane = role,
//   pos = "x,y" in points (Graphviz orientation, y up), width/height in inches;
//   edge attribute: label = condition.
// Export is deterministic: the same map gives the same bytes, and
// export -> import -> export gives identical bytes.
#pragma once

#include "model/maps/process_map.h"

#include <functional>
#include <string>
#include <string_view>

namespace strawman::exporters {

std::string toDot(const model::MapContent& map, std::string_view graphName);

struct DotImport {
    model::MapContent content; // ids are local to the content
    std::string graphName;
};

// Parses DOT text. Throws model::InputError naming file, line (where Graphviz
// gives one) and reason for a syntax error, an unknown kind, or an activity code
// that knownActivity rejects (pass nullptr to accept any).
DotImport fromDot(std::string_view text, std::string_view fileName,
                  const std::function<bool(std::string_view)>& knownActivity);

} // namespace strawman::exporters
