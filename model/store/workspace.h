// The network workspace: one SQLite file holding everything of one network.
//
// Contract:
// - create() makes a new file and refuses to overwrite one. The file appears
//   under its name only once it is complete (built beside it and renamed), so a
//   crash while creating leaves no half-made workspace. open() migrates an
//   older file in place, refuses a newer one (naming both versions) and refuses,
//   without touching it, a file that is not a Strawman workspace.
// - Every public mutating call is one transaction: it is stored completely or not
//   at all, so there is no "save" and no unsaved state. transaction() groups
//   several calls into one.
// - A published map version is immutable. Editing a map whose current version is
//   published first opens a new draft version, copied from it.
// SQL lives here and in the store files behind it, nowhere else.
#pragma once

#include "audit_log.h"
#include "event_store.h"
#include "forum_store.h"
#include "model/maps/network.h"
#include "model/maps/process_map.h"
#include "proposal_store.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace strawman::model {

class Database;
struct MapChange;

class Workspace {
  public:
    static constexpr std::int32_t kApplicationId = 0x5354524d; // "STRM"

    // fill, when given, runs on the new workspace before it takes its name:
    // a workspace created with its first content (the demo network) is all or nothing.
    static Workspace create(const std::filesystem::path& path,
                            const std::function<void(Workspace&)>& fill = {});
    static Workspace open(const std::filesystem::path& path);
    static Workspace createInMemory();

    Workspace(Workspace&&) noexcept;
    Workspace& operator=(Workspace&&) noexcept;
    ~Workspace();

    const std::filesystem::path& path() const { return m_path; }

    // Runs fn inside one transaction; nested calls join the outer one.
    void transaction(const std::function<void()>& fn);

    // [trusts, members, processes]
    TrustId addTrust(std::string_view code, std::string_view name);
    std::vector<Trust> trusts() const;
    std::optional<Trust> findTrust(std::string_view code) const;
    Trust trust(std::string_view code) const; // throws Error for an unknown code
    Trust trust(TrustId id) const;

    MemberId addMember(std::string_view name, TrustId trust, Role role);
    std::vector<Member> members() const;

    ProcessId addProcess(std::string_view name);
    std::vector<Process> processes() const;
    std::optional<Process> findProcess(std::string_view name) const;

    // [activity vocabulary]
    void addActivity(std::string_view code, std::string_view name);
    std::vector<Activity> activities() const;
    bool hasActivity(std::string_view code) const;

    // [maps]
    // Stores content as version 1 of a new draft map; edges must refer to nodes
    // of the same content. Node keys that are empty become "n<index>".
    MapId createMap(ProcessId process, std::optional<TrustId> trust, std::string_view name,
                    const MapContent& content, MapStatus status = MapStatus::Draft);
    std::vector<MapSummary> maps() const;
    MapSummary map(MapId id) const; // throws Error for an unknown id
    std::vector<MapVersionInfo> versions(MapId id) const;

    // The current version's nodes and edges, with database ids.
    MapContent content(MapId id) const;
    MapContent content(VersionId version) const;

    // The one way a map's content changes (the editor, the CLI's map layout):
    // applies one edit (map_change.h) to the current version, in one transaction,
    // keeping the row ids of nodes and edges it does not remove. Throws Error, and
    // changes nothing, when the map no longer looks as the change expects (another
    // window changed it meanwhile) or the result breaks a rule of the store.
    void applyChange(MapId id, const MapChange& change);

    void setStatus(MapId id, MapStatus status);
    void rename(MapId id, std::string_view name);

    // Freezes the current version and returns its content hash. Publishing an
    // already published version returns the same hash.
    std::string publish(MapId id);

    // [event data] each trust's log, its imports and its code mapping (event_store.h)
    EventStore& events() { return *m_events; }
    const EventStore& events() const { return *m_events; }

    // [audit record] who changed what and when, written at every door above
    // (audit_log.h); actAs names who the changes from now on are by.
    AuditLog& audit() { return *m_audit; }
    const AuditLog& audit() const { return *m_audit; }

    // [forum] threads and posts (forum_store.h)
    ForumStore& forum() { return *m_forum; }
    const ForumStore& forum() const { return *m_forum; }
    // [decisions] proposals, votes and agreed standards (proposal_store.h)
    ProposalStore& proposals() { return *m_proposals; }
    const ProposalStore& proposals() const { return *m_proposals; }

  private:
    // The store's own tests look at its rows through this (tests/store_access.h);
    // nothing else reaches the database.
    friend struct StoreAccess;

    Workspace(std::filesystem::path path, std::unique_ptr<Database> db);
    VersionId editableVersion(MapId id);
    void insertContent(VersionId version, const MapContent& content);

    std::filesystem::path m_path;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AuditLog> m_audit;          // over *m_db
    std::unique_ptr<EventStore> m_events;       // over *m_db, writing to *m_audit
    std::unique_ptr<ForumStore> m_forum;        // likewise
    std::unique_ptr<ProposalStore> m_proposals; // likewise, starting threads in *m_forum
};

// The network's default radiology activity codes (docs/design.md "Activity vocabulary").
const std::vector<Activity>& defaultRadiologyActivities();

} // namespace strawman::model
