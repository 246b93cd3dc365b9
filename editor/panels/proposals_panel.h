// The proposals half of the Forum tab: the proposals about the shown map (it,
// its process, or the whole network), and one proposal open as a card: what
// it adopts, its status, the live tally, each vote (stale ones marked), who
// has not voted, the result; vote buttons with a reason box for the member
// acting, and for a lead the outcome and Close. What it says is
// editor/core/proposal_card.h's; the rules are the forum's.
#pragma once

#include "editor/core/editor_session.h"
#include "editor/core/proposal_card.h"
#include "fonts.h"
#include "notices.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace strawman::editor {

class ProposalsPanel {
  public:
    // Draws the list, or the proposal open. Returns the thread to open when
    // the member asked for a proposal's discussion.
    std::optional<model::ThreadId> draw(EditorSession& session, const model::Member* acting,
                                        const Fonts& fonts, Notices& notices);

    // Opens a proposal (--proposal); throws model::Error for an unknown one.
    void open(const model::Workspace& ws, model::ProposalId id);
    std::optional<model::ProposalId> openId() const { return m_open; }
    // Read again on the next frame (a write here or in another window).
    void invalidate() { m_stale = true; }

    // For the view report: "proposal 2 voting tally 2/0/1/0 stale 0 not-voted 7".
    std::string report() const;

  private:
    void refresh(const EditorSession& session, const model::Member* acting, Notices& notices);
    void drawList(const Fonts& fonts);
    std::optional<model::ThreadId> drawCard(EditorSession& session, const model::Member* acting,
                                            const Fonts& fonts, Notices& notices);
    void drawVotes(const Fonts& fonts);
    void drawVoting(EditorSession& session, const model::Member& acting, Notices& notices);
    void drawClosing(EditorSession& session, const model::Member& acting, Notices& notices);

    std::optional<model::ProposalId> m_open;
    bool m_stale = true;
    std::optional<model::MapId> m_seenMap;
    std::uint64_t m_seenWorkspace = 0;
    std::optional<model::MemberId> m_seenActing;

    struct Row {
        model::ProposalId id;
        std::string title, status, tally;
    };
    std::vector<Row> m_rows;
    std::optional<forum::ProposalView> m_view;
    ProposalCard m_card;
    std::array<char, 2048> m_reason{};
    std::array<char, 2048> m_outcome{};
};

} // namespace strawman::editor
