// Threads as forum members name them: where a thread is anchored, written as
// the CLI takes it, and whether the node or arrow it is on still exists.
//
//   network | process:NAME | map:N | node:N:KEY | edge:N:FROM:TO
#pragma once

#include "model/store/forum_records.h"
#include "model/store/workspace.h"

#include <map>
#include <string>
#include <string_view>

namespace strawman::forum {

// Reads an anchor; throws model::Error naming what is unknown (a process, a
// map, a node or arrow the map's current version does not have).
model::ThreadAnchor parseAnchor(const model::Workspace& ws, std::string_view text);
// The anchor as parseAnchor reads it back ("process:NAME" by name).
std::string anchorText(const model::Workspace& ws, const model::ThreadAnchor& anchor);
// A node or arrow anchor whose key the map's current version no longer has.
bool anchorGone(const model::Workspace& ws, const model::ThreadAnchor& anchor);

// Members' names by id, for showing who wrote, voted or has not voted; one
// who is no longer in the network shows as "member N".
class MemberNames {
  public:
    explicit MemberNames(const model::Workspace& ws);
    std::string operator()(model::MemberId id) const;

  private:
    std::map<model::MemberId, std::string> m_names;
};

// A member by name or by id ("Ada Byrne", "5"); throws model::Error naming the
// text when the network has no such member.
model::Member memberNamed(const model::Workspace& ws, std::string_view nameOrId);

} // namespace strawman::forum
