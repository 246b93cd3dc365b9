// Typed integer ids. Every id is an SQLite primary key; a distinct type per entity
// means a NodeId cannot be passed where an EdgeId or a MapId is expected.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>

namespace strawman::model {

template <class Tag> struct Id {
    std::int64_t value = 0;

    constexpr Id() = default;
    constexpr explicit Id(std::int64_t v) : value(v) {}
    constexpr explicit operator bool() const { return value != 0; }
    constexpr auto operator<=>(const Id&) const = default;
};

using TrustId = Id<struct TrustTag>;
using MemberId = Id<struct MemberTag>;
using ProcessId = Id<struct ProcessTag>;
using MapId = Id<struct MapTag>;
using VersionId = Id<struct VersionTag>;
using NodeId = Id<struct NodeTag>;
using EdgeId = Id<struct EdgeTag>;
using ImportId = Id<struct ImportTag>;         // one file read into one trust's log
using EventBlockId = Id<struct EventBlockTag>; // a stored block of an import's events
using ThreadId = Id<struct ThreadTag>;         // a forum thread
using PostId = Id<struct PostTag>;             // one post of a thread
using ProposalId = Id<struct ProposalTag>;     // a proposed standard put to the vote
using VoteId = Id<struct VoteTag>;             // one vote cast (a member's history is kept)
using StandardId = Id<struct StandardTag>;     // an agreed standard: an adopted proposal

} // namespace strawman::model

template <class Tag> struct std::hash<strawman::model::Id<Tag>> {
    std::size_t operator()(strawman::model::Id<Tag> id) const noexcept {
        return std::hash<std::int64_t>{}(id.value);
    }
};
