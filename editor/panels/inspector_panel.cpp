#include "inspector_panel.h"

#include "script_targets.h"
#include "text_field.h"
#include "theme.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <functional>

namespace strawman::editor {

namespace {

bool matches(const std::string& text, const char* filter) {
    std::string a = text, b = filter;
    auto lower = [](unsigned char c) { return static_cast<char>(std::tolower(c)); };
    std::transform(a.begin(), a.end(), a.begin(), lower);
    std::transform(b.begin(), b.end(), b.begin(), lower);
    return a.find(b) != std::string::npos;
}

const char* kindName(model::NodeKind kind) {
    switch (kind) {
    case model::NodeKind::Activity:
        return "Step";
    case model::NodeKind::Decision:
        return "Decision";
    case model::NodeKind::Parallel:
        return "Parallel bar";
    case model::NodeKind::Start:
        return "Start";
    case model::NodeKind::End:
        return "End";
    case model::NodeKind::Note:
        return "Note";
    }
    return "Step";
}

void drawNodeProblems(const MapCanvas& canvas, const model::Node& node) {
    std::vector<const model::Problem*> problems;
    for (const model::Problem& p : canvas.problems())
        if (p.node == node.id) problems.push_back(&p);
    if (problems.empty()) return;
    ImGui::Spacing();
    ImGui::TextColored(ImVec4(0.75f, 0.15f, 0.15f, 1), "Problems");
    for (const model::Problem* p : problems) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", p->message.c_str());
    }
}

} // namespace

// Each field's edit replaces the node, so once one is made the rest wait for
// the next frame, which reads the node again.
void InspectorPanel::drawNode(MapEditor& editor, MapCanvas& canvas, const model::Node& node,
                              Notices& notices) {
    ImGui::TextDisabled("%s  \xC2\xB7  %s", kindName(node.kind), node.key.c_str());
    if (editLabel(editor, node, notices)) return;
    if (node.kind == model::NodeKind::Activity && editCode(editor, node, notices)) return;
    if ((node.kind == model::NodeKind::Activity || node.kind == model::NodeKind::Decision) &&
        editLane(editor, node, notices))
        return;
    ImGui::TextDisabled("Position  %.0f, %.0f   size %.0f \xC3\x97 %.0f", node.x, node.y,
                        node.width, node.height);
    drawNodeProblems(canvas, node);
}

// How many threads the forum has on the node or arrow, and the way to them.
void InspectorPanel::drawThreads(const ForumView& forum, const ForumPlace& place,
                                 const char* what) {
    const std::size_t threads = forum.rows(place).size();
    ImGui::Spacing();
    if (threads == 0) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("No threads on this %s yet: start one in the Forum tab.", what);
        ImGui::PopTextWrapPos();
        return;
    }
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%zu %s on this %s", threads, threads == 1 ? "thread" : "threads", what);
    ImGui::SameLine();
    if (ImGui::Button(threads == 1 ? "Read it" : "Read them")) m_forumAsked = true;
    ScriptTargets::mark("inspector-threads");
}

bool InspectorPanel::editLabel(MapEditor& editor, const model::Node& node, Notices& notices) {
    ImGui::TextDisabled("Label");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##label", m_label.data(), m_label.size());
    if (!ImGui::IsItemDeactivatedAfterEdit() || node.label == m_label.data()) return false;
    const std::string key = node.key, text = m_label.data();
    attempt(notices, "Could not rename the node", [&] { editor.rename(key, text); });
    return true;
}

bool InspectorPanel::editCode(MapEditor& editor, const model::Node& node, Notices& notices) {
    ImGui::TextDisabled("Activity code");
    const auto& names = editor.session().activityNames();
    const auto current = names.find(node.activity);
    const std::string preview =
        node.activity.empty()
            ? "(none: cannot be matched with data)"
            : node.activity + (current != names.end() ? "  \xE2\x80\x94  " + current->second : "");
    ImGui::SetNextItemWidth(-1);
    if (!ImGui::BeginCombo("##code", preview.c_str(), ImGuiComboFlags_HeightLarge)) return false;
    if (ImGui::IsWindowAppearing()) {
        m_codeFilter.fill('\0');
        ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##codefilter", "Search codes and names", m_codeFilter.data(),
                             m_codeFilter.size());
    std::vector<std::pair<std::string, std::string>> sorted(names.begin(), names.end());
    std::sort(sorted.begin(), sorted.end());
    std::optional<std::string> chosen;
    if (ImGui::Selectable("(none)", node.activity.empty())) chosen = "";
    for (const auto& [code, name] : sorted) {
        if (!matches(code, m_codeFilter.data()) && !matches(name, m_codeFilter.data())) continue;
        const std::string row = code + "  \xE2\x80\x94  " + name;
        if (ImGui::Selectable(row.c_str(), code == node.activity)) chosen = code;
    }
    ImGui::EndCombo();
    if (!chosen || *chosen == node.activity) return false;
    const std::string key = node.key;
    attempt(notices, "Could not set the activity code", [&] { editor.setActivity(key, *chosen); });
    return true;
}

bool InspectorPanel::editLane(MapEditor& editor, const model::Node& node, Notices& notices) {
    ImGui::TextDisabled("Role (lane)");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##lane", "e.g. Radiologist", m_lane.data(), m_lane.size());
    if (!ImGui::IsItemDeactivatedAfterEdit() || node.lane == m_lane.data()) return false;
    const std::string key = node.key, text = m_lane.data();
    attempt(notices, "Could not set the role", [&] { editor.setLane(key, text); });
    return true;
}

void InspectorPanel::drawEdge(MapEditor& editor, const model::EdgeRef& edge, Notices& notices) {
    const model::MapContent& content = editor.session().content();
    const model::Node* from = content.findNodeByKey(edge.from);
    const model::Node* to = content.findNodeByKey(edge.to);
    if (!from || !to) return;
    ImGui::TextDisabled("Arrow");
    ImGui::TextWrapped("From \"%s\" to \"%s\"",
                       from->label.empty() ? from->key.c_str() : from->label.c_str(),
                       to->label.empty() ? to->key.c_str() : to->label.c_str());
    std::string label;
    for (const model::Edge& e : content.edges)
        if (e.from == from->id && e.to == to->id) label = e.label;
    ImGui::TextDisabled("Condition");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##condition",
                             from->kind == model::NodeKind::Decision ? "e.g. yes" : "",
                             m_label.data(), m_label.size());
    if (ImGui::IsItemDeactivatedAfterEdit() && label != m_label.data()) {
        const std::string text = m_label.data();
        attempt(notices, "Could not label the arrow", [&] { editor.setEdgeLabel(edge, text); });
    }
}

void InspectorPanel::drawMap(MapEditor& editor, MapCanvas& canvas, const Fonts& fonts) {
    const EditorSession& session = editor.session();
    const model::MapSummary* map = session.selected();
    if (!map) {
        ImGui::TextDisabled("No map is open.");
        return;
    }
    heading(fonts, map->name.c_str());
    ImGui::TextDisabled("%s  \xC2\xB7  %s  \xC2\xB7  %s",
                        map->trustCode.empty() ? "Network-wide" : map->trustCode.c_str(),
                        map->processName.c_str(), model::toText(map->status).c_str());
    ImGui::TextDisabled("%d nodes, %d arrows", map->nodeCount, map->edgeCount);

    if (m_versionsOf != map->id || m_versionsRevision != session.contentRevision()) {
        m_versions = session.workspace().versions(map->id);
        m_versionsOf = map->id;
        m_versionsRevision = session.contentRevision();
    }
    ImGui::Spacing();
    heading(fonts, "Versions");
    if (ImGui::BeginTable("versions", 3,
                          ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("Published");
        ImGui::TableSetupColumn("Hash");
        for (auto it = m_versions.rbegin(); it != m_versions.rend(); ++it) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("v%d", it->number);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(it->published ? it->publishedAt.substr(0, 16).c_str() : "draft");
            ImGui::TableNextColumn();
            const std::string shortHash = it->hash.substr(0, 12);
            ImGui::TextUnformatted(shortHash.c_str());
            if (ImGui::IsItemHovered() && !it->hash.empty())
                ImGui::SetTooltip("%s", it->hash.c_str());
        }
        ImGui::EndTable();
    }

    ImGui::Spacing();
    heading(fonts, "Problems");
    if (canvas.problems().empty()) {
        ImGui::TextColored(ImVec4(0.18f, 0.49f, 0.31f, 1), "None: the map is complete.");
        return;
    }
    ImGui::TextDisabled("Click one to find it on the map.");
    for (std::size_t i = 0; i < canvas.problems().size(); ++i) {
        const model::Problem& p = canvas.problems()[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushTextWrapPos(0);
        if (ImGui::Selectable(p.message.c_str(), false) && p.node) canvas.reveal(editor, p.node);
        ImGui::PopTextWrapPos();
        ImGui::PopID();
    }
}

void InspectorPanel::draw(MapEditor& editor, MapCanvas& canvas, const ForumView& forum,
                          const Fonts& fonts, Notices& notices) {
    const Selection& selection = editor.selection();
    const model::MapContent& content = editor.session().content();
    std::string target;
    if (selection.nodes.size() == 1 && selection.edges.empty())
        target = "node:" + selection.nodes.front();
    else if (selection.nodes.empty() && selection.edges.size() == 1)
        target = "edge:" + selection.edges.front().from + ">" + selection.edges.front().to;

    // Refill the fields when what they show changed, unless one is being typed in.
    if ((target != m_fieldsFor || m_fieldsRevision != editor.session().contentRevision()) &&
        !ImGui::IsAnyItemActive()) {
        m_fieldsFor = target;
        m_fieldsRevision = editor.session().contentRevision();
        m_label.fill('\0');
        m_lane.fill('\0');
        if (selection.nodes.size() == 1)
            if (const model::Node* n = content.findNodeByKey(selection.nodes.front())) {
                copyInto(m_label, n->label);
                copyInto(m_lane, n->lane);
            }
        if (selection.edges.size() == 1) {
            const model::Node* from = content.findNodeByKey(selection.edges.front().from);
            const model::Node* to = content.findNodeByKey(selection.edges.front().to);
            for (const model::Edge& e : content.edges)
                if (from && to && e.from == from->id && e.to == to->id) copyInto(m_label, e.label);
        }
    }

    if (target.starts_with("node:")) {
        const model::Node* n = content.findNodeByKey(selection.nodes.front());
        if (n) {
            const model::Node copy = *n; // the map may change under a command below
            drawNode(editor, canvas, copy, notices);
            drawThreads(forum, {ForumPlace::Kind::Node, copy.key, {}}, "step");
        }
    } else if (target.starts_with("edge:")) {
        const model::EdgeRef edge = selection.edges.front();
        drawEdge(editor, edge, notices);
        drawThreads(forum, {ForumPlace::Kind::Edge, edge.from, edge.to}, "arrow");
    } else if (!selection.empty()) {
        heading(fonts,
                (std::to_string(selection.nodes.size() + selection.edges.size()) + " selected")
                    .c_str());
        ImGui::TextDisabled("Delete, copy or move them together; Ctrl+L lays out the map.");
    } else {
        drawMap(editor, canvas, fonts);
    }
}

} // namespace strawman::editor
