// The forum as the editor shows it beside a map, no ImGui: which threads the
// Forum tab lists for what is selected, how many sit on each node and arrow
// (the canvas's speech bubbles), and the words of each row. Writes are the
// forum's own use cases (forum/discussion.h), which find a post's mentions and
// name the member acted as in the audit record.
#pragma once

#include "map_editor.h"

#include "model/store/workspace.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace strawman::editor {

// Where the Forum tab looks: the whole map, or one node or arrow of it, named
// by key(s) as a thread's anchor names them.
struct ForumPlace {
    enum class Kind { Map, Node, Edge } kind = Kind::Map;
    std::string node; // Node: its key; Edge: the key it starts from
    std::string to;   // Edge: the key it ends at
    bool operator==(const ForumPlace&) const = default;
};

// The place a selection names: one node or one arrow alone; anything else
// (nothing, or several things) is the map.
ForumPlace placeOf(const Selection& selection);
model::ThreadAnchor anchorOf(model::MapId map, const ForumPlace& place);
// The place on the map a thread of that map is anchored to.
ForumPlace placeOf(const model::ThreadAnchor& anchor);
// The selection that is the place: nothing for the map, or for a node or arrow
// the map does not have.
Selection selectionOf(const model::MapContent& map, const ForumPlace& place);

// Where a thread is, as its row says it: "the map", a node's label (its key
// when it has none), "Vetted → Booked" for an arrow; a node or arrow the map
// no longer has is named by its key(s) and said to be deleted.
std::string placeText(const model::MapContent& map, const model::ThreadAnchor& anchor);
// The opening words of a post, on one line, cut after about `maxChars` at a
// word's end with an ellipsis.
std::string openingWords(std::string_view text, std::size_t maxChars = 80);
// A stored UTC time ("2026-06-06T14:05:09Z") as a row shows it, in the local
// time zone: "6 Jun 2026 15:05" in London. Anything else is shown as stored.
std::string postTime(std::string_view utc);
// "Tom Hughes (forum member)", as the status bar's choice shows a member.
std::string memberText(const model::Member& member);

struct ThreadRow {
    model::ThreadId id;
    ForumPlace place;
    std::string where; // placeText
    bool gone = false; // its node or arrow has been deleted from the map
    std::string opening;
    std::string startedBy;
    std::int64_t posts = 0;
    std::string lastPost; // postTime of the last post
    // For the member reading (ForumView::setReader): posts by others they have
    // not read, and how many of those mention them.
    std::int64_t unread = 0;
    std::int64_t mentionsUnread = 0;
};

struct PostRow {
    model::PostId id;
    model::MemberId authorId;
    std::string author;
    std::string at; // postTime
    std::string text;
    bool edited = false; // it has had more than one text
};

// A speech bubble on the canvas: a node or arrow the map still has, and how
// many threads are on it.
struct ForumMarker {
    ForumPlace place;
    int threads = 0;
};

// The threads of the shown map, read once per map and per change to the
// workspace, and the members who may write.
class ForumView {
  public:
    // Re-reads when another map is shown, the workspace was re-read, or a
    // write here asked for it (invalidate). Returns whether it re-read; throws
    // what the workspace throws, having emptied the view.
    bool refresh(const EditorSession& session);
    void invalidate() { m_stale = true; }
    // Whose unread posts the rows count (the member acted as); none counts nothing.
    void setReader(std::optional<model::MemberId> reader) {
        if (reader != m_reader) m_stale = true;
        m_reader = reader;
    }

    std::optional<model::MapId> map() const { return m_map; }
    const std::vector<model::Member>& members() const { return m_members; }
    const model::Member* member(model::MemberId id) const;

    // The rows for a place: on the map, every thread of the map, those on its
    // nodes and arrows included; on a node or arrow, those on it.
    std::vector<ThreadRow> rows(const ForumPlace& place) const;
    const std::vector<ForumMarker>& markers() const { return m_markers; }
    // Counts a change here or elsewhere: a view of a thread reads its posts again.
    std::uint64_t revision() const { return m_revision; }

    // A thread of the workspace's, its row; throws model::Error for an unknown id.
    ThreadRow thread(const model::Workspace& ws, model::ThreadId id) const;
    std::vector<PostRow> posts(const model::Workspace& ws, model::ThreadId id) const;

  private:
    ThreadRow rowOf(const model::Workspace& ws, const model::ThreadRecord& t) const;

    std::optional<model::MapId> m_map;
    std::optional<model::MemberId> m_reader;
    std::uint64_t m_seenWorkspace = 0, m_seenContent = 0;
    bool m_stale = true;
    std::uint64_t m_revision = 0;
    std::vector<model::Member> m_members;
    std::map<model::MemberId, std::string> m_names;
    std::vector<ThreadRow> m_rows; // every thread of the map, in the order started
    std::vector<ForumMarker> m_markers;
};

} // namespace strawman::editor
