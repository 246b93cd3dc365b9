// The workspace's event data: each trust's log (its imports' event blocks),
// imports as units, and each trust's local code mapping. Beside the map store
// (workspace.h), and like it the only way to them: every change to imports and
// code mappings goes through one function here.
//
// The interface speaks of the model's things only (no statements, no rows), so
// that another storage engine can implement it as it stands.
#pragma once

#include "model/core/ids.h"
#include "model/events/code_mapping.h"
#include "model/events/event_log.h"
#include "model/events/import_record.h"
#include "model/events/import_report.h"
#include "model/events/import_unit.h"
#include "model/events/stored_event.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace strawman::model {

class AuditLog;
class Database;
class Progress;

class EventStore final : public ImportTarget {
  public:
    EventStore(Database& db, AuditLog& audit) : m_db(db), m_audit(audit) {}
    EventStore(const EventStore&) = delete;
    EventStore& operator=(const EventStore&) = delete;

    // Every event of a trust. Events of one case from several imports are
    // merged in time order, ties in import order; an event that several imports
    // hold (same case, activity and time) counts as often as the import holding
    // it most (case_union.h). Given a Progress, reports the share of stored
    // events read every few thousand cases and throws Cancelled when asked to stop.
    EventLog load(TrustId trust, Progress* progress = nullptr) const;

    // [local code mapping]
    std::vector<CodeMapping> codeMappings(TrustId trust) const;
    // The one way a local code's mapping changes (code_mapping.h); the code is
    // stored without the spaces around it. Returns false when it unsets a
    // mapping there was not. Mapping or ignoring throws Error for an empty
    // code, an unknown trust or activity.
    bool changeCodeMapping(TrustId trust, std::string_view localCode,
                           const CodeMappingChange& change);

    // [imports]
    std::vector<ImportRecord> imports(std::optional<TrustId> trust = {}) const;
    // The report the import produced, as stored with it; empty for an import
    // stored without one. Throws Error for an unknown import.
    std::optional<ImportReport> importReport(ImportId import) const;
    // Opens one import's unit of work (import_unit.h); event_import.h fills it.
    std::unique_ptr<ImportUnit> beginImport(const ImportHeader& header) override;
    // Removes an import and every event it brought.
    void removeImport(ImportId import);

    // The network's id, which names its pseudonymisation key file.
    std::string networkId() const;

  private:
    Database& m_db;
    AuditLog& m_audit;
};

// A case's events as one record, as schema version 3 stored them per case; read
// when an older workspace is converted (migrations.cpp).
std::string packEvents(const std::vector<PackedEvent>& events);
std::vector<PackedEvent> unpackEvents(std::string_view blob);

} // namespace strawman::model
