// Reads and writes that several parts of the store make (the workspace, the
// event store, an import's unit of work), written once. Inside the store only.
#pragma once

#include "model/core/ids.h"
#include "model/events/code_mapping.h"
#include "model/events/import_record.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace strawman::model {

class Database;

// Throws Error ("no trust with id N") for an unknown trust.
void requireTrust(Database& db, TrustId trust);
// The trust's ODS code; throws as requireTrust.
std::string trustCode(Database& db, TrustId trust);
// The rowid of an activity code in the vocabulary, nullopt when there is none.
std::optional<std::int64_t> activityRowid(Database& db, std::string_view code);
inline bool hasActivity(Database& db, std::string_view code) {
    return activityRowid(db, code).has_value();
}
// Adds a code at the end of the vocabulary: the one way an activity is added.
void insertActivity(Database& db, std::string_view code, std::string_view name);

std::vector<CodeMapping> codeMappingsOf(Database& db, TrustId trust);
std::vector<ImportRecord> importsOf(Database& db, std::optional<TrustId> trust);
// The first import of the trust made from a file with this digest.
std::optional<ImportRecord> findImportIn(Database& db, TrustId trust, std::string_view sha256);

} // namespace strawman::model
