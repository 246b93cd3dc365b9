#include "map_canvas.h"

#include "theme.h"

// Only for the key codes: ImGui 1.86 reads keys as io.KeysDown[GLFW_KEY_*].
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

namespace strawman::editor {

namespace {

ImVec2 im(Vec2 v) {
    return {static_cast<float>(v.x), static_cast<float>(v.y)};
}
Vec2 vec(ImVec2 v) {
    return {v.x, v.y};
}

std::string plural(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

// [SECTION] Toolbar

void MapCanvas::drawToolbar(const EditorSession& session) {
    if (ImGui::Button("Fit view")) m_fitPending = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Show the whole map (F)");
    ImGui::SameLine();
    if (ImGui::Button("100%")) m_view.zoomAbout(m_view.viewport().centre(), 1.0);
    ImGui::SameLine();
    ImGui::TextDisabled("%d%%", static_cast<int>(std::lround(m_view.zoom() * 100)));

    const model::MapSummary* map = session.selected();
    if (!map) return;
    ImGui::SameLine(0, 24);
    ImGui::PushFont(m_fonts->uiBold);
    ImGui::TextUnformatted(map->name.c_str());
    ImGui::PopFont();
    const std::string details =
        (map->trustCode.empty() ? std::string("Network") : map->trustCode) + "  \xC2\xB7  " +
        map->processName + "  \xC2\xB7  " + model::toText(map->status) + "  \xC2\xB7  v" +
        std::to_string(map->versionNumber) + (map->published ? " (published)" : " (draft)") +
        "  \xC2\xB7  " + plural(static_cast<int>(session.content().nodes.size()), "node", "nodes") +
        ", " + plural(static_cast<int>(session.content().edges.size()), "edge", "edges");
    ImGui::SameLine();
    ImGui::TextDisabled("%s", details.c_str());
}

// [SECTION] Input

void MapCanvas::handleInput(const EditorSession& session, bool hovered, bool active) {
    ImGuiIO& io = ImGui::GetIO();
    const bool space = io.KeysDown[GLFW_KEY_SPACE];

    const bool panning = active && (ImGui::IsMouseDragging(ImGuiMouseButton_Right, 0) ||
                                    ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 0) ||
                                    (space && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0)));
    if (panning) {
        m_view.panBy(vec(io.MouseDelta));
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
    }

    if (hovered && io.MouseWheel != 0.0f) {
        // A fixed ratio per wheel notch feels the same at every zoom level.
        m_view.zoomAbout(vec(io.MousePos), m_view.zoom() * std::pow(1.15, io.MouseWheel));
    }

    if ((hovered || ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) &&
        !io.WantTextInput && !io.KeyCtrl) {
        if (ImGui::IsKeyPressed(GLFW_KEY_F, false)) m_fitPending = true;
        if (ImGui::IsKeyPressed(GLFW_KEY_1, false))
            m_view.zoomAbout(m_view.viewport().centre(), 1.0);
    }

    const MapGeometry& geo = session.geometry();
    m_paint.hovered.reset();
    if (hovered && !panning) {
        if (const NodeGeometry* n = geo.nodeAt(m_view.screenToWorld(vec(io.MousePos))))
            m_paint.hovered = n->id;
    }
    if (hovered && !space && ImGui::IsMouseClicked(ImGuiMouseButton_Left))
        m_paint.selected = m_paint.hovered; // clicking empty canvas clears the selection
}

// [SECTION] Drawing

void MapCanvas::drawGrid(ImDrawList& dl) const {
    // Minor lines every 20 points, major every fifth; when the minor lines
    // would crowd closer than 12 px, step up to the next coarser grid.
    double cell = 20;
    while (m_view.toScreen(cell) < 12)
        cell *= 5;
    const Rect world = m_view.visibleWorld();
    const Rect screen = m_view.viewport();
    const auto major = [](double v, double step) { return std::lround(v / step) % 5 == 0; };
    for (double x = std::floor(world.min.x / cell) * cell; x <= world.max.x; x += cell) {
        // Whole pixels: AddLine itself adds the half pixel that makes a 1 px line crisp.
        const float sx = static_cast<float>(std::round(m_view.worldToScreen({x, 0}).x));
        dl.AddLine(ImVec2(sx, static_cast<float>(screen.min.y)),
                   ImVec2(sx, static_cast<float>(screen.max.y)),
                   major(x, cell) ? colour::gridMajor : colour::gridMinor);
    }
    for (double y = std::floor(world.min.y / cell) * cell; y <= world.max.y; y += cell) {
        const float sy = static_cast<float>(std::round(m_view.worldToScreen({0, y}).y));
        dl.AddLine(ImVec2(static_cast<float>(screen.min.x), sy),
                   ImVec2(static_cast<float>(screen.max.x), sy),
                   major(y, cell) ? colour::gridMajor : colour::gridMinor);
    }
}

void MapCanvas::drawCentredMessage(ImDrawList& dl, const char* title, const char* detail) const {
    const Vec2 c = m_view.viewport().centre();
    ImFont* big = m_fonts->uiBold;
    const float titleSize = ImGui::GetFontSize() * 1.5f;
    const ImVec2 t = big->CalcTextSizeA(titleSize, FLT_MAX, 0, title);
    dl.AddText(big, titleSize,
               ImVec2(std::round(static_cast<float>(c.x) - t.x / 2),
                      std::round(static_cast<float>(c.y) - t.y)),
               colour::text, title);
    if (!detail) return;
    ImFont* font = m_fonts->ui;
    const float size = ImGui::GetFontSize();
    const ImVec2 d = font->CalcTextSizeA(size, FLT_MAX, 0, detail);
    dl.AddText(font, size,
               ImVec2(std::round(static_cast<float>(c.x) - d.x / 2),
                      std::round(static_cast<float>(c.y) + 8)),
               colour::textMuted, detail);
}

void MapCanvas::drawLayoutHint(ImDrawList& dl, const EditorSession& session) const {
    // The exact command, so it can be typed as read off the projector.
    std::string file = session.workspace().path().filename().string();
    if (file.find(' ') != std::string::npos) file = "\"" + file + "\"";
    const std::string command =
        "strawman map layout " + file + " " + std::to_string(session.selected()->id.value);
    const std::string message = "This map has not been laid out: run  " + command;
    const char* text = message.c_str();
    ImFont* font = m_fonts->ui;
    const float size = ImGui::GetFontSize();
    const ImVec2 t = font->CalcTextSizeA(size, FLT_MAX, 0, text);
    const Rect vp = m_view.viewport();
    const ImVec2 pad(12, 7);
    const ImVec2 a(std::round(static_cast<float>(vp.centre().x) - t.x / 2 - pad.x),
                   static_cast<float>(vp.min.y) + 12);
    const ImVec2 b(a.x + t.x + 2 * pad.x, a.y + t.y + 2 * pad.y);
    dl.AddRectFilled(a, b, colour::hintFill, 6);
    dl.AddRect(a, b, colour::hintBorder, 6, 0, 1.5f);
    dl.AddText(font, size, ImVec2(a.x + pad.x, a.y + pad.y), colour::hintText, text);
}

void MapCanvas::draw(const EditorSession& session) {
    // The toolbar keeps a margin (the window has none); the canvas below runs
    // to the window's edges.
    ImGui::SetCursorPos(ImVec2(8, 6));
    drawToolbar(session);
    ImGui::SetCursorPos(ImVec2(0, ImGui::GetCursorPosY() + 1));

    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::GetContentRegionAvail();
    size.x = std::max(size.x, 50.0f);
    size.y = std::max(size.y, 50.0f);
    // One invisible button is the whole canvas: it owns the mouse while any
    // button is held, so a drag that leaves the canvas keeps panning.
    ImGui::InvisibleButton("canvas", size,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    m_view.setViewport(Rect(vec(pos), vec(pos) + vec(size)));

    const MapGeometry& geo = session.geometry();
    if (session.selectionRevision() != m_seenSelection) {
        m_seenSelection = session.selectionRevision();
        m_paint = {};
        m_fitPending = true;
    }
    if (m_preparedContent != session.contentRevision()) {
        m_painter.prepare(session.content(), geo, session.activityNames());
        m_preparedContent = session.contentRevision();
        // Laid out since we last looked (e.g. `strawman map layout` ran while
        // the map was open): everything moved, so show it whole again.
        if (m_shownUnlaidOut && !geo.needsLayout) m_fitPending = true;
        m_shownUnlaidOut = geo.needsLayout;
    }
    handleInput(session, hovered, active);
    if (m_fitPending && !geo.bounds.empty()) {
        m_view.fit(geo.bounds);
        m_fitPending = false;
        if (m_zoomAfterFit)
            m_view.zoomAbout(m_view.worldToScreen(geo.bounds.centre()), *m_zoomAfterFit);
        m_zoomAfterFit.reset();
    }

    ImDrawList& dl = *ImGui::GetWindowDrawList();
    dl.PushClipRect(im(m_view.viewport().min), im(m_view.viewport().max), true);
    dl.AddRectFilled(im(m_view.viewport().min), im(m_view.viewport().max), colour::canvas);
    if (session.maps().empty()) {
        drawCentredMessage(dl, "This workspace has no maps yet",
                           "Maps created with the strawman command show up here.");
    } else if (!session.selected()) {
        drawCentredMessage(dl, "No map is open", "Choose a map in the Network panel.");
    } else if (geo.nodes.empty()) {
        drawGrid(dl);
        drawCentredMessage(dl, "This map is empty", nullptr);
    } else {
        drawGrid(dl);
        m_painter.draw(dl, m_view, geo, m_paint);
        if (geo.needsLayout) drawLayoutHint(dl, session);
    }
    // A hairline where the canvas meets the toolbar and the Network panel.
    const ImU32 border = ImGui::GetColorU32(ImGuiCol_Border);
    const ImVec2 topLeft = im(m_view.viewport().min);
    dl.AddLine(topLeft, ImVec2(static_cast<float>(m_view.viewport().max.x), topLeft.y), border);
    dl.AddLine(topLeft, ImVec2(topLeft.x, static_cast<float>(m_view.viewport().max.y)), border);
    dl.PopClipRect();
}

} // namespace strawman::editor
