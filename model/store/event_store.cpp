#include "event_store.h"

#include "audit_log.h"
#include "database.h"
#include "event_block.h"
#include "model/core/error.h"
#include "model/core/progress.h"
#include "model/events/code_mapper.h"
#include "model/events/event_log.h"
#include "store_queries.h"

#include <algorithm>
#include <bit>
#include <climits>
#include <cstdint>
#include <cstring>

#include <nlohmann/json.hpp>

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

EventLog EventStore::load(TrustId trust, Progress* progress) const {
    Database& db = m_db;
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

    CaseMerge merge(db, blocksOfTrust(db, trust));
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

std::vector<CodeMapping> EventStore::codeMappings(TrustId trust) const {
    return codeMappingsOf(m_db, trust);
}

bool EventStore::changeCodeMapping(TrustId trust, std::string_view typedCode,
                                   const CodeMappingChange& change) {
    // Stored as imports look it up (code_mapper.h): " BK" would never match.
    const std::string localCode = trimmedCode(typedCode);
    const auto audit = [&](const nlohmann::json& to) {
        m_audit.append(
            "code mapping changed",
            nlohmann::json{{"trust", trustCode(m_db, trust)}, {"code", localCode}, {"to", to}}
                .dump());
    };
    Database::Transaction tx(m_db);
    if (change.kind() == CodeMappingChange::Kind::Unset) {
        m_db.prepare("DELETE FROM code_mapping WHERE trust_id = :t AND local_code = :local")
            .bind(":t", trust.value)
            .bind(":local", localCode)
            .run();
        if (m_db.changes() == 0) return false;
        audit(nullptr);
        tx.commit();
        return true;
    }
    if (localCode.empty()) throw Error("a local code cannot be empty");
    requireTrust(m_db, trust);
    std::optional<std::string_view> activity; // NULL: ignored
    if (change.kind() == CodeMappingChange::Kind::MapTo) {
        activity = change.activity();
        if (!hasActivity(m_db, *activity))
            throw Error("unknown activity code \"" + change.activity() + "\"", Remedy::AddActivity);
    }
    m_db.prepare(
            "INSERT INTO code_mapping(trust_id, local_code, activity) VALUES(:t, :local, :act) "
            "ON CONFLICT(trust_id, local_code) DO UPDATE SET activity = excluded.activity")
        .bind(":t", trust.value)
        .bind(":local", localCode)
        .bind(":act", activity)
        .run();
    audit(activity ? nlohmann::json(*activity) : nlohmann::json("(ignored)"));
    tx.commit();
    return true;
}

// [SECTION] Imports

std::vector<ImportRecord> EventStore::imports(std::optional<TrustId> trust) const {
    return importsOf(m_db, trust);
}

std::optional<ImportReport> EventStore::importReport(ImportId import) const {
    auto s = m_db.prepare("SELECT report FROM import WHERE id = :id");
    s.bind(":id", import.value);
    if (!s.step()) throw Error("no import with id " + std::to_string(import.value));
    const std::string text = s.text(0);
    if (text.empty() || text == "{}")
        return std::nullopt; // the column's default: no report was kept
    return importReportFromJson(text);
}

void EventStore::removeImport(ImportId import) {
    Database::Transaction tx(m_db);
    auto s = m_db.prepare("SELECT trust_id FROM import WHERE id = :id");
    s.bind(":id", import.value);
    if (!s.step()) throw Error("no import with id " + std::to_string(import.value));
    const std::string trust = trustCode(m_db, TrustId{s.integer(0)});
    m_db.prepare("DELETE FROM event_block WHERE import_id = :id").bind(":id", import.value).run();
    m_db.prepare("DELETE FROM import WHERE id = :id").bind(":id", import.value).run();
    m_audit.append("import removed",
                   nlohmann::json{{"import", import.value}, {"trust", trust}}.dump());
    tx.commit();
}

std::string EventStore::networkId() const {
    auto s = m_db.prepare("SELECT value FROM meta WHERE key = 'network_id'");
    if (!s.step()) throw Error("this workspace has no network id");
    return s.text(0);
}

} // namespace strawman::model
