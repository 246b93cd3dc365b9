// Bringing a map drawn elsewhere into the workspace: parse, check, lay out when
// the file has no positions, and store, all in one transaction. Used by
// `strawman map import`, the demo network and the editor alike.
#pragma once

#include "model/store/workspace.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace strawman::exporters {

struct MapImportOptions {
    std::optional<model::TrustId> trust; // empty for a network-wide map
    std::string process;                 // created when the workspace has none of this name
    std::string name;                    // empty: the DOT graph's name, else the file name
    bool addActivities = false;          // take unknown activity codes into the vocabulary
    model::MapStatus status = model::MapStatus::Draft;
};

// Throws model::InputError (file, line, reason) for a bad file; nothing is
// written to the workspace then.
model::MapId importDotMap(model::Workspace& ws, std::string_view dotText, std::string_view fileName,
                          const MapImportOptions& options);

// The same for a BPMN 2.0 file (bpmn_reader.h). `flattened`, when given, is told
// what was read as something simpler than it is, one line each, for the user.
model::MapId importBpmnMap(model::Workspace& ws, std::string_view bpmnText,
                           std::string_view fileName, const MapImportOptions& options,
                           std::vector<std::string>* flattened = nullptr);

enum class MapFileFormat { Dot, Bpmn };
// The format a file's extension says: ".bpmn" (and ".xml") BPMN, anything else DOT.
MapFileFormat mapFileFormatOf(std::string_view fileName);
// The format called "dot" or "bpmn", if either.
std::optional<MapFileFormat> mapFileFormatNamed(std::string_view name);

} // namespace strawman::exporters
