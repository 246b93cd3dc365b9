#include "editor_frame.h"

#include "editor/core/error_text.h"

#include "editor/panels/im_vec.h"
#include "editor/panels/script_targets.h"
#include "editor/panels/shortcuts.h"
#include "editor/panels/theme.h"

#include "model/core/error.h"
#include "model/maps/layout.h"

#include <imgui.h>

#include <algorithm>
#include <ctime>
#include <iomanip>
#include <sstream>
#include <utility>

namespace strawman::editor {

namespace {

constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoTitleBar |
                                         ImGuiWindowFlags_NoBringToFrontOnFocus |
                                         ImGuiWindowFlags_NoSavedSettings;

// A strip along a panel's edge that resizes the panel by dragging. Hit-tested
// by hand and drawn over everything, rather than being an ImGui item, so it
// never adds to a panel's content size (which would make it scroll).
void splitter(int id, int& dragging, ImVec2 min, ImVec2 max, bool vertical, float& value,
              float sign, float lo, float hi) {
    const ImGuiIO& io = ImGui::GetIO();
    const bool over = ImGui::IsMouseHoveringRect(min, max, false) && !ImGui::IsAnyItemActive() &&
                      !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId);
    if (over && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) dragging = id;
    if (dragging == id && !io.MouseDown[ImGuiMouseButton_Left]) dragging = 0;
    if (dragging == id)
        value = std::clamp(value + sign * (vertical ? io.MouseDelta.x : io.MouseDelta.y), lo, hi);
    if (over || dragging == id) {
        ImGui::SetMouseCursor(vertical ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
        ImGui::GetForegroundDrawList()->AddRectFilled(
            min, max, ImGui::GetColorU32(ImGuiCol_SeparatorHovered));
    }
}

// Workshop mode's colours: pure black text and strong borders on white.
void highContrast(ImGuiStyle& style) {
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = ImVec4(0, 0, 0, 1);
    c[ImGuiCol_TextDisabled] = ImVec4(0.20f, 0.22f, 0.25f, 1);
    c[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Border] = ImVec4(0.25f, 0.28f, 0.32f, 1);
    c[ImGuiCol_Button] = ImVec4(0.80f, 0.85f, 0.92f, 1);
    style.FrameBorderSize = 1;
}

} // namespace

FrameLayout layOutFrame(float width, float height, float statusHeight, const PanelSizes& sizes,
                        bool workshop) {
    FrameLayout at;
    const float mainHeight = std::max(0.0f, height - statusHeight);
    at.status = {0, mainHeight, width, statusHeight};
    if (workshop) {
        // The room sees the map: no side panels, the canvas stays editable.
        at.map = {0, 0, width, mainHeight};
        return at;
    }
    const float left = std::min(sizes.left, width * 0.4f);
    const float right = std::min(sizes.right, width * 0.45f);
    const float bottom = std::min(sizes.bottom, mainHeight * 0.5f);
    const float centre = std::max(100.0f, width - left - right);
    at.network = {0, 0, left, mainHeight};
    at.map = {left, 0, centre, mainHeight - bottom};
    at.bottom = {left, mainHeight - bottom, centre, bottom};
    at.side = {left + centre, 0, width - left - centre, mainHeight};
    return at;
}

EditorFrame::EditorFrame(EditorSession& session, const Fonts& fonts, const ImGuiStyle& style)
    : m_session(&session), m_fonts(&fonts), m_editor(session), m_canvas(fonts, m_notices),
      m_beside(fonts), m_baseStyle(style), m_defaultActor(session.workspace().audit().actor()) {
    m_network.showStandardsOf(m_standards);
}

void EditorFrame::setWorkshop(bool on) {
    m_workshop = on;
    ImGuiStyle& style = ImGui::GetStyle();
    style = m_baseStyle;
    // The fonts are baked at twice the panel size, so scaling up to 2x stays sharp.
    ImGui::GetIO().FontGlobalScale =
        (m_fonts->fallback ? 1.0f : 0.5f) * (on ? workshopScale : 1.0f);
    if (on) {
        style.ScaleAllSizes(workshopScale);
        highContrast(style);
    }
    m_canvas.setHighContrast(on);
    // The map's own text grows with the panels': fit keeps its labels at the
    // larger legible size, wrapping a long map into rows to do so.
    const double legible = kLegibleTextPx * (on ? workshopScale : 1.0);
    m_canvas.setLegibleTextPx(legible);
    m_beside.setLegibleTextPx(legible);
}

std::string EditorFrame::viewReport() const {
    const ImGuiIO& io = ImGui::GetIO();
    std::ostringstream out;
    out << std::fixed << std::setprecision(1);
    const auto rect = [&](const Rect& r) {
        std::ostringstream t;
        t << std::fixed << std::setprecision(0) << r.min.x << " " << r.min.y << " " << r.max.x
          << " " << r.max.y;
        return t.str();
    };
    out << "window " << io.DisplaySize.x << " " << io.DisplaySize.y << "\n";
    out << "workshop " << (m_workshop ? "on" : "off") << "\n";
    out << "canvas " << rect(m_canvas.view().viewport()) << "\n";
    out << "zoom " << m_canvas.view().zoom() << "\n";
    const ReadingFit* wrap = m_canvas.wrap();
    out << "rows " << (wrap ? wrap->rows.size() : 1)
        << (wrap && !wrap->whole ? ", run on below" : "") << "\n";
    const float smallest = m_canvas.smallestStepLabelDrawn();
    if (smallest < MapPainter::kNoneDrawn) out << "smallest step label " << smallest << " px\n";
    out << "toolbar " << rect(m_canvas.toolbarExtent()) << "\n";
    out << "status bar " << rect(m_statusExtent) << "\n";
    out << "legend " << (m_canvas.legendFolded ? "folded" : "open");
    if (!m_canvas.legendBox().empty()) out << " " << rect(m_canvas.legendBox());
    out << "\n";
    if (m_beside.isOpen())
        out << "beside " << (m_besideStacked ? "stacked" : "side by side") << ", rows "
            << (m_beside.wrap() ? m_beside.wrap()->rows.size() : 1) << "\n";
    const std::pair<const char*, const PanelBox*> panels[] = {{"network", &m_layout.network},
                                                              {"map", &m_layout.map},
                                                              {"bottom", &m_layout.bottom},
                                                              {"side", &m_layout.side},
                                                              {"status", &m_layout.status}};
    if (!m_bottomTab.empty()) out << "bottom tab " << m_bottomTab << "\n";
    if (!m_canvas.badgeBox().empty() && m_session->selected())
        out << "standard badge " << rect(m_canvas.badgeBox()) << " "
            << standardBadge(m_standards.standards(), *m_session->selected()).text << "\n";
    if (const auto* checks = m_standards.checks()) out << standingsReport(*checks);
    out << std::setprecision(0);
    for (const auto& [name, box] : panels)
        if (box->shown())
            out << "panel " << name << " " << box->x << " " << box->y << " " << box->w << " "
                << box->h << "\n";
    for (const MapCanvas::DrawnMarker& m : m_canvas.markersDrawn())
        out << "marker " << (m.place.kind == ForumPlace::Kind::Edge ? "edge " : "node ")
            << m.place.node << (m.place.kind == ForumPlace::Kind::Edge ? ">" + m.place.to : "")
            << " " << m.threads << "\n";
    if (const model::MapSummary* map = m_session->selected())
        out << "shown map " << map->id.value << "\n";
    const ForumPlace selected = placeOf(m_editor.selection());
    if (selected.kind == ForumPlace::Kind::Node) out << "selection node " << selected.node << "\n";
    if (selected.kind == ForumPlace::Kind::Edge)
        out << "selection edge " << selected.node << ">" << selected.to << "\n";
    if (m_layout.side.shown()) out << "side tab " << m_sideTab << "\n";
    out << m_forum.report();
    out << m_export.report();
    return out.str();
}

void EditorFrame::remember(EditorSettings& settings) const {
    settings.panels = sizes;
    settings.workshopMode = m_workshop;
    settings.workshopScale = workshopScale;
    settings.snapToGrid = m_editor.snap() > 0;
    settings.animateLayout = !m_canvas.instantLayout;
    settings.diffLegendFolded = m_canvas.legendFolded;
    if (const model::MapSummary* map = m_session->selected())
        settings.noteMapShown(m_session->workspace().path(), map->id);
    settings.noteActingAs(m_session->workspace().path(), m_forum.actingAs);
}

void EditorFrame::openBeside(model::MapId id) {
    try {
        m_beside.open(*m_session, id);
    } catch (const std::exception& e) {
        m_notices.error("Could not show the map beside", errorText(e));
    }
}

void EditorFrame::showAsRecorded(DiffPanel::AsRecorded recorded) {
    try {
        // Graphviz lays it out here, on the UI thread (it is not thread-safe).
        const model::MapId id =
            m_session->storeAsRecordedMap(recorded.process, std::move(recorded.recorded));
        openBeside(id);
    } catch (const std::exception& e) {
        m_notices.error("Could not store the as-recorded map", errorText(e));
    }
}

void EditorFrame::updateComparison() {
    if (!m_beside.isOpen() || !m_session->selected()) {
        m_canvas.setDifferences({}, {});
        m_besideMarks = {};
        return;
    }
    m_beside.refresh(*m_session);
    if (m_comparedMain == m_session->contentRevision() && m_comparedBeside == m_beside.map()->value)
        return;
    m_comparedMain = m_session->contentRevision();
    m_comparedBeside = m_beside.map()->value;
    const model::MapComparison diff = model::compareMaps(m_session->content(), m_beside.content());
    auto marks = [](const model::MapContent& map, const MapGeometry& geo,
                    const model::MapSideDifferences& side, std::unordered_set<model::NodeId>& nodes,
                    std::unordered_set<model::EdgeId>& edges) {
        // The comparison indexes the map's nodes and edges; geometry keeps their order.
        for (std::size_t i = 0; i < map.nodes.size() && i < side.nodeCounterpart.size(); ++i)
            if (side.nodeOnlyHere(i)) nodes.insert(map.nodes[i].id);
        for (std::size_t i = 0; i < map.edges.size() && i < side.edgeMatched.size(); ++i)
            if (!side.edgeMatched[i]) edges.insert(map.edges[i].id);
        (void)geo;
    };
    std::unordered_set<model::NodeId> nodes;
    std::unordered_set<model::EdgeId> edges;
    marks(m_session->content(), m_session->geometry(), diff.left, nodes, edges);
    m_canvas.setDifferences(std::move(nodes), std::move(edges));
    m_besideMarks = {};
    marks(m_beside.content(), m_beside.geometry(), diff.right, m_besideMarks.differentNodes,
          m_besideMarks.differentEdges);
}

void EditorFrame::drawLeft(const PanelBox& box) {
    ImGui::SetNextWindowPos(ImVec2(box.x, box.y));
    ImGui::SetNextWindowSize(ImVec2(box.w, box.h));
    if (ImGui::Begin("Network", nullptr, kPanelFlags)) {
        if (auto chosen = m_network.draw(*m_session, *m_fonts, m_notices)) m_open = chosen;
    }
    ImGui::End();
}

void EditorFrame::drawRight(const PanelBox& box) {
    ImGui::SetNextWindowPos(ImVec2(box.x, box.y));
    ImGui::SetNextWindowSize(ImVec2(box.w, box.h));
    if (ImGui::Begin("Side", nullptr, kPanelFlags)) {
        if (ImGui::BeginTabBar("side-tabs")) {
            const bool inspectorOpen = ImGui::BeginTabItem("Inspector");
            ScriptTargets::mark("inspector-tab");
            if (inspectorOpen) {
                m_sideTab = "Inspector";
                m_inspector.draw(m_editor, m_canvas, m_forum.view(), *m_fonts, m_notices);
                if (m_inspector.takeForumRequest()) m_showForumTab = true;
                ImGui::EndTabItem();
            }
            const ImGuiTabItemFlags diffFlags = m_showDiffTab ? ImGuiTabItemFlags_SetSelected : 0;
            m_showDiffTab = false;
            const bool diffOpen = ImGui::BeginTabItem("Diff", nullptr, diffFlags);
            ScriptTargets::mark("diff-tab");
            if (diffOpen) {
                m_sideTab = "Diff";
                m_diff.draw(*m_session, *m_fonts, m_notices);
                ImGui::EndTabItem();
            }
            const bool dataOpen = ImGui::BeginTabItem("Data");
            ScriptTargets::mark("data-tab");
            if (dataOpen) {
                m_sideTab = "Data";
                m_data.draw(*m_session, *m_fonts, m_notices);
                ImGui::EndTabItem();
            }
            const ImGuiTabItemFlags forumFlags = m_showForumTab ? ImGuiTabItemFlags_SetSelected : 0;
            m_showForumTab = false;
            const bool forumOpen = ImGui::BeginTabItem("Forum", nullptr, forumFlags);
            ScriptTargets::mark("forum-tab");
            if (forumOpen) {
                m_sideTab = "Forum";
                m_forum.draw(m_editor, *m_fonts, m_notices);
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
}

void EditorFrame::drawBottom(const PanelBox& box) {
    ImGui::SetNextWindowPos(ImVec2(box.x, box.y));
    ImGui::SetNextWindowSize(ImVec2(box.w, box.h));
    if (ImGui::Begin("Bottom", nullptr, kPanelFlags)) {
        if (ImGui::BeginTabBar("bottom-tabs")) {
            if (ImGui::BeginTabItem("Trusts")) {
                m_bottomTab = "Trusts";
                if (auto chosen = m_comparison.draw(*m_session, *m_fonts, m_notices, m_standards))
                    m_open = chosen;
                ImGui::EndTabItem();
            }
            const ImGuiTabItemFlags standardsFlags =
                m_showStandardsTab ? ImGuiTabItemFlags_SetSelected : 0;
            m_showStandardsTab = false;
            const bool standardsOpen = ImGui::BeginTabItem("Standards", nullptr, standardsFlags);
            ScriptTargets::mark("standards-tab");
            if (standardsOpen) {
                m_bottomTab = "Standards";
                m_standardsPanel.draw(*m_session, *m_fonts, m_standards);
                ImGui::EndTabItem();
            }
            if (ImGui::BeginTabItem("History")) {
                m_bottomTab = "History";
                // The shown map's steps, oldest first; undone ones greyed, for redo.
                const EditHistory& history = m_session->history();
                if (history.doneCount() + history.undoneCount() == 0)
                    ImGui::TextDisabled(
                        "Changes to this map appear here, to undo (Ctrl+Z) and redo (Ctrl+Y).");
                for (const EditStep& step : history.done())
                    ImGui::BulletText("%s", step.label.c_str());
                for (auto it = history.undone().rbegin(); it != history.undone().rend(); ++it)
                    ImGui::TextDisabled("    %s (undone)", it->label.c_str());
                ImGui::EndTabItem();
            }
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
}

void EditorFrame::drawCanvas(const PanelBox& box) {
    const float w = box.w, h = box.h;
    ImGui::SetNextWindowPos(ImVec2(box.x, box.y));
    ImGui::SetNextWindowSize(ImVec2(w, h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    const bool open = ImGui::Begin("Map", nullptr,
                                   kPanelFlags | ImGuiWindowFlags_NoScrollbar |
                                       ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    if (open) {
        if (m_beside.isOpen()) {
            // Side by side: the map being edited first, the other after it. Wide
            // maps (most pathways, laid out left to right) are stacked, each the
            // canvas's full width; others sit left and right.
            const bool stacked =
                BesideView::wide(m_session->geometry()) && BesideView::wide(m_beside.geometry());
            m_besideStacked = stacked;
            const ImGuiWindowFlags flags =
                ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
            if (stacked) {
                const float half = std::floor(h / 2);
                ImGui::BeginChild("main", ImVec2(w, half), false, flags);
                m_canvas.draw(m_editor);
                ImGui::EndChild();
                ImGui::BeginChild("beside", ImVec2(w, h - half), false, flags);
            } else {
                const float half = std::floor(w / 2);
                ImGui::BeginChild("main", ImVec2(half, h), false, flags);
                m_canvas.draw(m_editor);
                ImGui::EndChild();
                ImGui::SameLine(0, 0);
                ImGui::BeginChild("beside", ImVec2(w - half, h), false, flags);
            }
            if (m_beside.draw(m_canvas.view().zoom(), m_besideMarks, stacked)) m_beside.close();
            ImGui::EndChild();
        } else {
            m_canvas.draw(m_editor);
        }
    }
    ImGui::End();
}

void EditorFrame::drawStatus(const PanelBox& box) {
    const float w = box.w;
    ImGui::SetNextWindowPos(ImVec2(box.x, box.y));
    ImGui::SetNextWindowSize(ImVec2(w, box.h));
    ImGui::PushStyleColor(ImGuiCol_WindowBg,
                          m_workshop ? ImVec4(1, 1, 1, 1) : ImVec4(0.91f, 0.93f, 0.95f, 1.0f));
    if (ImGui::Begin("Status", nullptr, kPanelFlags | ImGuiWindowFlags_NoScrollbar)) {
        m_statusExtent = {};
        // The File menu: what is done with the workspace and the map as a
        // whole. It sits at the window's edge with the other whole-window
        // controls, so the panels keep the whole height.
        if (ImGui::SmallButton("File")) ImGui::OpenPopup("file");
        ScriptTargets::mark("file-menu");
        m_statusExtent.add(vec(ImGui::GetItemRectMin()));
        if (ImGui::BeginPopup("file")) {
            if (ImGui::MenuItem("Export map...", "Ctrl+E", false, m_session->selected() != nullptr))
                openExport(std::nullopt);
            ScriptTargets::mark("file-menu-export");
            if (ImGui::BeginMenu("Open a recent workspace")) {
                for (const auto& path : recent)
                    if (path != workspaceKey(m_session->workspace().path()) &&
                        ImGui::MenuItem(path.c_str()))
                        m_openWorkspace = path;
                if (recent.size() <= 1) ImGui::TextDisabled("(none other yet)");
                ImGui::EndMenu();
            }
            ImGui::EndPopup();
        }
        drawActingAs();
        const char* workshopText = m_workshop ? "Leave workshop mode (F11)" : "Workshop mode (F11)";
        const char* helpText = "Shortcuts (F1)";
        const float right = ImGui::CalcTextSize(workshopText).x + ImGui::CalcTextSize(helpText).x +
                            4 * ImGui::GetStyle().FramePadding.x + 24;
        // What there is room for before the buttons on the right, most useful
        // first: the map's name, the zoom, when it was saved, the workspace's path.
        // A narrow window, or workshop mode's large type, leaves the rest out
        // rather than letting the buttons cover it.
        std::string saved = "every change is saved at once";
        if (auto when = m_session->lastSaved()) {
            const std::time_t t = std::chrono::system_clock::to_time_t(*when);
            char text[16];
            std::strftime(text, sizeof text, "%H:%M:%S", std::localtime(&t));
            saved = std::string("saved ") + text;
        }
        const model::MapSummary* map = m_session->selected();
        const std::string zoom =
            std::to_string(static_cast<int>(std::lround(m_canvas.view().zoom() * 100))) + "%";
        const std::string path = m_session->workspace().path().string();
        // The room left after the File menu and the member acted as.
        float room =
            w - right - (static_cast<float>(m_statusExtent.max.x) - ImGui::GetWindowPos().x) - 20;
        const auto fits = [&](const std::string& text, float gap) {
            const float need = gap + ImGui::CalcTextSize(text.c_str()).x;
            if (need > room) return false;
            room -= need;
            return true;
        };
        const std::string exported = m_export.statusText();
        const bool showExport = !exported.empty() && fits(exported, 24);
        const bool showName = map && fits(map->name, 24), showZoom = fits(zoom, 24),
                   showSaved = fits(saved, 24),
                   showPath = fits(path, ImGui::GetStyle().ItemSpacing.x);
        if (showExport) {
            ImGui::SameLine(0, 24);
            ImGui::TextUnformatted(exported.c_str());
        }
        if (showPath) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", path.c_str());
        }
        if (showName) {
            ImGui::SameLine(0, 24);
            ImGui::TextUnformatted(map->name.c_str());
        }
        if (showZoom) {
            ImGui::SameLine(0, 24);
            ImGui::TextDisabled("%s", zoom.c_str());
        }
        if (showSaved) {
            ImGui::SameLine(0, 24);
            ImGui::TextDisabled("%s", saved.c_str());
        }
        ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 20, w - right));
        if (ImGui::SmallButton(workshopText)) setWorkshop(!m_workshop);
        ImGui::SameLine();
        if (ImGui::SmallButton(helpText)) m_helpOpen = true;
        m_statusExtent.add(vec(ImGui::GetItemRectMax()));
    }
    ImGui::End();
    ImGui::PopStyleColor();
}

// Who this window's posts and changes are by (keepActor): a member of the
// network, by name and role.
void EditorFrame::drawActingAs() {
    ImGui::SameLine(0, 24);
    ImGui::TextDisabled("Acting as");
    ImGui::SameLine();
    const model::Member* as = m_forum.actingMember();
    const std::string preview = as ? memberText(*as) : std::string("nobody");
    ImGui::SetNextItemWidth(
        std::min(ImGui::GetFontSize() * 16, ImGui::CalcTextSize(preview.c_str()).x +
                                                ImGui::GetFrameHeight() +
                                                2 * ImGui::GetStyle().FramePadding.x));
    // As low as the small buttons beside it, so the bar keeps its height.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, 0));
    const bool open =
        ImGui::BeginCombo("##acting-as", preview.c_str(), ImGuiComboFlags_HeightLarge);
    ImGui::PopStyleVar();
    ScriptTargets::mark("acting-as");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Who your posts and changes are by, as the audit record names them");
    m_statusExtent.add(vec(ImGui::GetItemRectMax()));
    if (open) {
        if (ImGui::Selectable("nobody", !as)) m_forum.actingAs.reset();
        for (const model::Member& m : m_forum.view().members()) {
            ImGui::PushID(static_cast<int>(m.id.value));
            const bool chosen = as && as->id == m.id;
            if (ImGui::Selectable(memberText(m).c_str(), chosen)) m_forum.actingAs = m.id;
            ScriptTargets::mark(("acting-as-" + std::to_string(m.id.value)).c_str());
            if (chosen) ImGui::SetItemDefaultFocus();
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
}

// A speech bubble clicked on the canvas: its node or arrow selected, and its
// threads in the Forum tab.
void EditorFrame::openMarkerClicked() {
    const auto place = m_canvas.takeMarkerClick();
    if (!place) return;
    m_editor.select(selectionOf(m_session->content(), *place));
    m_forum.showPlace(*place);
    m_showForumTab = true;
}

// The member acted as is who every change from this window is by, the map's
// as much as the forum's: the audit record names them ("acting as", as the
// CLI's --as), and the user running the program again once nobody is chosen.
void EditorFrame::keepActor() {
    const model::Member* as = m_forum.actingMember();
    const std::string& actor = as ? as->name : m_defaultActor;
    model::AuditLog& audit = m_session->workspaceForWrite().audit();
    if (audit.actor() != actor) audit.actAs(actor);
}

void EditorFrame::openThread(model::ThreadId id, bool showItsMap) {
    const model::ThreadAnchor anchor = m_session->workspace().forum().thread(id).anchor;
    const bool onAMap = anchor.kind == model::ThreadAnchor::Kind::Map ||
                        anchor.kind == model::ThreadAnchor::Kind::Node ||
                        anchor.kind == model::ThreadAnchor::Kind::Edge;
    if (onAMap && showItsMap) m_session->select(anchor.map);
    const model::MapSummary* shown = m_session->selected();
    if (onAMap && shown && shown->id == anchor.map) {
        const Selection selection = selectionOf(m_session->content(), placeOf(anchor));
        m_editor.select(selection);
        m_forum.showPlace(placeOf(selection));
    }
    m_forum.openThread(m_session->workspace(), id);
    m_showForumTab = true;
}

void EditorFrame::drawHelp() {
    if (!m_helpOpen) return;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 34, 0), ImGuiCond_Appearing);
    if (ImGui::Begin("Keyboard shortcuts", &m_helpOpen,
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::TextWrapped(
            "With one node selected, typing renames it; the letter keys below add nodes when "
            "nothing (or several things) is selected.");
        if (ImGui::BeginTable("keys", 2,
                              ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
            for (const Shortcut& s : shortcuts()) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushFont(m_fonts->uiBold);
                ImGui::TextUnformatted(s.keys);
                ImGui::PopFont();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(s.what);
            }
            const char* mouse[][2] = {
                {"Double-click", "Add a step (on empty canvas); rename (on a node or arrow)"},
                {"Drag a handle", "Connect; drop on empty canvas for a new connected step"},
                {"Drag a node", "Move the selection (Alt: off the grid)"},
                {"Drag on the canvas", "Select with a box (Shift adds)"},
                {"Right-drag, Space+drag", "Pan"},
                {"Wheel", "Zoom about the mouse"},
                {"Right-click", "Menu"}};
            for (const auto& row : mouse) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushFont(m_fonts->uiBold);
                ImGui::TextUnformatted(row[0]);
                ImGui::PopFont();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(row[1]);
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

// The Export dialog on a map: the one asked for in the network's menu, else the
// shown one.
void EditorFrame::openExport(std::optional<model::MapId> map) {
    const model::MapSummary* summary = m_session->selected();
    if (map)
        for (const model::MapSummary& m : m_session->maps())
            if (m.id == *map) summary = &m;
    if (summary) m_export.open(*m_session, *summary, m_diff);
}

void EditorFrame::draw() {
    if (pressed(Command::WorkshopMode)) setWorkshop(!m_workshop);
    if (pressed(Command::Export)) openExport(std::nullopt);
    if (pressed(Command::Help)) m_helpOpen = !m_helpOpen;
    m_reload = pressed(Command::Reload);

    m_diff.sync(*m_session, m_notices);
    if (auto recorded = m_diff.takeAsRecorded()) showAsRecorded(std::move(*recorded));
    if (auto beside = m_network.takeBesideRequest()) openBeside(*beside);
    m_canvas.setOverlay(m_diff.overlay(), m_diff.highlightedPath(), m_diff.legendTitle());
    updateComparison();
    m_forum.refresh(*m_session, m_notices);
    m_canvas.setForumMarkers(m_forum.view().markers());
    keepActor();
    m_standards.sync(*m_session);
    const model::MapSummary* shown = m_session->selected();
    m_canvas.setStandardBadge(shown ? standardBadge(m_standards.standards(), *shown)
                                    : StandardBadge{});

    const ImGuiIO& io = ImGui::GetIO();
    m_layout = layOutFrame(io.DisplaySize.x, io.DisplaySize.y, ImGui::GetFrameHeight() + 6, sizes,
                           m_workshop);
    const FrameLayout& at = m_layout;
    if (m_workshop) {
        drawCanvas(at.map);
        openMarkerClicked(); // the tab shows when the panels come back
    } else {
        drawLeft(at.network);
        drawCanvas(at.map);
        openMarkerClicked();
        drawBottom(at.bottom);
        drawRight(at.side);
        // Panel edges: drag to resize.
        const float left = at.map.x, right = at.side.x, top = at.bottom.y;
        const float mainHeight = at.network.h;
        splitter(1, m_dragging, ImVec2(left - 3, 0), ImVec2(left + 3, mainHeight), true, sizes.left,
                 1, 180, 700);
        splitter(2, m_dragging, ImVec2(right - 3, 0), ImVec2(right + 3, mainHeight), true,
                 sizes.right, -1, 240, 800);
        splitter(3, m_dragging, ImVec2(left, top - 3), ImVec2(right, top + 3), false, sizes.bottom,
                 -1, 80, 600);
    }
    if (m_canvas.takeExportRequest()) openExport(std::nullopt);
    if (auto map = m_network.takeExportRequest()) openExport(*map);
    m_export.draw(*m_session, *m_fonts, m_diff);
    drawStatus(at.status);
    drawHelp();
    m_notices.draw();
}

void EditorFrame::carryOut() {
    try {
        if (m_reload)
            m_session->reload();
        else
            m_session->reloadIfChanged();
        if (m_open && m_session->select(*m_open)) m_editor.clearSelection();
    } catch (const std::exception& e) {
        // The file changed under us in a way we cannot read (deleted, a newer
        // version): say so and keep showing what we have.
        m_notices.error("Could not read the workspace", errorText(e));
    }
    m_open.reset();
    m_reload = false;
}

} // namespace strawman::editor
