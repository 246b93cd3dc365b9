// What opens over the canvas: the right-click menu, the rename field over a
// node or arrow, and the activity-code picker.
#include "map_canvas.h"

#include "im_vec.h"
#include "script_targets.h"
#include "shortcuts.h"
#include "text_field.h"
#include "theme.h"
#include "typed_text.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace strawman::editor {

namespace {

// Puts the text cursor at the end without selecting, for a rename started by
// typing: the first letter is already in, the next must follow it.
int cursorToEnd(ImGuiInputTextCallbackData* data) {
    bool* pending = static_cast<bool*>(data->UserData);
    if (*pending) {
        data->CursorPos = data->BufTextLen;
        data->SelectionStart = data->SelectionEnd = data->CursorPos;
        *pending = false;
    }
    return 0;
}

bool contains(const std::string& text, const char* filter) {
    const std::string f = filter;
    if (f.empty()) return true;
    auto lower = [](unsigned char c) { return static_cast<char>(std::tolower(c)); };
    std::string a = text, b = f;
    std::transform(a.begin(), a.end(), a.begin(), lower);
    std::transform(b.begin(), b.end(), b.begin(), lower);
    return a.find(b) != std::string::npos;
}

} // namespace

// [SECTION] Rename in place

void MapCanvas::startRename(const MapEditor& editor, const std::string& nodeKey,
                            std::string typed) {
    const model::Node* n = editor.session().content().findNodeByKey(nodeKey);
    if (!n) return;
    Rename r;
    r.nodeKey = nodeKey;
    r.cursorToEnd = !typed.empty();
    copyInto(r.buffer, typed.empty() ? n->label : typed);
    m_rename = r;
}

void MapCanvas::startEdgeLabel(const MapEditor& editor, const model::EdgeRef& edge) {
    const model::MapContent& content = editor.session().content();
    const model::Node* from = content.findNodeByKey(edge.from);
    const model::Node* to = content.findNodeByKey(edge.to);
    if (!from || !to) return;
    for (const model::Edge& e : content.edges)
        if (e.from == from->id && e.to == to->id) {
            Rename r;
            r.edge = edge;
            copyInto(r.buffer, e.label);
            m_rename = r;
            return;
        }
}

void MapCanvas::drawRename(MapEditor& editor, const MapGeometry& geo) {
    if (!m_rename) return;
    const model::MapContent& content = editor.session().content();
    // Where the field goes: over the node, or over the arrow's label.
    Rect where;
    if (m_rename->edge) {
        const model::Node* from = content.findNodeByKey(m_rename->edge->from);
        const model::Node* to = content.findNodeByKey(m_rename->edge->to);
        for (const EdgeGeometry& e : geo.edges) {
            const model::Edge* edge = nullptr;
            for (const model::Edge& x : content.edges)
                if (x.id == e.id) edge = &x;
            if (edge && from && to && edge->from == from->id && edge->to == to->id)
                where = Rect::around(e.labelAt, {60, 10});
        }
    } else if (const model::Node* n = content.findNodeByKey(m_rename->nodeKey)) {
        if (const NodeGeometry* g = geo.find(n->id)) where = g->shape.bounds();
    }
    if (where.empty()) { // gone meanwhile (another window, an undo)
        m_rename.reset();
        return;
    }
    // On a wrapped map, in the row that shows the thing renamed.
    const Rect screen = m_wrap ? m_wrap->rowFor(where.centre().x).view.worldToScreen(where)
                               : m_view.worldToScreen(where);
    const float width = std::max(160.0f, static_cast<float>(screen.width()));
    const float height = ImGui::GetFrameHeight();
    ImGui::SetCursorScreenPos(ImVec2(static_cast<float>(screen.centre().x) - width / 2,
                                     static_cast<float>(screen.centre().y) - height / 2));
    ImGui::SetNextItemWidth(width);
    if (m_rename->focus) {
        ImGui::SetKeyboardFocusHere();
        m_rename->focus = false;
    }
    if (!m_rename->active) {
        // Until the field has the keyboard (a frame after it is asked for),
        // ImGui drops typed characters; a quick typist's second letter arrives
        // just then. Take them into the text ourselves.
        ImGuiIO& io = ImGui::GetIO();
        std::string text = m_rename->buffer.data();
        for (ImWchar c : io.InputQueueCharacters) appendUtf8(text, c);
        if (!io.InputQueueCharacters.empty()) {
            io.InputQueueCharacters.resize(0);
            copyInto(m_rename->buffer, text);
            m_rename->cursorToEnd = true;
        }
    }
    const bool enter =
        ImGui::InputText("##rename", m_rename->buffer.data(), m_rename->buffer.size(),
                         ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackAlways |
                             (m_rename->cursorToEnd ? 0 : ImGuiInputTextFlags_AutoSelectAll),
                         cursorToEnd, &m_rename->cursorToEnd);
    if (ImGui::IsItemActive()) m_rename->active = true;
    const bool cancel = keyPressed(GLFW_KEY_ESCAPE);
    // Clicking elsewhere keeps what was typed, as in every label editor.
    const bool leave = m_rename->active && !ImGui::IsItemActive();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Enter keeps it, Esc leaves it as it was");
    if (!(enter || cancel || leave)) return;
    const Rename r = *m_rename;
    m_rename.reset();
    if (cancel) return;
    const std::string text = r.buffer.data();
    if (r.edge) {
        runCommand("label the arrow", [&] { editor.setEdgeLabel(*r.edge, text); });
    } else {
        const model::Node* n = content.findNodeByKey(r.nodeKey);
        if (n && n->label != text) runCommand("rename", [&] { editor.rename(r.nodeKey, text); });
    }
}

// [SECTION] Context menu

void MapCanvas::drawContextMenu(MapEditor& editor) {
    if (m_openMenu) {
        ImGui::OpenPopup("canvas-menu");
        m_openMenu = false;
    }
    if (!ImGui::BeginPopup("canvas-menu")) return;
    const model::MapContent& content = editor.session().content();
    const model::Node* node = m_menuNode.empty() ? nullptr : content.findNodeByKey(m_menuNode);
    if (node) {
        if (ImGui::MenuItem("Rename", "F2")) startRename(editor, m_menuNode);
        if (node->kind == model::NodeKind::Activity &&
            ImGui::MenuItem("Activity code\xE2\x80\xA6")) {
            m_codeFor = m_menuNode;
            m_codeFilter.fill('\0');
            m_openCodePicker = true;
        }
        ImGui::Separator();
        if (ImGui::MenuItem("Copy", "Ctrl+C")) editor.copy();
        if (ImGui::MenuItem("Cut", "Ctrl+X")) runCommand("cut", [&] { editor.cut(); });
        if (ImGui::MenuItem("Duplicate", "Ctrl+D"))
            runCommand("duplicate", [&] { editor.duplicate(); });
        if (ImGui::MenuItem("Delete", "Delete"))
            runCommand("delete", [&] { editor.deleteSelection(); });
    } else if (m_menuEdge) {
        if (ImGui::MenuItem("Label the arrow", "F2")) startEdgeLabel(editor, *m_menuEdge);
        if (ImGui::MenuItem("Delete", "Delete"))
            runCommand("delete", [&] { editor.deleteSelection(); });
    } else {
        struct Item {
            const char* text;
            const char* key;
            model::NodeKind kind;
        };
        for (const Item& item : {Item{"Add a step here", "A", model::NodeKind::Activity},
                                 Item{"Add a decision here", "D", model::NodeKind::Decision},
                                 Item{"Add a parallel bar here", "P", model::NodeKind::Parallel},
                                 Item{"Add a start here", "S", model::NodeKind::Start},
                                 Item{"Add an end here", "E", model::NodeKind::End},
                                 Item{"Add a note here", "N", model::NodeKind::Note}})
            if (ImGui::MenuItem(item.text, item.key))
                runCommand("add a node",
                           [&] { editor.addNode(item.kind, m_menuWorld.x, m_menuWorld.y); });
        ImGui::Separator();
        if (ImGui::MenuItem("Paste here", "Ctrl+V", false, editor.canPaste()))
            runCommand("paste", [&] { editor.paste(m_menuWorld.x, m_menuWorld.y); });
        if (ImGui::MenuItem("Select all", "Ctrl+A")) editor.selectAll();
        ImGui::Separator();
        if (ImGui::MenuItem("Auto-layout, left to right", "Ctrl+L"))
            startLayout(editor, model::LayoutDirection::LeftRight);
        if (ImGui::MenuItem("Auto-layout, top to bottom", "Ctrl+Shift+L"))
            startLayout(editor, model::LayoutDirection::TopBottom);
        if (ImGui::MenuItem("Fit to view", "F")) m_fitPending = true;
        ImGui::Separator();
        if (ImGui::MenuItem("Export the map\xE2\x80\xA6", "Ctrl+E")) m_exportAsked = true;
        ScriptTargets::mark("canvas-menu-export");
    }
    ImGui::EndPopup();
}

// [SECTION] Activity code

void MapCanvas::drawCodePicker(MapEditor& editor) {
    if (m_openCodePicker) {
        ImGui::OpenPopup("code-picker");
        m_openCodePicker = false;
    }
    ImGui::SetNextWindowSize(ImVec2(420, 0));
    if (!ImGui::BeginPopup("code-picker")) return;
    const model::Node* node = editor.session().content().findNodeByKey(m_codeFor);
    if (!node) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    ImGui::TextDisabled("Activity code of \"%s\"", node->label.c_str());
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##filter", "Search codes and names", m_codeFilter.data(),
                             m_codeFilter.size());
    ImGui::BeginChild("codes", ImVec2(0, 260));
    const auto& names = editor.session().activityNames();
    std::vector<std::pair<std::string, std::string>> sorted(names.begin(), names.end());
    std::sort(sorted.begin(), sorted.end());
    if (ImGui::Selectable("(none)", node->activity.empty())) {
        runCommand("clear the activity code", [&] { editor.setActivity(m_codeFor, ""); });
        ImGui::CloseCurrentPopup();
    }
    for (const auto& [code, name] : sorted) {
        if (!contains(code, m_codeFilter.data()) && !contains(name, m_codeFilter.data())) continue;
        const std::string row = code + "  \xE2\x80\x94  " + name;
        if (ImGui::Selectable(row.c_str(), node->activity == code)) {
            runCommand("set the activity code", [&] { editor.setActivity(m_codeFor, code); });
            ImGui::CloseCurrentPopup();
        }
    }
    ImGui::EndChild();
    ImGui::EndPopup();
}

} // namespace strawman::editor
