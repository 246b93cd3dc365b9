// One import's unit of work in the SQLite workspace (import_unit.h): a
// transaction (a savepoint inside a larger one) that holds the import row, the
// vocabulary entries, attribute sets and resources it adds and the event
// blocks it writes, until the pipeline commits it, with its audit entries.
#include "audit_log.h"
#include "database.h"
#include "event_block.h"
#include "event_store.h"
#include "model/core/clock.h"
#include "model/core/error.h"
#include "store_queries.h"

#include <memory>

#include <nlohmann/json.hpp>

namespace strawman::model {

namespace {

class StoredImportCases final : public ImportedCases {
  public:
    StoredImportCases(Database& db, const std::vector<EventBlockId>& blocks, ImportId import)
        : m_merge(db, blocks, import) {}

    std::int64_t storedCases() const override { return m_merge.storedCases(); }
    std::int64_t casesRead() const override { return m_read; }

    bool next(ImportedCase& out) override {
        while (m_merge.next(m_case)) {
            ++m_read;
            if (!m_case.inFocus) continue; // a case only the trust's other imports hold
            out.events = m_case.focusEvents();
            out.alsoHeld = m_case.focusAlsoHeld;
            return true;
        }
        return false;
    }

  private:
    CaseMerge m_merge;
    MergedCase m_case;
    std::int64_t m_read = 0;
};

class ImportWriter final : public ImportUnit {
  public:
    ImportWriter(Database& db, AuditLog& audit, const ImportHeader& header)
        : m_db(db), m_audit(audit), m_trust(header.trust), m_header(header), m_tx(db) {
        requireTrust(m_db, header.trust);
        m_db.prepare(
                "INSERT INTO import(trust_id, file_name, sha256, format, imported_at, imported_by, "
                "drop_exact_repeats) VALUES(:t, :file, :sha, :format, :at, :by, :drop)")
            .bind(":t", header.trust.value)
            .bind(":file", header.fileName)
            .bind(":sha", header.sha256)
            .bind(":format", header.format)
            .bind(":at", nowUtc())
            .bind(":by", header.importedBy)
            .bind(":drop", header.dropExactRepeats ? 1 : 0)
            .run();
        m_importId = ImportId{m_db.lastInsertId()};
    }

    ImportId importId() const override { return m_importId; }

    std::vector<CodeMapping> codeMappings() const override { return codeMappingsOf(m_db, m_trust); }

    std::optional<ImportRecord> earlierImport(std::string_view sha256) const override {
        auto earlier = findImportIn(m_db, m_trust, sha256);
        if (earlier && earlier->id == m_importId) return std::nullopt;
        return earlier;
    }

    std::optional<std::uint32_t> activityId(std::string_view code) const override {
        const auto rowid = activityRowid(m_db, code);
        if (!rowid) return std::nullopt;
        return static_cast<std::uint32_t>(*rowid);
    }

    void addActivity(std::string_view code) override {
        if (code.empty()) throw Error("an activity needs a code");
        if (hasActivity(m_db, code)) return;
        insertActivity(m_db, code, code);
        m_audit.append(
            "activity added",
            nlohmann::json{{"activity", code}, {"name", code}, {"import", m_importId.value}}
                .dump());
    }

    std::uint32_t attributeSetId(const EventAttributes& a) override {
        if (a.modality.empty() && a.priority.empty() && a.patientSource.empty() && a.site.empty() &&
            a.examination.empty())
            return 0;
        m_db.prepare(
                "INSERT INTO attribute_set(modality, priority, patient_source, site, examination) "
                "VALUES(:m, :p, :s, :site, :e) ON CONFLICT DO NOTHING")
            .bind(":m", a.modality)
            .bind(":p", a.priority)
            .bind(":s", a.patientSource)
            .bind(":site", a.site)
            .bind(":e", a.examination)
            .run();
        auto s =
            m_db.prepare("SELECT id FROM attribute_set WHERE modality = :m AND priority = :p AND "
                         "patient_source = :s AND site = :site AND examination = :e");
        s.bind(":m", a.modality)
            .bind(":p", a.priority)
            .bind(":s", a.patientSource)
            .bind(":site", a.site)
            .bind(":e", a.examination);
        s.step();
        return static_cast<std::uint32_t>(s.integer(0));
    }

    std::uint32_t resourceId(std::string_view name) override {
        if (name.empty()) return 0;
        m_db.prepare("INSERT INTO resource(name) VALUES(:n) ON CONFLICT DO NOTHING")
            .bind(":n", name)
            .run();
        auto s = m_db.prepare("SELECT id FROM resource WHERE name = :n");
        s.bind(":n", name);
        s.step();
        return static_cast<std::uint32_t>(s.integer(0));
    }

    void setSha256(std::string_view sha256) override {
        m_header.sha256 = sha256;
        m_db.prepare("UPDATE import SET sha256 = :sha WHERE id = :id")
            .bind(":sha", sha256)
            .bind(":id", m_importId.value)
            .run();
    }

    void writeBlock(std::span<const Pseudonym> pseudonyms, std::span<const Pseudonym> patients,
                    std::span<const std::uint32_t> counts,
                    std::span<const PackedEvent> events) override {
        writeEventBlock(m_db, m_trust, m_importId, pseudonyms, patients, counts, events);
    }

    std::unique_ptr<ImportedCases> readBack() override {
        // The trust's other imports are read alongside only when there are any:
        // what they hold of each case is then counted.
        const bool othersHeld = importsOf(m_db, m_trust).size() > 1;
        return std::make_unique<StoredImportCases>(
            m_db, othersHeld ? blocksOfTrust(m_db, m_trust) : blocksOfImport(m_db, m_importId),
            m_importId);
    }

    void commit(const ImportReport& report) override {
        m_db.prepare(
                "UPDATE import SET rows_read = :r, events = :e, rows_rejected = :x, cases = :c, "
                "report = :report WHERE id = :id")
            .bind(":r", report.rowsRead)
            .bind(":e", report.eventsAccepted)
            .bind(":x", report.rowsRejected)
            .bind(":c", report.cases)
            .bind(":report", toJson(report, -1))
            .bind(":id", m_importId.value)
            .run();
        m_audit.append("import", nlohmann::json{{"import", m_importId.value},
                                                {"trust", trustCode(m_db, m_trust)},
                                                {"file", m_header.fileName},
                                                {"sha256", m_header.sha256},
                                                {"format", m_header.format},
                                                {"rows read", report.rowsRead},
                                                {"events", report.eventsAccepted},
                                                {"rows rejected", report.rowsRejected},
                                                {"cases", report.cases}}
                                     .dump());
        m_tx.commit();
    }

  private:
    Database& m_db;
    AuditLog& m_audit;
    TrustId m_trust;
    ImportHeader m_header;
    Database::Transaction m_tx; // rolls the import back unless committed
    ImportId m_importId;
};

} // namespace

std::unique_ptr<ImportUnit> EventStore::beginImport(const ImportHeader& header) {
    return std::make_unique<ImportWriter>(m_db, m_audit, header);
}

} // namespace strawman::model
