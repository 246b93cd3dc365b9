#include "proposals_panel.h"

#include "editor/core/error_text.h"

#include "script_targets.h"
#include "theme.h"

#include "model/core/clock.h"

#include <imgui.h>

#include <cfloat>
#include <exception>

namespace strawman::editor {

namespace {

const ImVec4 kAdopted{0.12f, 0.45f, 0.22f, 1};
const ImVec4 kNotAdopted{0.62f, 0.16f, 0.12f, 1};
const ImVec4 kStale{0.62f, 0.36f, 0.02f, 1};

// The vote buttons, their script targets, and what they cast.
struct VoteButton {
    const char* label;
    const char* target;
    forum::VoteChoice choice;
};
constexpr VoteButton kVoteButtons[] = {
    {"Agree", "vote-agree", forum::VoteChoice::Agree},
    {"Abstain", "vote-abstain", forum::VoteChoice::Abstain},
    {"Disagree", "vote-disagree", forum::VoteChoice::Disagree},
    {"Block", "vote-block", forum::VoteChoice::Block},
};

} // namespace

void ProposalsPanel::open(const model::Workspace& ws, model::ProposalId id) {
    (void)ws.proposals().proposal(id); // refuses an unknown proposal
    m_open = id;
    m_stale = true;
}

std::string ProposalsPanel::report() const {
    if (!m_open || !m_view) return "proposals " + std::to_string(m_rows.size()) + "\n";
    const forum::Tally& t = m_view->tally;
    return "proposal " + std::to_string(m_open->value) + " " +
           std::string(forum::statusName(m_view->status)) + " tally " + std::to_string(t.agree) +
           "/" + std::to_string(t.abstain) + "/" + std::to_string(t.disagree) + "/" +
           std::to_string(t.block) + " stale " + std::to_string(t.stale.size()) + " not-voted " +
           std::to_string(t.notVoted.size()) +
           (m_card.myVote ? " mine " + *m_card.myVote : std::string()) + "\n";
}

// [SECTION] Reading

void ProposalsPanel::refresh(const EditorSession& session, const model::Member* acting,
                             Notices& notices) {
    const model::MapSummary* shown = session.selected();
    const std::optional<model::MapId> map =
        shown ? std::optional(shown->id) : std::optional<model::MapId>();
    const std::optional<model::MemberId> as =
        acting ? std::optional(acting->id) : std::optional<model::MemberId>();
    if (!m_stale && map == m_seenMap && m_seenWorkspace == session.workspaceRevision() &&
        as == m_seenActing)
        return;
    m_stale = false;
    m_seenMap = map;
    m_seenWorkspace = session.workspaceRevision();
    m_seenActing = as;
    m_rows.clear();
    m_view.reset();
    try {
        const model::Workspace& ws = session.workspace();
        const std::string now = model::nowUtc();
        for (const model::ProposalRecord& p : proposalsAbout(ws, shown)) {
            const forum::ProposalView v = forum::viewProposal(ws, p.id, now);
            std::string status(forum::statusName(v.status));
            if (p.closedBy) status = p.adopted ? "adopted" : "not adopted";
            m_rows.push_back({p.id, p.draft.title, status, forum::tallyText(v.tally)});
        }
        if (m_open) {
            m_view = forum::viewProposal(ws, *m_open, now);
            m_card = proposalCard(ws, *m_view, acting ? std::optional(*acting) : std::nullopt, now);
        }
    } catch (const std::exception& e) {
        notices.error("Could not read the proposals", errorText(e));
        m_open.reset();
    }
}

// [SECTION] Drawing

std::optional<model::ThreadId> ProposalsPanel::draw(EditorSession& session,
                                                    const model::Member* acting, const Fonts& fonts,
                                                    Notices& notices) {
    refresh(session, acting, notices);
    if (m_open && m_view) return drawCard(session, acting, fonts, notices);
    drawList(fonts);
    return std::nullopt;
}

void ProposalsPanel::drawList(const Fonts& fonts) {
    if (m_rows.empty()) {
        ImGui::TextWrapped("No proposals about this map, its process or the whole network yet. "
                           "A lead opens one with strawman proposal open.");
        return;
    }
    for (const Row& row : m_rows) {
        ImGui::PushID(static_cast<int>(row.id.value));
        const ImVec2 top = ImGui::GetCursorScreenPos();
        const float lineHeight = ImGui::GetTextLineHeightWithSpacing();
        if (ImGui::Selectable("##proposal", false, 0,
                              ImVec2(0, lineHeight * 2 + ImGui::GetStyle().ItemSpacing.y))) {
            m_open = row.id;
            m_stale = true;
        }
        const std::string target = "proposal-" + std::to_string(row.id.value);
        ScriptTargets::mark(target.c_str());
        ImGui::SetCursorScreenPos(top);
        ImGui::PushFont(fonts.uiBold);
        ImGui::TextUnformatted(row.title.c_str());
        ImGui::PopFont();
        ImGui::TextDisabled("%s · %s", row.status.c_str(), row.tally.c_str());
        ImGui::Separator();
        ImGui::PopID();
    }
}

std::optional<model::ThreadId> ProposalsPanel::drawCard(EditorSession& session,
                                                        const model::Member* acting,
                                                        const Fonts& fonts, Notices& notices) {
    std::optional<model::ThreadId> discussion;
    if (ImGui::SmallButton("< All proposals")) {
        m_open.reset();
        m_stale = true;
        return std::nullopt;
    }
    ScriptTargets::mark("proposals-back");
    ImGui::SameLine();
    if (ImGui::SmallButton("Discussion")) discussion = m_view->record.thread;
    ScriptTargets::mark("proposal-discussion");

    ImGui::PushTextWrapPos(0);
    ImGui::PushFont(fonts.uiBold);
    ImGui::TextUnformatted(m_card.title.c_str());
    ImGui::PopFont();
    ImGui::Text("Adopts %s", m_card.adopts.c_str());
    ImGui::TextDisabled("%s", m_card.status.c_str());
    ImGui::Spacing();
    ImGui::PushFont(fonts.uiBold);
    ImGui::TextUnformatted(m_card.tally.c_str());
    ImGui::PopFont();
    ImGui::TextUnformatted(m_card.quorum.c_str());
    const bool closed = m_view->record.closedBy.has_value();
    ImGui::TextColored(closed && m_view->record.adopted ? kAdopted
                       : closed                         ? kNotAdopted
                       : m_view->tally.adopted          ? kAdopted
                                                        : ImGui::GetStyleColorVec4(ImGuiCol_Text),
                       "%s", m_card.result.c_str());
    if (!m_card.outcome.empty()) ImGui::TextWrapped("Outcome: %s", m_card.outcome.c_str());
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    drawVotes(fonts);
    ImGui::Separator();
    if (!acting || !m_card.mayVote) {
        ImGui::PushTextWrapPos(0);
        if (!closed) ImGui::TextColored(kStale, "%s", m_card.whyNotVote.c_str());
        ImGui::PopTextWrapPos();
    } else
        drawVoting(session, *acting, notices);
    if (acting && m_card.mayClose) drawClosing(session, *acting, notices);
    return discussion;
}

void ProposalsPanel::drawVotes(const Fonts& fonts) {
    ImGui::PushFont(fonts.uiBold);
    ImGui::TextUnformatted("Votes");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0);
    if (m_card.votes.empty()) ImGui::TextDisabled("None yet.");
    for (const ProposalCard::VoteLine& v : m_card.votes) {
        ImGui::Bullet();
        ImGui::SameLine();
        std::string line = v.member + ": " + v.choice;
        if (!v.reason.empty()) line += " - " + v.reason;
        if (v.stale) {
            ImGui::TextColored(kStale, "%s (stale: cast on an earlier version, not counted)",
                               line.c_str());
        } else
            ImGui::TextUnformatted(line.c_str());
    }
    if (!m_card.notVoted.empty()) {
        std::string names;
        for (const std::string& n : m_card.notVoted) names += (names.empty() ? "" : ", ") + n;
        ImGui::TextDisabled("Not voted: %s", names.c_str());
    }
    ImGui::PopTextWrapPos();
}

void ProposalsPanel::drawVoting(EditorSession& session, const model::Member& acting,
                                Notices& notices) {
    ImGui::TextUnformatted(m_card.myVote ? ("Your vote: " + *m_card.myVote).c_str() : "Your vote");
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##reason", "Reason (for disagree or block)", m_reason.data(),
                             m_reason.size());
    ScriptTargets::mark("vote-reason");
    for (const VoteButton& b : kVoteButtons) {
        if (&b != &kVoteButtons[0]) ImGui::SameLine();
        const bool pressed = ImGui::Button(b.label);
        ScriptTargets::mark(b.target);
        if (!pressed) continue;
        const model::ProposalId id = *m_open;
        const std::string reason = m_reason.data();
        if (attempt(notices, "Could not cast the vote", [&] {
                forum::castVote(session.workspaceForWrite(), id, acting, b.choice, reason);
            })) {
            m_reason[0] = '\0';
            session.reload();
        }
        m_stale = true;
    }
}

void ProposalsPanel::drawClosing(EditorSession& session, const model::Member& acting,
                                 Notices& notices) {
    ImGui::Spacing();
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::InputTextWithHint("##outcome", "Outcome statement (a lead closes it)", m_outcome.data(),
                             m_outcome.size());
    ScriptTargets::mark("proposal-outcome");
    ImGui::BeginDisabled(m_outcome[0] == '\0');
    const bool pressed = ImGui::Button("Close proposal");
    ScriptTargets::mark("proposal-close");
    ImGui::EndDisabled();
    if (!pressed) return;
    const model::ProposalId id = *m_open;
    const std::string outcome = m_outcome.data();
    if (attempt(notices, "Could not close the proposal",
                [&] { forum::closeProposal(session.workspaceForWrite(), id, acting, outcome); })) {
        m_outcome[0] = '\0';
        session.reload();
    }
    m_stale = true;
}

} // namespace strawman::editor
