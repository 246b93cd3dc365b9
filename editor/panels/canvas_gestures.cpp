// The canvas's mouse gestures and keys: what each press, drag and key asks
// the command layer for.
#include "map_canvas.h"

#include "im_vec.h"
#include "shortcuts.h"
#include "theme.h"
#include "typed_text.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace strawman::editor {

namespace {

// An edge of the geometry named as the command layer names it.
std::optional<model::EdgeRef> edgeRef(const model::MapContent& content, model::EdgeId id) {
    for (const model::Edge& e : content.edges)
        if (e.id == id) {
            const model::Node* from = content.findNode(e.from);
            const model::Node* to = content.findNode(e.to);
            if (from && to) return model::EdgeRef{from->key, to->key};
        }
    return std::nullopt;
}

std::string keyOf(const model::MapContent& content, model::NodeId id) {
    const model::Node* n = content.findNode(id);
    return n ? n->key : std::string();
}

// Pixels the pointer must travel before a press on a node becomes a move.
constexpr float kDragThreshold = 4.0f;

} // namespace

std::optional<std::string> MapCanvas::handleUnderMouse(const MapGeometry& geo,
                                                       const model::MapContent& content) const {
    // Any node's handle within reach counts, not only those already shown: a
    // handle sits on the outline, half outside the node, and a quick press there
    // must not depend on the pointer having hovered the node a frame before.
    const Vec2 mouse = vec(ImGui::GetIO().MousePos);
    const double reach = kHandleGrabRadius / m_view.zoom();
    const Vec2 world = m_view.screenToWorld(mouse);
    for (auto it = geo.nodes.rbegin(); it != geo.nodes.rend(); ++it) {
        if (it->kind == model::NodeKind::Note ||
            !it->shape.bounds().expanded(reach).contains(world))
            continue;
        for (Vec2 h : connectionHandles(it->shape))
            if (distance(m_view.worldToScreen(h), mouse) <= kHandleGrabRadius)
                return keyOf(content, it->id);
    }
    return std::nullopt;
}

void MapCanvas::handleMouse(MapEditor& editor, const MapGeometry& geo, bool hovered, bool active) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool space = keyDown(GLFW_KEY_SPACE);
    const Vec2 mouse = vec(io.MousePos);
    const Vec2 world = m_view.screenToWorld(mouse);
    handlePanAndZoom(mouse, hovered, active, space);
    if (m_animation) return; // the map is gliding into place; let it land first

    UnderMouse under;
    under.node = hovered ? geo.nodeAt(world) : nullptr;
    under.edge = hovered && !under.node ? geo.edgeAt(world, 6 / m_view.zoom()) : nullptr;
    if (hovered) under.handle = handleUnderMouse(geo, editor.session().content());

    if (hovered && !space && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !m_rename)
        handlePress(editor, world, under);
    // Double-click: rename what is under the mouse, or add a step on empty canvas.
    if (hovered && !space && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !m_rename)
        handleDoubleClick(editor, world, under);
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left))
        handleDrag(editor, geo, world);
    else if (m_gesture != Gesture::None)
        finishGesture(editor, geo);
    // Right-click without a drag: the menu for what is under the mouse.
    if (hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Right) &&
        io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Right] <
            io.MouseDragThreshold * io.MouseDragThreshold)
        openContextMenu(editor, world, under);
}

void MapCanvas::handlePanAndZoom(Vec2 mouse, bool hovered, bool active, bool space) {
    const ImGuiIO& io = ImGui::GetIO();
    // Pan: right or middle drag, or Space + left drag.
    const bool panning = active && (ImGui::IsMouseDragging(ImGuiMouseButton_Right, 0) ||
                                    ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 0) ||
                                    (space && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0)));
    if (panning) {
        m_view.panBy(vec(io.MouseDelta));
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
    }
    if (hovered && io.MouseWheel != 0.0f) {
        // A fixed ratio per wheel notch feels the same at every zoom level.
        m_view.zoomAbout(mouse, m_view.zoom() * std::pow(1.15, io.MouseWheel));
    }
}

void MapCanvas::handlePress(MapEditor& editor, Vec2 world, const UnderMouse& under) {
    const ImGuiIO& io = ImGui::GetIO();
    const model::MapContent& content = editor.session().content();
    m_pressWorld = world;
    Selection selection = editor.selection();
    if (under.handle) {
        m_gesture = Gesture::Connect;
        m_pressKey = *under.handle;
    } else if (under.node) {
        const std::string key = keyOf(content, under.node->id);
        if (io.KeyShift) {
            if (selection.has(key))
                std::erase(selection.nodes, key);
            else
                selection.nodes.push_back(key);
        } else if (!selection.has(key)) {
            selection = {{key}, {}};
        }
        editor.select(selection);
        m_gesture = Gesture::PressNode;
        m_pressKey = key;
        m_moveDelta = {};
    } else if (under.edge) {
        if (auto ref = edgeRef(content, under.edge->id)) {
            if (io.KeyShift) {
                if (selection.has(*ref))
                    std::erase(selection.edges, *ref);
                else
                    selection.edges.push_back(*ref);
            } else {
                selection = {{}, {*ref}};
            }
            editor.select(selection);
        }
        m_gesture = Gesture::None;
    } else {
        if (!io.KeyShift) editor.clearSelection();
        m_gesture = Gesture::BoxSelect;
        m_boxStart = io.MousePos;
    }
}

void MapCanvas::handleDoubleClick(MapEditor& editor, Vec2 world, const UnderMouse& under) {
    const model::MapContent& content = editor.session().content();
    if (under.node) {
        startRename(editor, keyOf(content, under.node->id));
    } else if (under.edge) {
        if (auto ref = edgeRef(content, under.edge->id)) startEdgeLabel(editor, *ref);
    } else {
        runCommand("add a step",
                   [&] { editor.addNode(model::NodeKind::Activity, world.x, world.y); });
    }
    m_gesture = Gesture::None;
}

void MapCanvas::handleDrag(MapEditor& editor, const MapGeometry& geo, Vec2 world) {
    if (m_gesture == Gesture::PressNode &&
        ImGui::IsMouseDragging(ImGuiMouseButton_Left, kDragThreshold))
        m_gesture = Gesture::MoveNodes;
    if (m_gesture == Gesture::MoveNodes) {
        const Vec2 raw = world - m_pressWorld;
        // Alt moves freely, off the grid.
        const Vec2 wanted =
            ImGui::GetIO().KeyAlt ? raw : editor.snappedDelta(m_pressKey, raw.x, raw.y);
        m_moveDelta = editor.allowedMove(wanted.x, wanted.y);
        ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
    }
    if (m_gesture == Gesture::Connect) {
        const model::MapContent& content = editor.session().content();
        m_dropKey.reset();
        m_dropRefusal.reset();
        if (const NodeGeometry* target = geo.nodeAt(world)) {
            m_dropKey = keyOf(content, target->id);
            if (*m_dropKey != m_pressKey || distance(world, m_pressWorld) > 2)
                m_dropRefusal = model::connectionRefusal(content, m_pressKey, *m_dropKey);
            if (*m_dropKey == m_pressKey && !m_dropRefusal) m_dropKey.reset();
        }
    }
}

void MapCanvas::openContextMenu(MapEditor& editor, Vec2 world, const UnderMouse& under) {
    const model::MapContent& content = editor.session().content();
    m_menuNode.clear();
    m_menuEdge.reset();
    m_menuWorld = world;
    if (under.node) {
        m_menuNode = keyOf(content, under.node->id);
        if (!editor.selection().has(m_menuNode)) editor.select({{m_menuNode}, {}});
    } else if (under.edge) {
        m_menuEdge = edgeRef(content, under.edge->id);
        if (m_menuEdge) editor.select({{}, {*m_menuEdge}});
    }
    m_openMenu = true;
}

void MapCanvas::finishGesture(MapEditor& editor, const MapGeometry& geo) {
    const Gesture gesture = m_gesture;
    m_gesture = Gesture::None;
    const ImGuiIO& io = ImGui::GetIO();
    const Vec2 world = m_view.screenToWorld(vec(io.MousePos));
    switch (gesture) {
    case Gesture::MoveNodes: {
        const Vec2 delta = m_moveDelta;
        m_moveDelta = {};
        runCommand("move", [&] { editor.moveSelection(delta.x, delta.y); });
        break;
    }
    case Gesture::Connect: {
        const std::string from = m_pressKey;
        const std::optional<std::string> to = m_dropKey;
        m_dropKey.reset();
        m_dropRefusal.reset();
        if (to)
            runCommand("connect", [&] { editor.connect(from, *to); });
        else if (!geo.nodeAt(world) && distance(world, m_pressWorld) * m_view.zoom() > 20)
            runCommand("add a connected step", [&] {
                editor.addConnected(from, model::NodeKind::Activity, world.x, world.y);
            });
        break;
    }
    case Gesture::BoxSelect: {
        const Rect box(m_view.screenToWorld({std::min(m_boxStart.x, io.MousePos.x),
                                             std::min(m_boxStart.y, io.MousePos.y)}),
                       m_view.screenToWorld({std::max(m_boxStart.x, io.MousePos.x),
                                             std::max(m_boxStart.y, io.MousePos.y)}));
        if (box.width() * m_view.zoom() < 3 && box.height() * m_view.zoom() < 3) break; // a click
        Selection selection = io.KeyShift ? editor.selection() : Selection{};
        const model::MapContent& content = editor.session().content();
        for (const NodeGeometry& n : geo.nodes) {
            const Rect r = n.shape.bounds();
            const bool overlaps = r.min.x <= box.max.x && r.max.x >= box.min.x &&
                                  r.min.y <= box.max.y && r.max.y >= box.min.y;
            const std::string key = keyOf(content, n.id);
            if (overlaps && !selection.has(key)) selection.nodes.push_back(key);
        }
        editor.select(selection);
        break;
    }
    case Gesture::PressNode:
    case Gesture::None:
        break;
    }
}

void MapCanvas::handleKeys(MapEditor& editor, bool hovered) {
    ImGuiIO& io = ImGui::GetIO();
    const bool focused = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows);
    if (!(hovered || focused) || m_rename ||
        ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId))
        return;
    const Selection& selection = editor.selection();
    const bool oneNode = selection.nodes.size() == 1 && selection.edges.empty();

    // Typing on one selected node renames it, starting with what was typed.
    if (oneNode && !io.KeyCtrl && !io.KeyAlt && !io.InputQueueCharacters.empty()) {
        std::string typed;
        for (ImWchar c : io.InputQueueCharacters) appendUtf8(typed, c);
        if (typed.find_first_not_of(' ') != std::string::npos) {
            io.InputQueueCharacters.resize(0);
            startRename(editor, selection.nodes.front(), typed);
            return;
        }
    }

    const bool plain = !oneNode;
    const Vec2 mouse = m_view.screenToWorld(vec(io.MousePos));
    const Vec2 at = hovered ? mouse : m_view.screenToWorld(m_view.viewport().centre());
    struct Add {
        Command command;
        model::NodeKind kind;
    };
    for (const Add& a :
         {Add{Command::AddActivity, model::NodeKind::Activity},
          Add{Command::AddDecision, model::NodeKind::Decision},
          Add{Command::AddParallel, model::NodeKind::Parallel},
          Add{Command::AddStart, model::NodeKind::Start},
          Add{Command::AddEnd, model::NodeKind::End}, Add{Command::AddNote, model::NodeKind::Note}})
        if (pressed(a.command, plain))
            runCommand("add a node", [&] { editor.addNode(a.kind, at.x, at.y); });

    if (pressed(Command::Delete)) runCommand("delete", [&] { editor.deleteSelection(); });
    if (pressed(Command::Rename)) {
        if (oneNode)
            startRename(editor, selection.nodes.front());
        else if (selection.nodes.empty() && selection.edges.size() == 1)
            startEdgeLabel(editor, selection.edges.front());
    }
    if (pressed(Command::Undo)) runCommand("undo", [&] { editor.undo(); });
    if (pressed(Command::Redo)) runCommand("redo", [&] { editor.redo(); });
    if (pressed(Command::Copy)) editor.copy();
    if (pressed(Command::Cut)) runCommand("cut", [&] { editor.cut(); });
    if (pressed(Command::Paste))
        runCommand("paste", [&] {
            if (hovered)
                editor.paste(mouse.x, mouse.y);
            else
                editor.paste();
        });
    if (pressed(Command::Duplicate)) runCommand("duplicate", [&] { editor.duplicate(); });
    if (pressed(Command::SelectAll)) editor.selectAll();
    if (pressed(Command::ClearSelection)) editor.clearSelection();
    if (pressed(Command::FitView, plain)) m_fitPending = true;
    if (pressed(Command::ActualSize, plain)) m_view.zoomAbout(m_view.viewport().centre(), 1.0);
    if (pressed(Command::ToggleSnap, plain)) editor.setSnap(editor.snap() > 0 ? 0 : 10);
    if (pressed(Command::LayoutLeftRight)) startLayout(editor, model::LayoutDirection::LeftRight);
    if (pressed(Command::LayoutTopBottom)) startLayout(editor, model::LayoutDirection::TopBottom);
}

void MapCanvas::updatePaintState(const MapEditor& editor, const MapGeometry& geo, bool hovered) {
    const model::MapContent& content = editor.session().content();
    const Vec2 world = m_view.screenToWorld(vec(ImGui::GetIO().MousePos));
    m_paint.selected.clear();
    m_paint.selectedEdges.clear();
    for (const std::string& key : editor.selection().nodes)
        if (const model::Node* n = content.findNodeByKey(key)) m_paint.selected.insert(n->id);
    for (const model::EdgeRef& ref : editor.selection().edges) {
        const model::Node* from = content.findNodeByKey(ref.from);
        const model::Node* to = content.findNodeByKey(ref.to);
        for (const model::Edge& e : content.edges)
            if (from && to && e.from == from->id && e.to == to->id)
                m_paint.selectedEdges.insert(e.id);
    }

    const bool busy = m_gesture == Gesture::MoveNodes || m_gesture == Gesture::BoxSelect;
    const NodeGeometry* node = hovered && !busy ? geo.nodeAt(world) : nullptr;
    m_paint.hovered = node ? std::optional(node->id) : std::nullopt;
    const EdgeGeometry* edge =
        hovered && !busy && !node ? geo.edgeAt(world, 6 / m_view.zoom()) : nullptr;
    m_paint.hoveredEdge = edge ? std::optional(edge->id) : std::nullopt;

    // Handles: on the hovered node, and they stay while the pointer is just
    // outside it on the way to one of them.
    if (m_gesture == Gesture::Connect) {
        if (const model::Node* n = content.findNodeByKey(m_pressKey)) m_paint.handlesOn = n->id;
    } else if (node && node->kind != model::NodeKind::Note) {
        m_paint.handlesOn = node->id;
    } else if (auto near = hovered && !busy ? handleUnderMouse(geo, content) : std::nullopt) {
        if (const model::Node* n = content.findNodeByKey(*near)) m_paint.handlesOn = n->id;
    } else if (m_paint.handlesOn) {
        const NodeGeometry* was = geo.find(*m_paint.handlesOn);
        const double margin = (kHandleGrabRadius + 4) / m_view.zoom();
        if (!hovered || busy || !was || !was->shape.bounds().expanded(margin).contains(world))
            m_paint.handlesOn.reset();
    }
    m_paint.dropTarget.reset();
    m_paint.dropRefused = false;
    if (m_gesture == Gesture::Connect && m_dropKey) {
        if (const model::Node* n = content.findNodeByKey(*m_dropKey)) m_paint.dropTarget = n->id;
        m_paint.dropRefused = m_dropRefusal.has_value();
    }
}

void MapCanvas::drawGestureOverlay(ImDrawList& dl, const MapEditor& editor,
                                   const MapGeometry& geo) const {
    const ImGuiIO& io = ImGui::GetIO();
    if (m_gesture == Gesture::BoxSelect) {
        const ImVec2 a(std::min(m_boxStart.x, io.MousePos.x),
                       std::min(m_boxStart.y, io.MousePos.y));
        const ImVec2 b(std::max(m_boxStart.x, io.MousePos.x),
                       std::max(m_boxStart.y, io.MousePos.y));
        dl.AddRectFilled(a, b, colour::boxSelectFill);
        dl.AddRect(a, b, colour::boxSelectBorder);
    }
    if (m_gesture == Gesture::Connect) {
        const model::Node* from = editor.session().content().findNodeByKey(m_pressKey);
        const NodeGeometry* g = from ? geo.find(from->id) : nullptr;
        if (!g) return;
        const Vec2 mouse = vec(io.MousePos);
        const Vec2 start = m_view.worldToScreen(
            borderPoint(g->shape, m_view.screenToWorld(mouse) - g->shape.centre));
        const ImU32 ink = m_dropRefusal ? colour::refused : colour::selection;
        dl.AddLine(im(start), io.MousePos, ink, 2.0f);
        dl.AddCircleFilled(io.MousePos, 4.0f, ink);
        if (m_dropRefusal) {
            // The reason, at the pointer, before the button is even let go.
            const char* text = m_dropRefusal->c_str();
            ImFont* font = m_fonts->ui;
            const float size = ImGui::GetFontSize();
            const ImVec2 t = font->CalcTextSizeA(size, FLT_MAX, 0, text);
            const ImVec2 a(io.MousePos.x + 16, io.MousePos.y + 18);
            dl.AddRectFilled(ImVec2(a.x - 6, a.y - 4), ImVec2(a.x + t.x + 6, a.y + t.y + 4),
                             rgba(255, 240, 240, 245), 4);
            dl.AddRect(ImVec2(a.x - 6, a.y - 4), ImVec2(a.x + t.x + 6, a.y + t.y + 4),
                       colour::refused, 4, 0, 1.5f);
            dl.AddText(font, size, a, colour::refused, text);
        }
    }
}

} // namespace strawman::editor
