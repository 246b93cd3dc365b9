// Storage of event data in the workspace: the packed per-case event records,
// imports as units, and each trust's local code mapping. SQL for events lives
// here and in event_import.cpp.
#pragma once

#include "ids.h"
#include "import_report.h"
#include "source_event.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace strawman::model {

class Workspace;

// One event as stored: 24 bytes, little-endian, in an event block (event_block.h).
struct PackedEvent {
    TimeMs time;
    std::uint32_t activity;   // rowid of the activity table
    std::uint32_t attributes; // attribute_set.id, 0 = none
    std::uint32_t resource;   // resource.id, 0 = none
    std::int16_t offsetMinutes;
    std::uint16_t reserved;
};
static_assert(sizeof(PackedEvent) == 24);

// A case's events as one record, as schema version 3 stored them per case; read
// when an older workspace is converted (migrations.cpp).
std::string packEvents(const std::vector<PackedEvent>& events);
std::vector<PackedEvent> unpackEvents(std::string_view blob);

// [local code mapping]
struct CodeMapping {
    std::string localCode;
    std::optional<std::string> activity; // empty: events with this code are left out
};
std::vector<CodeMapping> codeMappings(const Workspace& ws, TrustId trust);
void setCodeMapping(Workspace& ws, TrustId trust, std::string_view localCode,
                    std::optional<std::string_view> activity);
// Returns false when there was no mapping for that code.
bool unsetCodeMapping(Workspace& ws, TrustId trust, std::string_view localCode);

// [imports]
struct ImportRecord {
    std::int64_t id = 0;
    TrustId trust;
    std::string trustCode;
    std::string fileName;
    std::string sha256;
    std::string format;
    std::string importedAt;
    std::string importedBy;
    std::int64_t rowsRead = 0, events = 0, rowsRejected = 0, cases = 0;
};
std::vector<ImportRecord> imports(const Workspace& ws, std::optional<TrustId> trust = {});
std::optional<ImportRecord> findImport(const Workspace& ws, TrustId trust, std::string_view sha256);
// The report the import produced, as stored with it; empty for an import stored
// without one. Throws Error for an unknown import.
std::optional<ImportReport> importReport(const Workspace& ws, std::int64_t importId);
// Removes an import and every event it brought.
void removeImport(Workspace& ws, std::int64_t importId);

// The network's id, which names its pseudonymisation key file.
std::string networkId(const Workspace& ws);

} // namespace strawman::model
