// The forum's threads and posts as the store keeps them (forum_store.h). A
// thread is anchored to the network, a process, a map, or one node or arrow of
// a map, named by its key(s) so the anchor holds across the map's versions
// while the key exists.
#pragma once

#include "model/core/ids.h"

#include <string>
#include <vector>

namespace strawman::model {

struct ThreadAnchor {
    enum class Kind { Network, Process, Map, Node, Edge };
    Kind kind = Kind::Network;
    ProcessId process; // Process
    MapId map;         // Map, Node, Edge
    std::string node;  // Node: its key; Edge: the key it starts from
    std::string to;    // Edge: the key it ends at
    bool operator==(const ThreadAnchor&) const = default;
};

struct ThreadRecord {
    ThreadId id;
    ThreadAnchor anchor;
    MemberId startedBy;
    std::string startedAt;
    std::int64_t posts = 0;
    std::string lastPostAt;
};

struct PostText {
    std::string text;
    std::string writtenAt;
};

struct PostRecord {
    PostId id;
    ThreadId thread;
    MemberId author;
    std::string at;
    std::vector<PostText> texts;    // every text it has had, the first first; the last is shown
    std::vector<MemberId> mentions; // the members its last text mentions (@Name)
};

// How much of a thread a member has still to read.
struct ReadState {
    std::int64_t unread = 0;   // posts by others after the last one they read
    std::int64_t mentions = 0; // of those, the ones mentioning them
};

} // namespace strawman::model
