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
    // Labels are fitted on the next draw: the fonts they are measured with may
    // not be built yet (a view opened from the command line, before the first frame).
    m_activityNames = session.activityNames();
    m_prepared = false;
    m_title = summary.name + "  \xC2\xB7  " +
              (summary.trustCode.empty() ? "Network" : summary.trustCode) + "  \xC2\xB7  v" +
              std::to_string(summary.versionNumber);
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

bool BesideView::draw(double mainZoom, const PaintState& marks, bool stacked) {
    ImGui::SetCursorPos(ImVec2(8, 6));
    const bool close = ImGui::SmallButton("Close");
    ImGui::SameLine();
    heading(*m_fonts, "Beside:");
    ImGui::SameLine();
    ImGui::TextUnformatted(m_title.c_str());
    ImGui::SetCursorPos(ImVec2(0, ImGui::GetCursorPosY() + 1));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::GetContentRegionAvail();
    size.x = std::max(size.x, 50.0f);
    size.y = std::max(size.y, 50.0f);
    ImGui::InvisibleButton("beside", size,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    const bool active = ImGui::IsItemActive();
    m_view.setViewport(Rect(vec(pos), vec(pos) + vec(size)));
    if (!m_prepared) {
        m_painter.prepare(m_content, m_geometry, m_activityNames);
        m_prepared = true;
    }
    if (m_fitted && m_wrap && m_fittedSize != vec(size)) m_fitted = false;
    if (!m_fitted && !m_geometry.bounds.empty()) {
        std::vector<Rect> nodes;
        for (const NodeGeometry& n : m_geometry.nodes) nodes.push_back(n.bounds);
        ReadingFit fit = fitForReading(nodes, arrowInk(m_geometry), m_view.viewport(),
                                       m_painter.smallestStepLabel(), m_reading);
        if (fit.rows.empty()) {
            m_view.fit(m_geometry.bounds);
        } else {
            m_view = fit.rows.front().view;
            m_wrap = fit.wrapped() ? std::optional(std::move(fit)) : std::nullopt;
        }
        m_fitted = true;
        m_fittedSize = vec(size);
        m_followedZoom = mainZoom;
    }
    // Follow the main canvas's zoom once the user changes it, about the middle of this view.
    if (std::abs(mainZoom - m_followedZoom) > 1e-9) {
        m_followedZoom = mainZoom;
        m_wrap.reset();
        m_view.zoomAbout(m_view.viewport().centre(), mainZoom);
    }
    // Pan with any drag: this view is for looking, not editing.
    if (active && (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0) ||
                   ImGui::IsMouseDragging(ImGuiMouseButton_Right, 0))) {
        const Vec2 delta = vec(ImGui::GetIO().MouseDelta);
        if (m_wrap && !m_wrap->whole) {
            m_wrap->scroll(delta.y, m_view.viewport()); // rows that run on scroll up and down
        } else {
            if (m_wrap) m_view = m_wrap->rowAt(ImGui::GetIO().MousePos.y).view;
            m_wrap.reset();
            m_view.panBy(delta);
        }
    }

    ImDrawList& dl = *ImGui::GetWindowDrawList();
    dl.PushClipRect(im(m_view.viewport().min), im(m_view.viewport().max), true);
    dl.AddRectFilled(im(m_view.viewport().min), im(m_view.viewport().max), colour::besideCanvas);
    if (m_wrap) {
        for (const ReadingRow& row : m_wrap->rows) {
            dl.PushClipRect(im(row.clip.min), im(row.clip.max), true);
            m_painter.drawLanes(dl, row.view, m_geometry);
            m_painter.draw(dl, row.view, m_geometry, marks);
            dl.PopClipRect();
        }
        drawRowMarks(dl, *m_wrap);
    } else {
        m_painter.drawLanes(dl, m_view, m_geometry);
        m_painter.draw(dl, m_view, m_geometry, marks);
    }
    const ImU32 border = ImGui::GetColorU32(ImGuiCol_Border);
    const Rect vp = m_view.viewport();
    // The edge it shares with the main map: its top when stacked, else its left.
    const ImVec2 far = stacked ? ImVec2(static_cast<float>(vp.max.x), static_cast<float>(vp.min.y))
                               : ImVec2(static_cast<float>(vp.min.x), static_cast<float>(vp.max.y));
    dl.AddLine(im(vp.min), far, border, 2);
    dl.PopClipRect();
    return close;
}

} // namespace strawman::editor
