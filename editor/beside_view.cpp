#include "beside_view.h"

#include "im_vec.h"
#include "theme.h"

#include <imgui.h>

#include <cmath>

namespace strawman::editor {

void BesideView::open(const EditorSession& session, model::MapId id) {
    const model::MapSummary summary = session.workspace().map(id);
    m_content = session.workspace().content(id);
    m_geometry = buildMapGeometry(m_content);
    m_painter.prepare(m_content, m_geometry, session.activityNames());
    m_title = summary.name + "  \xC2\xB7  " + (summary.trustCode.empty() ? "Network" : summary.trustCode) +
              "  \xC2\xB7  v" + std::to_string(summary.versionNumber);
    m_map = id;
    m_fitted = false;
    m_seenRevision = session.contentRevision();
}

void BesideView::refresh(const EditorSession& session) {
    if (!m_map || m_seenRevision == session.contentRevision()) return;
    m_seenRevision = session.contentRevision();
    // Cheap enough to re-read whenever the session re-reads: one map.
    const auto keep = m_view;
    try {
        open(session, *m_map);
        m_view = keep;
        m_fitted = true;
    } catch (const std::exception&) {
        close(); // deleted elsewhere
    }
}

bool BesideView::draw(double zoom, const PaintState& marks) {
    ImGui::SetCursorPos(ImVec2(8, 6));
    const bool close = ImGui::SmallButton("Close");
    ImGui::SameLine();
    ImGui::PushFont(m_fonts->uiBold);
    ImGui::TextUnformatted("Beside:");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextUnformatted(m_title.c_str());
    ImGui::SetCursorPos(ImVec2(0, ImGui::GetCursorPosY() + 1));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::GetContentRegionAvail();
    size.x = std::max(size.x, 50.0f);
    size.y = std::max(size.y, 50.0f);
    ImGui::InvisibleButton("beside", size, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const bool active = ImGui::IsItemActive();
    m_view.setViewport(Rect(vec(pos), vec(pos) + vec(size)));
    if (!m_fitted && !m_geometry.bounds.empty()) {
        m_view.fit(m_geometry.bounds);
        m_fitted = true;
    }
    // Shared zoom: follow the main canvas about the middle of this view.
    if (std::abs(zoom - m_view.zoom()) > 1e-9) m_view.zoomAbout(m_view.viewport().centre(), zoom);
    // Pan with any drag: this view is for looking, not editing.
    if (active && (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0) || ImGui::IsMouseDragging(ImGuiMouseButton_Right, 0)))
        m_view.panBy(vec(ImGui::GetIO().MouseDelta));

    ImDrawList& dl = *ImGui::GetWindowDrawList();
    dl.PushClipRect(im(m_view.viewport().min), im(m_view.viewport().max), true);
    dl.AddRectFilled(im(m_view.viewport().min), im(m_view.viewport().max), colour::besideCanvas);
    m_painter.draw(dl, m_view, m_geometry, marks);
    const ImU32 border = ImGui::GetColorU32(ImGuiCol_Border);
    dl.AddLine(im(m_view.viewport().min), ImVec2(static_cast<float>(m_view.viewport().min.x),
                                                 static_cast<float>(m_view.viewport().max.y)), border, 2);
    dl.PopClipRect();
    return close;
}

} // namespace strawman::editor
