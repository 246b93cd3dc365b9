#include "event_store.h"

#include "database.h"
#include "error.h"
#include "event_block.h"
#include "event_log.h"
#include "progress.h"
#include "workspace.h"

#include <algorithm>
#include <bit>
#include <climits>
#include <cstdint>
#include <cstring>

namespace strawman::model {

static_assert(std::endian::native == std::endian::little,
              "packed events are stored little-endian; add byte swapping for this machine");

std::string packEvents(const std::vector<PackedEvent>& events) {
    std::string blob(events.size() * sizeof(PackedEvent), '\0');
    if (!events.empty()) std::memcpy(blob.data(), events.data(), blob.size());
    return blob;
}

std::vector<PackedEvent> unpackEvents(std::string_view blob) {
    if (blob.size() % sizeof(PackedEvent) != 0)
        throw Error("the workspace holds a damaged event record (" + std::to_string(blob.size()) +
                    " bytes); run PRAGMA integrity_check on it");
    std::vector<PackedEvent> events(blob.size() / sizeof(PackedEvent));
    if (!events.empty()) std::memcpy(events.data(), blob.data(), blob.size());
    return events;
}

// [SECTION] Loading a trust's events

EventLog loadEventLog(const Workspace& ws, TrustId trust, Progress* progress) {
    Database& db = ws.database();
    EventLog log;

    // Dictionaries first: stored ids become dense indexes.
    // Stored ids are small dense integers: vectors indexed by id, no hashing per event.
    std::vector<std::uint32_t> activityIndex, attributeIndex, resourceIndex;
    auto put = [](std::vector<std::uint32_t>& index, std::int64_t id, std::size_t value) {
        const auto at = static_cast<std::size_t>(id);
        if (index.size() <= at) index.resize(at + 1, UINT32_MAX);
        index[at] = static_cast<std::uint32_t>(value);
    };
    auto lookup = [](const std::vector<std::uint32_t>& index, std::uint32_t id) {
        if (id >= index.size() || index[id] == UINT32_MAX)
            throw Error("the workspace holds an event that names an unknown activity or attribute; "
                        "run PRAGMA integrity_check on it");
        return index[id];
    };
    {
        auto s = db.prepare("SELECT rowid, code FROM activity ORDER BY position");
        while (s.step()) {
            put(activityIndex, s.integer(0), log.activities.size());
            log.activities.push_back(s.text(1));
        }
    }
    log.attributeSets.emplace_back();
    put(attributeIndex, 0, 0);
    {
        auto s = db.prepare("SELECT id, modality, priority, patient_source, site, examination "
                            "FROM attribute_set");
        while (s.step()) {
            put(attributeIndex, s.integer(0), log.attributeSets.size());
            EventAttributes a;
            a.modality = s.text(1);
            a.priority = s.text(2);
            a.patientSource = s.text(3);
            a.site = s.text(4);
            a.examination = s.text(5);
            log.attributeSets.push_back(std::move(a));
        }
    }
    log.resources.emplace_back();
    put(resourceIndex, 0, 0);
    {
        auto s = db.prepare("SELECT id, name FROM resource");
        while (s.step()) {
            put(resourceIndex, s.integer(0), log.resources.size());
            log.resources.push_back(s.text(1));
        }
    }

    CaseMerge merge(db, blocksOfTrust(db, trust.value));
    log.events.reserve(static_cast<std::size_t>(merge.storedEvents()));
    log.caseStart.reserve(static_cast<std::size_t>(merge.storedCases()) + 1);
    log.casePseudonyms.reserve(static_cast<std::size_t>(merge.storedCases()));
    log.patients.reserve(static_cast<std::size_t>(merge.storedCases()));
    const auto storedEvents = static_cast<double>(std::max<std::int64_t>(1, merge.storedEvents()));
    constexpr std::size_t kCasesPerReport = 4096;
    constexpr std::string_view kLoading = "loading the events";
    MergedCase c;
    while (merge.next(c)) {
        if (progress && log.caseStart.size() % kCasesPerReport == 0) {
            stopIfCancelled(progress, "loading the events was cancelled");
            progress->report(static_cast<double>(log.events.size()) / storedEvents, kLoading);
        }
        log.caseStart.push_back(static_cast<std::uint32_t>(log.events.size()));
        log.casePseudonyms.push_back(c.pseudonym);
        log.patients.push_back(c.patient);
        log.repeatedEvents += c.heldElsewhere;
        for (const PackedEvent& p : c.events)
            log.events.push_back({p.time, lookup(activityIndex, p.activity),
                                  lookup(attributeIndex, p.attributes),
                                  lookup(resourceIndex, p.resource), p.offsetMinutes});
    }
    log.caseStart.push_back(static_cast<std::uint32_t>(log.events.size()));
    if (progress) progress->report(1, "events loaded");
    return log;
}

// [SECTION] Local code mapping

std::vector<CodeMapping> codeMappings(const Workspace& ws, TrustId trust) {
    std::vector<CodeMapping> out;
    auto s = ws.database().prepare(
        "SELECT local_code, activity FROM code_mapping WHERE trust_id = :t ORDER BY local_code");
    s.bind(":t", trust.value);
    while (s.step())
        out.push_back(
            {s.text(0), s.isNull(1) ? std::nullopt : std::optional<std::string>(s.text(1))});
    return out;
}

void setCodeMapping(Workspace& ws, TrustId trust, std::string_view localCode,
                    std::optional<std::string_view> activity) {
    if (localCode.empty()) throw Error("a local code cannot be empty");
    ws.trust(trust);
    if (activity && !ws.hasActivity(*activity))
        throw Error("unknown activity code \"" + std::string(*activity) +
                    "\": add it with strawman activity add first");
    ws.database()
        .prepare(
            "INSERT INTO code_mapping(trust_id, local_code, activity) VALUES(:t, :local, :act) "
            "ON CONFLICT(trust_id, local_code) DO UPDATE SET activity = excluded.activity")
        .bind(":t", trust.value)
        .bind(":local", localCode)
        .bind(":act", activity)
        .run();
}

bool unsetCodeMapping(Workspace& ws, TrustId trust, std::string_view localCode) {
    auto& db = ws.database();
    db.prepare("DELETE FROM code_mapping WHERE trust_id = :t AND local_code = :local")
        .bind(":t", trust.value)
        .bind(":local", localCode)
        .run();
    return db.changes() > 0;
}

// [SECTION] Imports

namespace {
constexpr std::string_view kImportSql =
    "SELECT i.id, i.trust_id, t.code, i.file_name, i.sha256, i.format, i.imported_at, "
    "i.imported_by, i.rows_read, i.events, i.rows_rejected, i.cases "
    "FROM import i JOIN trust t ON t.id = i.trust_id ";

ImportRecord readImport(const Statement& s) {
    ImportRecord r;
    r.id = s.integer(0);
    r.trust = TrustId{s.integer(1)};
    r.trustCode = s.text(2);
    r.fileName = s.text(3);
    r.sha256 = s.text(4);
    r.format = s.text(5);
    r.importedAt = s.text(6);
    r.importedBy = s.text(7);
    r.rowsRead = s.integer(8);
    r.events = s.integer(9);
    r.rowsRejected = s.integer(10);
    r.cases = s.integer(11);
    return r;
}
} // namespace

std::vector<ImportRecord> imports(const Workspace& ws, std::optional<TrustId> trust) {
    auto s = ws.database().prepare(std::string(kImportSql) +
                                   "WHERE :t IS NULL OR i.trust_id = :t ORDER BY i.id");
    s.bind(":t", trust ? std::optional<std::int64_t>(trust->value) : std::nullopt);
    std::vector<ImportRecord> out;
    while (s.step()) out.push_back(readImport(s));
    return out;
}

std::optional<ImportRecord> findImport(const Workspace& ws, TrustId trust,
                                       std::string_view sha256) {
    auto s =
        ws.database().prepare(std::string(kImportSql) +
                              "WHERE i.trust_id = :t AND i.sha256 = :sha ORDER BY i.id LIMIT 1");
    s.bind(":t", trust.value).bind(":sha", sha256);
    if (!s.step()) return std::nullopt;
    return readImport(s);
}

std::optional<ImportReport> importReport(const Workspace& ws, std::int64_t importId) {
    auto s = ws.database().prepare("SELECT report FROM import WHERE id = :id");
    s.bind(":id", importId);
    if (!s.step()) throw Error("no import with id " + std::to_string(importId));
    const std::string text = s.text(0);
    if (text.empty() || text == "{}")
        return std::nullopt; // the column's default: no report was kept
    return importReportFromJson(text);
}

void removeImport(Workspace& ws, std::int64_t importId) {
    ws.transaction([&] {
        auto& db = ws.database();
        auto s = db.prepare("SELECT trust_id FROM import WHERE id = :id");
        s.bind(":id", importId);
        if (!s.step()) throw Error("no import with id " + std::to_string(importId));
        db.prepare("DELETE FROM event_block WHERE import_id = :id").bind(":id", importId).run();
        db.prepare("DELETE FROM import WHERE id = :id").bind(":id", importId).run();
    });
}

std::string networkId(const Workspace& ws) {
    auto s = ws.database().prepare("SELECT value FROM meta WHERE key = 'network_id'");
    if (!s.step()) throw Error("this workspace has no network id");
    return s.text(0);
}

} // namespace strawman::model
