// The "Forum" tab: the threads of the shown map, or of the node or arrow
// selected on it, and a thread's posts with a box to reply. Writes are by the
// member chosen in the status bar's "Acting as" (actingAs); with nobody
// chosen the compose box is disabled and says where to choose; one's own posts
// can be given a new text (the earlier ones are kept). What is listed
// and how it is worded is editor/core/forum_view.h's; this only draws it.
#pragma once

#include "editor/core/forum_view.h"
#include "editor/core/map_editor.h"
#include "fonts.h"
#include "notices.h"
#include "proposals_panel.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace strawman::editor {

class ForumPanel {
  public:
    // Reads the shown map's threads when they may have changed; once a frame,
    // before the canvas draws its speech bubbles from view().markers().
    void refresh(const EditorSession& session, Notices& notices);
    void draw(MapEditor& editor, const Fonts& fonts, Notices& notices);

    const ForumView& view() const { return m_view; }
    // The threads on a node or arrow whose speech bubble was clicked (the
    // caller selects it): its one thread open, or the list of its threads.
    void showPlace(const ForumPlace& place);
    // Opens a thread (--thread); throws model::Error for one the workspace
    // does not have.
    void openThread(const model::Workspace& ws, model::ThreadId id);
    std::optional<model::ThreadId> openThreadId() const { return m_open; }
    // Shows the proposals with this one open (--proposal); throws model::Error
    // for one the workspace does not have.
    void openProposal(const model::Workspace& ws, model::ProposalId id) {
        m_proposals.open(ws, id);
        m_showProposals = true;
    }

    // For the view report: "forum thread 3", or "forum list node vet 2" (the
    // place listed and its threads), and "forum acting as NAME" or "nobody".
    std::string report() const;

    // Who the forum's writes are by; nobody until chosen.
    std::optional<model::MemberId> actingAs;
    const model::Member* actingMember() const {
        return actingAs ? m_view.member(*actingAs) : nullptr;
    }

  private:
    void followSelection(const Selection& selection);
    void drawList(MapEditor& editor, const Fonts& fonts, Notices& notices);
    void drawRow(const ThreadRow& row, const Fonts& fonts);
    void drawThread(EditorSession& session, const Fonts& fonts, Notices& notices);
    // The compose box and its button; returns whether the button was pressed
    // with text in the box and someone to write as.
    bool drawCompose(const char* button, const char* buttonTarget, float height);
    void drawPost(const PostRow& post, EditorSession& session, const Fonts& fonts,
                  Notices& notices);
    void readPosts(const EditorSession& session, Notices& notices);

    ForumView m_view;
    // The tab shows the threads or, switched, the proposals.
    ProposalsPanel m_proposals;
    bool m_showProposals = false;
    std::optional<model::MapId> m_shownMap; // the map the tab was last drawn for
    ForumPlace m_followed;                  // the place the selection named when last looked at
    bool m_wholeMap = false;
    std::optional<model::ThreadId> m_open;
    bool m_newThread = false;
    std::array<char, 8192> m_text{};
    // One's own post being given a new text.
    std::optional<model::PostId> m_editing;
    std::array<char, 8192> m_editText{};

    // The open thread's row and posts, read once per change.
    std::optional<model::ThreadId> m_postsOf;
    std::uint64_t m_postsRevision = 0;
    ThreadRow m_openRow;
    std::vector<PostRow> m_posts;
};

} // namespace strawman::editor
