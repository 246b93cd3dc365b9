#include "store_queries.h"

#include "database.h"
#include "model/core/error.h"

#include <string>

namespace strawman::model {

namespace {
constexpr std::string_view kImportSql =
    "SELECT i.id, i.trust_id, t.code, i.file_name, i.sha256, i.format, i.imported_at, "
    "i.imported_by, i.rows_read, i.events, i.rows_rejected, i.cases "
    "FROM import i JOIN trust t ON t.id = i.trust_id ";

ImportRecord readImport(const Statement& s) {
    ImportRecord r;
    r.id = ImportId{s.integer(0)};
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

void requireTrust(Database& db, TrustId trust) {
    trustCode(db, trust);
}

std::string trustCode(Database& db, TrustId trust) {
    auto s = db.prepare("SELECT code FROM trust WHERE id = :id");
    s.bind(":id", trust.value);
    if (!s.step()) throw Error("no trust with id " + std::to_string(trust.value));
    return s.text(0);
}

std::optional<std::int64_t> activityRowid(Database& db, std::string_view code) {
    auto s = db.prepare("SELECT rowid FROM activity WHERE code = :code");
    s.bind(":code", code);
    if (!s.step()) return std::nullopt;
    return s.integer(0);
}

void insertActivity(Database& db, std::string_view code, std::string_view name) {
    db.prepare("INSERT INTO activity(code, name, position) "
               "VALUES(:code, :name, (SELECT coalesce(max(position), 0) + 1 FROM activity))")
        .bind(":code", code)
        .bind(":name", name)
        .run();
}

std::vector<CodeMapping> codeMappingsOf(Database& db, TrustId trust) {
    std::vector<CodeMapping> out;
    auto s = db.prepare(
        "SELECT local_code, activity FROM code_mapping WHERE trust_id = :t ORDER BY local_code");
    s.bind(":t", trust.value);
    while (s.step())
        out.push_back(
            {s.text(0), s.isNull(1) ? std::nullopt : std::optional<std::string>(s.text(1))});
    return out;
}

std::vector<ImportRecord> importsOf(Database& db, std::optional<TrustId> trust) {
    auto s =
        db.prepare(std::string(kImportSql) + "WHERE :t IS NULL OR i.trust_id = :t ORDER BY i.id");
    s.bind(":t", trust ? std::optional<std::int64_t>(trust->value) : std::nullopt);
    std::vector<ImportRecord> out;
    while (s.step()) out.push_back(readImport(s));
    return out;
}

std::optional<ImportRecord> findImportIn(Database& db, TrustId trust, std::string_view sha256) {
    auto s = db.prepare(std::string(kImportSql) +
                        "WHERE i.trust_id = :t AND i.sha256 = :sha ORDER BY i.id LIMIT 1");
    s.bind(":t", trust.value).bind(":sha", sha256);
    if (!s.step()) return std::nullopt;
    return readImport(s);
}

} // namespace strawman::model
