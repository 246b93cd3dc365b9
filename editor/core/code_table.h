// What the Data panel shows for one trust, without ImGui: its imports with
// their reports, and the code table, one row per local status code the trust
// has mapped or its stored imports met without a mapping.
//
// Codes are mapped when a file is imported (model/events/event_import.cpp): stored
// events keep the network activity they were given then, and say nothing of
// their local code. So the only per-code counts there are come from the import
// reports: the events each import left out, because the code had no mapping or
// was mapped to be ignored. Codes of an import refused for unmapped codes are
// not here: a refused import stores nothing, its report included.
#pragma once

#include "model/events/import_report.h"
#include "model/maps/network.h"
#include "model/store/event_store.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace strawman::model {
class Workspace;
}

namespace strawman::editor {

struct CodeRow {
    std::string localCode;
    // The network activity the code is mapped to; empty when it is unmapped or
    // mapped to be ignored.
    std::optional<std::string> activity;
    // Events with this code that the stored imports left out (unmapped or
    // ignored at the time). Events imported under a mapping are not counted per code.
    std::int64_t eventsLeftOut = 0;
    std::vector<model::ImportId> importsLeavingOut; // ids of the imports that left some out
    bool unmapped = false;                          // met in an import and has no mapping now

    bool ignored() const { return !unmapped && !activity; }
};

// Unmapped codes first (they need someone to act), then all in code order.
std::vector<CodeRow> codeTable(const std::vector<model::CodeMapping>& mappings,
                               const std::vector<model::ImportReport>& reports);

struct ImportWithReport {
    model::ImportRecord record;
    std::optional<model::ImportReport> report; // empty for an import stored without one
};

struct TrustData {
    std::vector<ImportWithReport> imports; // oldest first
    std::vector<model::CodeMapping> mappings;
    std::vector<CodeRow> codes;
};

// Reads a trust's imports, their reports and its mapping, and builds the code
// table. Throws model::Error when the workspace cannot be read.
TrustData readTrustData(const model::Workspace& ws, model::TrustId trust);

} // namespace strawman::editor
