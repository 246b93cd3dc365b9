#include "map_canvas.h"

#include "editor/core/error_text.h"

#include "im_vec.h"
#include "script_targets.h"
#include "shortcuts.h"
#include "standards_panel.h"
#include "theme.h"

#include "model/core/error.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <unordered_set>

namespace strawman::editor {

namespace {

std::string plural(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

struct PaletteEntry {
    model::NodeKind kind;
    const char* button;
    const char* tip;
};
constexpr PaletteEntry kPalette[] = {
    {model::NodeKind::Activity, "Step", "Add a step (A). Drag onto the map to place it."},
    {model::NodeKind::Decision, "Decision", "Add a decision (D)"},
    {model::NodeKind::Parallel, "Parallel", "Add a parallel bar (P)"},
    {model::NodeKind::Start, "Start", "Add a start (S)"},
    {model::NodeKind::End, "End", "Add an end (E)"},
    {model::NodeKind::Note, "Note", "Add a note (N)"},
};

constexpr double kLayoutSeconds = 0.35;

} // namespace

// Lays the toolbar's items out like words in a line of text: the next item goes
// beside the last when it fits, else at the start of a new line, so the toolbar
// wraps instead of running off a narrow canvas or one in workshop mode's type.
class MapCanvas::ToolbarFlow {
  public:
    ToolbarFlow() : m_left(ImGui::GetCursorPosX()) {}
    // Call before every item but the first, with its width.
    void next(float width, float spacing) {
        const float right = ImGui::GetItemRectMax().x + spacing + width;
        const float limit = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x - m_left;
        if (right <= limit) {
            ImGui::SameLine(0, spacing);
        } else {
            ImGui::SetCursorPosX(m_left);
        }
    }
    // Call after every item.
    void placed() {
        m_extent.add(vec(ImGui::GetItemRectMin()));
        m_extent.add(vec(ImGui::GetItemRectMax()));
    }
    const Rect& extent() const { return m_extent; }

    static float button(const char* label) {
        return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
    }
    static float checkbox(const char* label) {
        return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
               ImGui::CalcTextSize(label).x;
    }

  private:
    float m_left;
    Rect m_extent;
};

// [SECTION] Commands

void MapCanvas::runCommand(const char* what, const std::function<void()>& command) {
    try {
        command();
    } catch (const model::Error& e) {
        // The model's refusal, beside the pointer where the user is looking.
        m_notices->atCursor(errorText(e), ImGui::GetIO().MousePos);
    } catch (const std::exception& e) {
        m_notices->error(std::string("Could not ") + what, errorText(e));
    }
}

void MapCanvas::startLayout(MapEditor& editor, model::LayoutDirection direction) {
    model::MapContent before = editor.session().content();
    runCommand("lay out the map", [&] {
        editor.autoLayout(direction);
        if (!instantLayout && !before.nodes.empty())
            m_animation = LayoutAnimation{std::move(before), ImGui::GetTime()};
        m_fitPending = true;
    });
}

// [SECTION] Toolbar

void MapCanvas::drawToolbar(MapEditor& editor) {
    const EditorSession& session = editor.session();
    const bool haveMap = session.selected() != nullptr;
    ToolbarFlow flow;
    ImGui::BeginDisabled(!haveMap);
    drawPalette(editor, flow);
    drawUndoRedo(editor, flow);
    drawLayoutControls(editor, flow);
    ImGui::EndDisabled();
    drawZoomControls(flow);
    if (const model::MapSummary* map = session.selected()) drawMapTitle(*map, session, flow);
    m_toolbarExtent = flow.extent();
}

// The palette: click adds in the middle of the view, drag places it.
void MapCanvas::drawPalette(MapEditor& editor, ToolbarFlow& flow) {
    bool first = true;
    for (const PaletteEntry& p : kPalette) {
        if (!first) flow.next(ToolbarFlow::button(p.button), 4);
        first = false;
        if (ImGui::Button(p.button)) {
            const Vec2 at = m_view.screenToWorld(m_view.viewport().centre());
            runCommand("add a node", [&] { editor.addNode(p.kind, at.x, at.y); });
        }
        flow.placed();
        if (ImGui::BeginDragDropSource()) {
            ImGui::SetDragDropPayload("strawman-node-kind", &p.kind, sizeof p.kind);
            ImGui::Text("%s", p.button);
            ImGui::EndDragDropSource();
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.tip);
    }
}

void MapCanvas::drawUndoRedo(MapEditor& editor, ToolbarFlow& flow) {
    const EditHistory& history = editor.session().history();
    flow.next(ToolbarFlow::button("Undo"), 16);
    ImGui::BeginDisabled(!history.nextUndo());
    if (ImGui::Button("Undo")) runCommand("undo", [&] { editor.undo(); });
    ImGui::EndDisabled();
    flow.placed();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && history.nextUndo())
        ImGui::SetTooltip("Undo %s (Ctrl+Z)", history.nextUndo()->label.c_str());
    flow.next(ToolbarFlow::button("Redo"), 4);
    ImGui::BeginDisabled(!history.nextRedo());
    if (ImGui::Button("Redo")) runCommand("redo", [&] { editor.redo(); });
    ImGui::EndDisabled();
    flow.placed();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && history.nextRedo())
        ImGui::SetTooltip("Redo %s (Ctrl+Y)", history.nextRedo()->label.c_str());
}

void MapCanvas::drawLayoutControls(MapEditor& editor, ToolbarFlow& flow) {
    flow.next(ToolbarFlow::button("Layout"), 16);
    if (ImGui::Button("Layout")) ImGui::OpenPopup("layout-menu");
    flow.placed();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Lay the map out automatically (Ctrl+L)");
    if (ImGui::BeginPopup("layout-menu")) {
        if (ImGui::MenuItem("Left to right", "Ctrl+L"))
            startLayout(editor, model::LayoutDirection::LeftRight);
        if (ImGui::MenuItem("Top to bottom", "Ctrl+Shift+L"))
            startLayout(editor, model::LayoutDirection::TopBottom);
        ImGui::Separator();
        bool animate = !instantLayout;
        if (ImGui::MenuItem("Animate", nullptr, &animate)) instantLayout = !animate;
        ImGui::EndPopup();
    }
    flow.next(ToolbarFlow::checkbox("Snap"), 4);
    bool snap = editor.snap() > 0;
    if (ImGui::Checkbox("Snap", &snap)) editor.setSnap(snap ? 10 : 0);
    flow.placed();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Snap to the grid when placing and moving (G)");
}

void MapCanvas::drawZoomControls(ToolbarFlow& flow) {
    flow.next(ToolbarFlow::button("Fit"), 16);
    if (ImGui::Button("Fit")) m_fitPending = true;
    flow.placed();
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Show the whole map, its labels legible (F or Home)");
    flow.next(ToolbarFlow::button("100%"), 4);
    if (ImGui::Button("100%")) {
        m_wrap.reset();
        m_fittedSize.reset();
        m_view.zoomAbout(m_view.viewport().centre(), 1.0);
    }
    flow.placed();
    char zoom[16];
    std::snprintf(zoom, sizeof zoom, "%d%%", static_cast<int>(std::lround(m_view.zoom() * 100)));
    flow.next(ImGui::CalcTextSize(zoom).x, ImGui::GetStyle().ItemSpacing.x);
    ImGui::TextDisabled("%s", zoom);
    flow.placed();
}

void MapCanvas::drawMapTitle(const model::MapSummary& map, const EditorSession& session,
                             ToolbarFlow& flow) {
    ImGui::PushFont(m_fonts->uiBold);
    flow.next(ImGui::CalcTextSize(map.name.c_str()).x, 24);
    ImGui::TextUnformatted(map.name.c_str());
    ImGui::PopFont();
    flow.placed();
    const std::string details =
        (map.trustCode.empty() ? std::string("Network") : map.trustCode) + "  \xC2\xB7  v" +
        std::to_string(map.versionNumber) + (map.published ? " published" : " draft") +
        "  \xC2\xB7  " + plural(static_cast<int>(session.content().nodes.size()), "node", "nodes");
    flow.next(ImGui::CalcTextSize(details.c_str()).x, ImGui::GetStyle().ItemSpacing.x);
    ImGui::TextDisabled("%s", details.c_str());
    flow.placed();
    m_badgeBox = {};
    if (m_badge.empty()) return;
    flow.next(badgePillWidth(*m_fonts, m_badge), 12);
    badgePill(*m_fonts, m_badge);
    flow.placed();
    m_badgeBox.add(vec(ImGui::GetItemRectMin()));
    m_badgeBox.add(vec(ImGui::GetItemRectMax()));
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(m_badge.current
                              ? "The network agreed this version of the map as its standard"
                              : "The network agreed an earlier version of this map as its "
                                "standard; this version is not agreed");
}

// [SECTION] Drawing

void MapCanvas::drawGrid(ImDrawList& dl) const {
    // Minor lines every 20 points, major every fifth; when the minor lines
    // would crowd closer than 12 px, step up to the next coarser grid.
    double cell = 20;
    while (m_view.toScreen(cell) < 12) cell *= 5;
    const Rect world = m_view.visibleWorld();
    const Rect screen = m_view.viewport();
    const auto major = [](double v, double step) { return std::lround(v / step) % 5 == 0; };
    // On a projector the fine grid is noise: workshop mode keeps the major lines.
    const bool minor = !m_paint.highContrast;
    for (double x = std::floor(world.min.x / cell) * cell; x <= world.max.x; x += cell) {
        if (!minor && !major(x, cell)) continue;
        // Whole pixels: AddLine itself adds the half pixel that makes a 1 px line crisp.
        const float sx = static_cast<float>(std::round(m_view.worldToScreen({x, 0}).x));
        dl.AddLine(ImVec2(sx, static_cast<float>(screen.min.y)),
                   ImVec2(sx, static_cast<float>(screen.max.y)),
                   major(x, cell) ? colour::gridMajor : colour::gridMinor);
    }
    for (double y = std::floor(world.min.y / cell) * cell; y <= world.max.y; y += cell) {
        if (!minor && !major(y, cell)) continue;
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
    const std::string message = "This map has not been laid out: press Ctrl+L, or run  " + command;
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

void MapCanvas::drawMinimap(ImDrawList& dl, const MapGeometry& geo) {
    // Only when part of the map is out of sight: then it shows where the view is.
    const Rect visible = m_view.visibleWorld();
    if (geo.bounds.empty() ||
        (visible.contains(geo.bounds.min) && visible.contains(geo.bounds.max)))
        return;
    Rect world = geo.bounds;
    world.add(visible);
    const Rect vp = m_view.viewport();
    const double maxW = 200, maxH = 130;
    const double scale = std::min(maxW / world.width(), maxH / world.height());
    const Vec2 size = world.size() * scale;
    const Vec2 origin = vp.max - size - Vec2{12, 12};
    const auto toMini = [&](Vec2 w) { return origin + (w - world.min) * scale; };
    dl.AddRectFilled(im(origin - Vec2{4, 4}), im(origin + size + Vec2{4, 4}),
                     rgba(255, 255, 255, 235), 4);
    dl.AddRect(im(origin - Vec2{4, 4}), im(origin + size + Vec2{4, 4}), colour::gridMajor, 4);
    for (const NodeGeometry& n : geo.nodes) {
        const Rect r = n.shape.bounds();
        dl.AddRectFilled(im(toMini(r.min)), im(toMini(r.max) + Vec2{1, 1}), colour::activityBorder);
    }
    dl.AddRect(im(toMini(visible.min)), im(toMini(visible.max)), colour::selection, 0, 0, 1.5f);

    // Click or drag in the minimap to look there.
    const ImGuiIO& io = ImGui::GetIO();
    const Vec2 mouse = vec(io.MousePos);
    const bool over = mouse.x >= origin.x && mouse.y >= origin.y && mouse.x <= origin.x + size.x &&
                      mouse.y <= origin.y + size.y;
    if (over && ImGui::IsMouseDown(ImGuiMouseButton_Left) && m_gesture == Gesture::None) {
        const Vec2 target = world.min + (mouse - origin) / scale;
        m_view.panBy(m_view.viewport().centre() - m_view.worldToScreen(target));
        m_fittedSize.reset();
        m_gesture = Gesture::None;
    }
}

// [SECTION] Frame

void MapCanvas::fitForReading(const MapGeometry& shown) {
    std::vector<Rect> nodes;
    nodes.reserve(shown.nodes.size());
    for (const NodeGeometry& n : shown.nodes) nodes.push_back(n.bounds);
    // The smallest text that has to be read: the steps' labels, and with the
    // diff shown, its count and time pills.
    double smallest = m_painter.smallestStepLabel();
    if (m_overlay)
        smallest = smallest > 0 ? std::min<double>(smallest, OverlayPainter::kPillTextSize)
                                : OverlayPainter::kPillTextSize;
    // Rows are as tall as what is drawn in them: the arrows, and with the diff
    // its extra arrows (which swing wide of the map) and its pills.
    std::vector<Rect> ink = arrowInk(shown);
    if (m_overlay) {
        for (const ExtraArrow& x : m_overlay->extraArrows) {
            if (!x.route.drawable) continue;
            addArrowInk(x.route.line, ink);
            ink.push_back(Rect::around(x.labelAt, {30, OverlayPainter::kPillTextSize}));
        }
        for (const ArrowOverlay& a : m_overlay->arrows)
            if (!a.label.empty())
                ink.push_back(Rect::around(a.labelAt, {30, OverlayPainter::kPillTextSize}));
        // Skip and extra badges sit above the steps' top edges.
        for (const Rect& n : nodes)
            ink.push_back({n.min - Vec2{0, 2 * OverlayPainter::kPillTextSize}, n.max});
    }
    // A map in lanes: every row starts with their titles. A row is as tall
    // as what it draws, not every band, so the rows fit the canvas.
    // The lead holds the titles and the chevron that says the row goes on.
    constexpr double kChevronRoom = 20;
    const double lead = shown.lanes.empty() ? 0.0 : shown.laneTitleColumn + kChevronRoom;
    ReadingFit fit =
        editor::fitForReading(nodes, ink, m_view.viewport(), smallest, m_reading, lead);
    if (fit.rows.empty()) {
        m_view.fit(shown.bounds);
        m_wrap.reset();
        return;
    }
    m_view = fit.rows.front().view;
    if (fit.wrapped())
        m_wrap = std::move(fit);
    else
        m_wrap.reset();
}

void MapCanvas::drawMap(ImDrawList& dl, const MapEditor& editor, const MapGeometry& shown,
                        const DiffOverlay* overlay, bool grid) {
    if (grid) drawGrid(dl);
    m_painter.drawLanes(dl, m_view, shown);
    if (overlay) m_overlayPainter.drawArrows(dl, m_view, shown, *overlay, m_overlayHighlight);
    m_painter.draw(dl, m_view, shown, m_paint);
    if (overlay) {
        m_overlayPainter.drawLabels(dl, m_view, shown, *overlay, m_overlayHighlight);
        m_overlayPainter.drawBadges(dl, m_view, shown, *overlay, m_overlayHighlight);
    }
    drawGestureOverlay(dl, editor, shown);
}

void MapCanvas::refresh(const EditorSession& session) {
    const MapGeometry& geo = session.geometry();
    if (session.selectionRevision() != m_seenSelection) {
        m_seenSelection = session.selectionRevision();
        m_paint.hovered.reset();
        m_paint.hoveredEdge.reset();
        m_paint.handlesOn.reset();
        m_paint.dropTarget.reset();
        m_gesture = Gesture::None;
        m_rename.reset();
        m_animation.reset();
        m_fitPending = true;
    }
    if (m_preparedContent != session.contentRevision()) {
        m_painter.prepare(session.content(), geo, session.activityNames());
        m_preparedContent = session.contentRevision();
        // Laid out since we last looked (e.g. `strawman map layout` ran while
        // the map was open): everything moved, so show it whole again.
        if (m_shownUnlaidOut && !geo.needsLayout) m_fitPending = true;
        m_shownUnlaidOut = geo.needsLayout;
        const auto& names = session.activityNames();
        m_problems = session.selected()
                         ? model::validate(session.content(),
                                           [&](std::string_view code) {
                                               return names.count(std::string(code)) > 0;
                                           })
                         : std::vector<model::Problem>{};
        m_paint.problems.clear();
        for (const model::Problem& p : m_problems)
            if (p.node) ++m_paint.problems[p.node];
    }
}

const MapGeometry& MapCanvas::geometryForFrame(const MapEditor& editor) {
    const EditorSession& session = editor.session();
    m_previewShown = false;
    if (m_gesture == Gesture::MoveNodes) {
        model::MapContent moved = session.content();
        model::moveNodes(moved, editor.selection().nodes, m_moveDelta.x, m_moveDelta.y);
        m_preview = buildMapGeometry(moved);
        m_previewShown = true;
    } else if (m_animation) {
        const double t =
            std::clamp((ImGui::GetTime() - m_animation->started) / kLayoutSeconds, 0.0, 1.0);
        if (t >= 1) {
            m_animation.reset();
        } else {
            const double ease = t * t * (3 - 2 * t);
            model::MapContent between = session.content();
            for (model::Node& n : between.nodes)
                if (const model::Node* old = m_animation->from.findNodeByKey(n.key)) {
                    n.x = old->x + (n.x - old->x) * ease;
                    n.y = old->y + (n.y - old->y) * ease;
                    n.width = old->width + (n.width - old->width) * ease;
                    n.height = old->height + (n.height - old->height) * ease;
                }
            m_preview = buildMapGeometry(between);
            m_previewShown = true;
        }
    }
    return m_previewShown ? m_preview : session.geometry();
}

void MapCanvas::reveal(MapEditor& editor, model::NodeId node) {
    const model::Node* n = editor.session().content().findNode(node);
    if (!n) return;
    editor.select({{n->key}, {}});
    m_wrap.reset();
    m_fittedSize.reset();
    m_view.panBy(m_view.viewport().centre() - m_view.worldToScreen({n->x, n->y}));
}

void MapCanvas::draw(MapEditor& editor) {
    const EditorSession& session = editor.session();
    // The toolbar keeps a margin (the window has none); the canvas below runs
    // to the window's edges.
    ImGui::SetCursorPos(ImVec2(8, 6));
    drawToolbar(editor);
    ImGui::SetCursorPos(ImVec2(0, ImGui::GetCursorPosY() + 1));
    addCanvasButton();
    bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    acceptPaletteDrop(editor);

    refresh(session);
    editor.pruneSelection();
    const MapGeometry& geo = session.selected() ? geometryForFrame(editor) : session.geometry();
    m_shown = &session.geometry();
    // A fitted view the user has not moved is fitted again when the canvas
    // changes size (the window, a map opened beside, workshop mode).
    if (m_fittedSize && *m_fittedSize != m_view.viewport().size()) m_fitPending = true;
    // A wrapped map: the mouse acts on the row it is over. A pan or zoom there
    // unwraps the map into one continuous view, kept as that row showed it.
    if (m_wrap && !useRowUnderMouse()) hovered = false;
    // A speech bubble is a button of its own over the map: a press on it is not
    // a press on the node or arrow beneath.
    if (hovered && overMarker(vec(ImGui::GetIO().MousePos))) hovered = false;
    handleInput(editor, geo, hovered, active);
    // Commands in handleMouse/handleKeys may have changed the map: draw what is there now.
    refresh(session);
    const MapGeometry& shown = session.selected() ? geometryForFrame(editor) : session.geometry();
    updatePaintState(editor, shown, hovered);
    fitIfPending(shown, session.selected() != nullptr);

    const Rect legendHeader = drawCanvas(editor, shown);
    drawLegendFoldButton(legendHeader);
    drawForumMarkerButtons();
    if (session.selected()) {
        drawRename(editor, shown);
        drawContextMenu(editor);
        drawCodePicker(editor);
    }
}

void MapCanvas::addCanvasButton() {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImVec2 size = ImGui::GetContentRegionAvail();
    size.x = std::max(size.x, 50.0f);
    size.y = std::max(size.y, 50.0f);
    // One invisible button is the whole canvas: it owns the mouse while any
    // button is held, so a drag that leaves the canvas keeps going. Overlap is
    // allowed so the rename field drawn over it can take clicks.
    ImGui::InvisibleButton("canvas", size,
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight |
                               ImGuiButtonFlags_MouseButtonMiddle);
    ImGui::SetItemAllowOverlap();
    m_view.setViewport(Rect(vec(pos), vec(pos) + vec(size)));
}

// A node kind dragged from the palette and dropped on the canvas.
void MapCanvas::acceptPaletteDrop(MapEditor& editor) {
    if (!ImGui::BeginDragDropTarget()) return;
    if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload("strawman-node-kind")) {
        model::NodeKind kind;
        std::memcpy(&kind, payload->Data, sizeof kind);
        const Vec2 at = m_view.screenToWorld(vec(ImGui::GetIO().MousePos));
        runCommand("add a node", [&] { editor.addNode(kind, at.x, at.y); });
    }
    ImGui::EndDragDropTarget();
}

bool MapCanvas::useRowUnderMouse() {
    const ReadingRow& row = m_wrap->rowAt(ImGui::GetIO().MousePos.y);
    m_view = row.view;
    // Beside a row's band the canvas is empty: what the row's transform
    // puts there belongs to another row, so it is not there to click.
    return row.clip.contains(vec(ImGui::GetIO().MousePos));
}

void MapCanvas::handleInput(MapEditor& editor, const MapGeometry& geo, bool hovered, bool active) {
    const CanvasTransform before = m_view;
    if (editor.session().selected()) {
        handleMouse(editor, geo, hovered, active);
        handleKeys(editor, hovered);
    }
    const bool moved = before.zoom() != m_view.zoom() || before.offset() != m_view.offset();
    if (moved) m_fittedSize.reset();
    if (m_wrap && moved) {
        // A map wrapped into more rows than the canvas holds scrolls up and
        // down; any other pan or zoom unwraps it.
        if (!m_wrap->whole && before.zoom() == m_view.zoom())
            m_wrap->scroll(m_view.offset().y - before.offset().y, m_view.viewport());
        else
            m_wrap.reset();
    }
}

void MapCanvas::fitIfPending(const MapGeometry& shown, bool haveMap) {
    if (m_fitPending && shown.bounds.empty() && haveMap) {
        // An empty map: 100%, the map's origin in the middle. A later first
        // node must not make the view jump, or the next click lands elsewhere.
        m_view.reset();
        m_view.panBy(m_view.viewport().size() * 0.5);
        m_fitPending = false;
    }
    if (m_fitPending && !shown.bounds.empty() && !m_animation) {
        fitForReading(shown);
        m_fitPending = false;
        m_fittedSize = m_view.viewport().size();
        if (m_zoomAfterFit) {
            m_view.fit(shown.bounds);
            m_wrap.reset();
            m_fittedSize.reset();
            m_view.zoomAbout(m_view.worldToScreen(shown.bounds.centre()), *m_zoomAfterFit);
        }
        m_zoomAfterFit.reset();
    }
}

Rect MapCanvas::drawCanvas(const MapEditor& editor, const MapGeometry& shown) {
    const EditorSession& session = editor.session();
    ImDrawList& dl = *ImGui::GetWindowDrawList();
    Rect legendHeader;
    m_legendBox = {};
    m_markersDrawn.clear();
    dl.PushClipRect(im(m_view.viewport().min), im(m_view.viewport().max), true);
    dl.AddRectFilled(im(m_view.viewport().min), im(m_view.viewport().max), colour::canvas);
    if (session.maps().empty()) {
        drawCentredMessage(dl, "This workspace has no maps yet",
                           "Create one in the Network panel.");
    } else if (!session.selected()) {
        drawCentredMessage(dl, "No map is open", "Choose a map in the Network panel.");
    } else if (shown.nodes.empty()) {
        drawGrid(dl);
        drawCentredMessage(dl, "This map is empty",
                           "Double-click to add a step, or press A, D, P, S, E or N.");
    } else {
        legendHeader = drawShownMap(dl, editor, shown);
    }
    // A hairline where the canvas meets the toolbar and the Network panel.
    const ImU32 border = ImGui::GetColorU32(ImGuiCol_Border);
    const ImVec2 topLeft = im(m_view.viewport().min);
    dl.AddLine(topLeft, ImVec2(static_cast<float>(m_view.viewport().max.x), topLeft.y), border);
    dl.AddLine(topLeft, ImVec2(topLeft.x, static_cast<float>(m_view.viewport().max.y)), border);
    dl.PopClipRect();
    return legendHeader;
}

Rect MapCanvas::drawShownMap(ImDrawList& dl, const MapEditor& editor, const MapGeometry& shown) {
    // The diff's overlay is worked out on the map as stored; while nodes are
    // dragged or glide after a layout, the plain arrows follow them instead.
    const DiffOverlay* overlay = m_previewShown ? nullptr : m_overlay;
    m_paint.arrowsByOverlay = overlay != nullptr;
    m_painter.resetDrawnSizes();
    if (m_wrap)
        drawWrappedRows(dl, editor, shown, overlay);
    else
        drawMap(dl, editor, shown, overlay, true);
    drawForumMarkers(dl, editor.session(), shown);
    if (shown.needsLayout) drawLayoutHint(dl, editor.session());
    if (!m_wrap) drawMinimap(dl, shown);
    if (!overlay) return {};
    const auto legend =
        m_overlayPainter.drawLegend(dl, m_view.viewport(), *overlay, m_overlayTitle, legendFolded);
    m_legendBox = legend.box;
    return legend.header;
}

void MapCanvas::drawWrappedRows(ImDrawList& dl, const MapEditor& editor, const MapGeometry& shown,
                                const DiffOverlay* overlay) {
    // Each row draws the whole map through its own transform, clipped
    // to its band: an arrow across a cut shows in both rows.
    const CanvasTransform mouseRow = m_view;
    for (const ReadingRow& row : m_wrap->rows) {
        m_view = row.view;
        // The grid across the row's whole strip, the map only in its band.
        const Rect vp = m_view.viewport();
        dl.PushClipRect(ImVec2(static_cast<float>(vp.min.x), static_cast<float>(row.clip.min.y)),
                        ImVec2(static_cast<float>(vp.max.x), static_cast<float>(row.clip.max.y)),
                        true);
        drawGrid(dl);
        dl.PopClipRect();
        dl.PushClipRect(im(row.clip.min), im(row.clip.max), true);
        drawMap(dl, editor, shown, overlay, false);
        dl.PopClipRect();
        if (!row.lead.empty()) {
            dl.PushClipRect(im(row.lead.min), im(row.lead.max), true);
            m_painter.drawLaneLead(dl, m_view, shown, row.lead);
            dl.PopClipRect();
        }
    }
    drawRowMarks(dl, *m_wrap);
    m_view = mouseRow;
}

// The legend's title line is a button over the canvas (which allows the
// overlap): a click there folds or unfolds it and does nothing to the map.
void MapCanvas::drawLegendFoldButton(const Rect& legendHeader) {
    if (legendHeader.empty()) return;
    ImGui::SetCursorScreenPos(im(legendHeader.min));
    if (ImGui::InvisibleButton("legend-fold", im(legendHeader.size())))
        legendFolded = !legendFolded;
    ScriptTargets::mark("legend");
    if (ImGui::IsItemHovered()) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip(legendFolded ? "Show the legend" : "Fold the legend away");
    }
}

// [SECTION] The forum's speech bubbles

std::string MapCanvas::markerName(const ForumPlace& place) {
    return "marker-" + place.node + (place.kind == ForumPlace::Kind::Edge ? ">" + place.to : "");
}

// Each bubble is drawn at the panels' type size whatever the zoom, so its
// count reads as well as the tab it opens, at fit and on a projector (the
// panel font grows with workshop mode). A node's sits on its top edge near
// the left corner, clear of the diff's badges on the right; an arrow's above
// its middle. The tail points at the place the threads are on.
void MapCanvas::drawForumMarkers(ImDrawList& dl, const EditorSession& session,
                                 const MapGeometry& shown) {
    if (m_markers.empty()) return;
    const model::MapContent& content = session.content();
    const float size = ImGui::GetFontSize();
    const float h = std::round(size * 1.4f), tail = std::round(size * 0.4f);
    const float padX = std::round(size * 0.5f);
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (const ForumMarker& m : m_markers) {
        std::optional<Vec2> world;
        if (m.place.kind == ForumPlace::Kind::Node) {
            if (const model::Node* n = content.findNodeByKey(m.place.node))
                if (const NodeGeometry* g = shown.find(n->id)) {
                    const Rect b = g->shape.bounds();
                    world = Vec2{b.min.x + std::min(14.0, b.width() / 2), b.min.y};
                }
        } else if (m.place.kind == ForumPlace::Kind::Edge) {
            const model::Node* from = content.findNodeByKey(m.place.node);
            const model::Node* to = content.findNodeByKey(m.place.to);
            for (const model::Edge& e : content.edges)
                if (from && to && e.from == from->id && e.to == to->id)
                    for (const EdgeGeometry& g : shown.edges)
                        if (g.id == e.id && g.drawable) world = g.line.at(0.5);
        }
        if (!world) continue;
        const Vec2 at = worldToScreen(*world);
        if (!m_view.viewport().contains(at)) continue; // panned or zoomed out of sight
        const std::string count = std::to_string(m.threads);
        const float textW = m_fonts->uiBold->CalcTextSizeA(size, FLT_MAX, 0, count.c_str()).x;
        const float w = std::max(h * 1.2f, textW + 2 * padX);
        const ImVec2 tip(std::round(static_cast<float>(at.x)),
                         std::round(static_cast<float>(at.y)));
        const ImVec2 lo(tip.x - std::round(h * 0.3f), tip.y - tail - h);
        const ImVec2 hi(lo.x + w, tip.y - tail);
        const Rect box{vec(lo), vec(hi)};
        const bool hover = box.contains(vec(mouse));
        const ImU32 fill = hover ? colour::forumBubbleHover : colour::forumBubble;
        dl.AddRectFilled(ImVec2(lo.x + 1.5f, lo.y + 2), ImVec2(hi.x + 1.5f, hi.y + 2),
                         colour::shadow, h * 0.35f);
        dl.AddRectFilled(lo, hi, fill, h * 0.35f);
        dl.AddTriangleFilled(ImVec2(lo.x + h * 0.15f, hi.y - 1), ImVec2(lo.x + h * 0.65f, hi.y - 1),
                             tip, fill);
        dl.AddText(m_fonts->uiBold, size,
                   ImVec2(std::round(lo.x + (w - textW) / 2), std::round(lo.y + (h - size) / 2)),
                   colour::forumBubbleText, count.c_str());
        m_markersDrawn.push_back({m.place, m.threads, box});
    }
}

// Over the canvas (which allows the overlap), like the legend's fold button.
void MapCanvas::drawForumMarkerButtons() {
    for (std::size_t i = 0; i < m_markersDrawn.size(); ++i) {
        const DrawnMarker& m = m_markersDrawn[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::SetCursorScreenPos(im(m.box.min));
        if (ImGui::InvisibleButton("forum-marker", im(m.box.size()))) m_markerClick = m.place;
        ScriptTargets::mark(markerName(m.place).c_str());
        if (ImGui::IsItemHovered()) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            if (m.threads == 1)
                ImGui::SetTooltip("1 thread here: click to read it");
            else
                ImGui::SetTooltip("%d threads here: click to list them", m.threads);
        }
        ImGui::PopID();
    }
}

bool MapCanvas::overMarker(Vec2 mouse) const {
    return std::any_of(m_markersDrawn.begin(), m_markersDrawn.end(),
                       [&](const DrawnMarker& m) { return m.box.contains(mouse); });
}

} // namespace strawman::editor
