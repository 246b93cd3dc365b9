// The audit record: every change to a workspace's data appends one entry at
// its door of the store (docs/architecture.md), in the change's own
// transaction, so there is no change without its entry and no entry without
// its change. An entry says who, when, what (an action and its details, JSON),
// and holds the SHA-256 of the entry before it: changing or deleting an entry
// in the file breaks the chain from there on, and verify() names where.
//
// An entry's hash is SHA-256, in lowercase hex, of its fields in this order,
// each followed by a line feed: the hash before ("" for the first entry), id,
// time, actor, action, details. Anyone can check a chain with sqlite3 and
// sha256sum.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace strawman::model {

class Database;

struct AuditEntry {
    std::int64_t id = 0;
    std::string at;     // ISO 8601 UTC, to the second
    std::string actor;  // the member acted as, or the user running the program
    std::string action; // "trust added", "map changed", ...
    std::string detail; // JSON object
    std::string before; // the hash of the entry before; "" for the first
    std::string hash;
};

struct AuditCheck {
    std::int64_t entries = 0;
    std::string head; // the last entry's hash; "" for none
    // The first entry that does not match its chain, and why; none when all do.
    std::optional<std::int64_t> firstBad;
    std::string problem;
    // A head recorded earlier that the chain no longer reaches (a deleted tail).
    bool headFound = true;
    bool ok() const { return !firstBad && headFound; }
};

class AuditLog {
  public:
    explicit AuditLog(Database& db);
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;

    // Who the entries from now on are by: a member's name, as chosen with
    // "--as" or "acting as". By default the user running the program.
    void actAs(std::string actor) { m_actor = std::move(actor); }
    const std::string& actor() const { return m_actor; }

    // Appends an entry; call inside the change's transaction.
    void append(std::string_view action, const std::string& detail);

    std::vector<AuditEntry> entries() const;
    // Walks the chain; with `head`, also checks that it still reaches that
    // hash, recorded earlier.
    AuditCheck verify(const std::optional<std::string>& head = std::nullopt) const;

    static std::string hashOf(const AuditEntry& entry);

  private:
    Database& m_db;
    std::string m_actor;
};

// The user running the program, as entries and imports are stamped.
std::string currentUser();

} // namespace strawman::model
