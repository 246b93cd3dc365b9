// The workspace schema as an ordered list of migrations. Migration i takes a file
// from user_version i-1 to i; each runs with its version bump in one transaction,
// so a file is always at exactly one known version.
#pragma once

#include <string_view>
#include <vector>

namespace strawman::model {

class Database;

struct Migration {
    int version;
    std::string_view description;
    std::string_view sql;
    // Run after sql, in the same transaction, where data must be rewritten in C++.
    void (*convert)(Database&) = nullptr;
};

const std::vector<Migration>& migrations();
int latestSchemaVersion();

// Applies the migrations after the file's user_version up to `target`
// (default: the latest). Throws Error when the file is newer than this program.
void migrate(Database& db, int target = 0);

} // namespace strawman::model
