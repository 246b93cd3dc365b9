// The people and organisations of a network: trusts, members, processes, and the
// activity vocabulary that maps and event logs share.
#pragma once

#include "model/core/ids.h"

#include <optional>
#include <string>
#include <string_view>

namespace strawman::model {

struct Trust {
    TrustId id;
    std::string code; // ODS code, e.g. RPA
    std::string name;
};

enum class Role { Manager, ForumMember, Lead };
std::string toText(Role role);
std::optional<Role> roleFromString(std::string_view text);

struct Member {
    MemberId id;
    std::string name;
    TrustId trust;
    Role role = Role::Manager;
};

struct Process {
    ProcessId id;
    std::string name;
};

struct Activity {
    std::string code; // e.g. VET
    std::string name; // e.g. vetted/justified
};

enum class MapStatus { Draft, StrawMan, Proposed, Agreed, Retired };
std::string toText(MapStatus status);
std::optional<MapStatus> mapStatusFromString(std::string_view text);

// One row of `strawman map list`: a map and its current version.
struct MapSummary {
    MapId id;
    ProcessId process;
    std::string processName;
    std::optional<TrustId> trust; // empty for a network-wide map
    std::string trustCode;        // empty for a network-wide map
    std::string name;
    MapStatus status = MapStatus::Draft;
    VersionId version;      // the current version
    int versionNumber = 0;  // 1, 2, ...
    bool published = false; // the current version is frozen
    std::string hash;       // content hash, when published
    int nodeCount = 0;
    int edgeCount = 0;
};

struct MapVersionInfo {
    VersionId id;
    int number = 0;
    bool published = false;
    std::string hash;
    std::string publishedAt; // ISO 8601 UTC, when published
};

} // namespace strawman::model
