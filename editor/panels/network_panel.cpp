#include "network_panel.h"

#include "script_targets.h"
#include "shortcuts.h"
#include "standards_panel.h"
#include "text_field.h"
#include "theme.h"

#include "model/core/error.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstring>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace strawman::editor {

namespace {

using model::MapStatus;

struct StatusStyle {
    ImU32 fill, text;
};

// A status is a word and a colour, so it can be read across the room and told
// apart at a glance: agreed green, proposed blue, straw man amber.
StatusStyle statusStyle(MapStatus status) {
    switch (status) {
    case MapStatus::Draft:
        return {rgba(229, 232, 236), rgba(72, 84, 96)};
    case MapStatus::StrawMan:
        return {rgba(253, 236, 200), rgba(125, 84, 0)};
    case MapStatus::Proposed:
        return {rgba(214, 228, 250), rgba(25, 80, 160)};
    case MapStatus::Agreed:
        return {rgba(212, 239, 220), rgba(30, 110, 60)};
    case MapStatus::Retired:
        return {rgba(240, 240, 240), rgba(140, 140, 140)};
    }
    return {rgba(229, 232, 236), rgba(72, 84, 96)};
}

// `text` cut to fit `width` at `size`, ending in an ellipsis when it was cut.
std::string fitted(const ImFont* font, float size, const std::string& text, float width) {
    const auto measure = [&](const std::string& t) {
        return font->CalcTextSizeA(size, FLT_MAX, 0, t.c_str()).x;
    };
    if (measure(text) <= width) return text;
    std::string cut = text;
    while (!cut.empty() && measure(cut + "\xE2\x80\xA6") > width) {
        std::size_t i = cut.size() - 1; // drop one whole UTF-8 character
        while (i > 0 && (static_cast<unsigned char>(cut[i]) & 0xC0) == 0x80) --i;
        cut.erase(i);
    }
    return cut + "\xE2\x80\xA6";
}

// One map: its name, and under it a status pill and the version, in a
// two-line selectable row.
void mapRow(const EditorSession& session, const model::MapSummary& map, const Fonts& fonts,
            const StandardBadge& badge, std::optional<model::MapId>& clicked,
            const std::function<void(const model::MapSummary&)>& menu) {
    ImGui::PushID(static_cast<int>(map.id.value));
    const float line = ImGui::GetTextLineHeight();
    const bool selected = session.selected() && session.selected()->id == map.id;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    // A map standard takes a third line for its badge: the panel is too narrow
    // to put it beside the version and still read it.
    const float rows = badge.empty() ? 2.0f : 3.0f;
    if (ImGui::Selectable("##map", selected, 0, ImVec2(0, rows * line + 6 + (rows - 2) * 4)))
        clicked = map.id;
    if (ImGui::BeginPopupContextItem("map-menu")) {
        menu(map);
        ImGui::EndPopup();
    }
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s\n%s, version %d%s", map.name.c_str(), map.processName.c_str(),
                          map.versionNumber, map.published ? " (published)" : " (draft)");

    ImDrawList& dl = *ImGui::GetWindowDrawList();
    const float size = ImGui::GetFontSize();
    const ImVec2 namePos(pos.x + 2, pos.y + 2);
    const float nameWidth = ImGui::GetItemRectMax().x - namePos.x - 4;
    dl.AddText(fonts.ui, size, namePos, ImGui::GetColorU32(ImGuiCol_Text),
               fitted(fonts.ui, size, map.name, nameWidth).c_str());

    const std::string status = model::toText(map.status);
    const float small = size * 0.85f;
    const ImVec2 st = fonts.ui->CalcTextSizeA(small, FLT_MAX, 0, status.c_str());
    const StatusStyle style = statusStyle(map.status);
    const ImVec2 pillMin(pos.x + 2, pos.y + line + 5);
    const ImVec2 pillMax(pillMin.x + st.x + 10, pillMin.y + st.y + 1);
    dl.AddRectFilled(pillMin, pillMax, style.fill, st.y);
    dl.AddText(fonts.ui, small, ImVec2(pillMin.x + 5, pillMin.y), style.text, status.c_str());
    const std::string version = "v" + std::to_string(map.versionNumber) +
                                (map.published ? "  published" : "") + "  \xC2\xB7  " +
                                std::to_string(map.nodeCount) + " nodes";
    dl.AddText(fonts.ui, small, ImVec2(pillMax.x + 8, pillMin.y),
               ImGui::GetColorU32(ImGuiCol_TextDisabled), version.c_str());
    if (!badge.empty()) {
        const ImVec2 after = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(ImVec2(pos.x + 2, pillMax.y + 4));
        badgePill(fonts, badge, 0.85f);
        ImGui::SetCursorScreenPos(after);
        ImGui::Dummy(ImVec2(0, 0));
    }
    ImGui::PopID();
}

// Maps grouped by process name, in name order.
std::map<std::string, std::vector<const model::MapSummary*>>
byProcess(const std::vector<const model::MapSummary*>& maps) {
    std::map<std::string, std::vector<const model::MapSummary*>> groups;
    for (const auto* m : maps) groups[m->processName].push_back(m);
    return groups;
}

void processTree(const EditorSession& session, const std::vector<const model::MapSummary*>& maps,
                 const std::vector<forum::StandardView>& standards, const Fonts& fonts,
                 std::optional<model::MapId>& clicked,
                 const std::function<void(const model::MapSummary&)>& menu,
                 const std::function<void(const model::MapSummary&)>& versions) {
    for (const auto& [process, list] : byProcess(maps)) {
        ImGui::SetNextItemOpen(true, ImGuiCond_Once);
        const bool open = ImGui::TreeNodeEx(process.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth);
        // The process has a network standard: every trust's straw man of it is
        // held against that.
        if (hasMapStandard(standards, list.front()->process)) {
            ImGui::SameLine();
            badgePill(fonts, {"standard", true}, 0.85f);
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("The network has agreed a map of this process as its standard");
        }
        if (open) {
            for (const auto* m : list) {
                mapRow(session, *m, fonts, standardBadge(standards, *m), clicked, menu);
                if (session.selected() && session.selected()->id == m->id) versions(*m);
            }
            ImGui::TreePop();
        }
    }
}

constexpr model::MapStatus kStatuses[] = {model::MapStatus::Draft, model::MapStatus::StrawMan,
                                          model::MapStatus::Proposed, model::MapStatus::Agreed,
                                          model::MapStatus::Retired};

} // namespace

void NetworkPanel::mapMenu(const EditorSession& session, const model::MapSummary& map) {
    ImGui::TextDisabled("%s", map.name.c_str());
    ImGui::Separator();
    if (ImGui::MenuItem("Open")) m_chosen = map.id;
    const bool shown = session.selected() && session.selected()->id == map.id;
    if (ImGui::MenuItem("Show beside the open map", nullptr, false, !shown && session.selected()))
        m_beside = map.id;
    if (ImGui::MenuItem("Rename\xE2\x80\xA6")) {
        m_dialog = Dialog::Rename;
        m_dialogOpening = true;
        m_dialogMap = map.id;
        copyInto(m_name, map.name);
    }
    if (ImGui::MenuItem("Duplicate\xE2\x80\xA6")) {
        m_dialog = Dialog::Duplicate;
        m_dialogOpening = true;
        m_dialogMap = map.id;
        m_trustChoice = 0;
        for (std::size_t i = 0; i < session.trusts().size(); ++i)
            if (map.trust == session.trusts()[i].id) m_trustChoice = static_cast<int>(i + 1);
        copyInto(m_name, map.name + " (copy)");
    }
    if (ImGui::MenuItem("Export\xE2\x80\xA6", shown ? "Ctrl+E" : nullptr)) m_export = map.id;
    ScriptTargets::mark("map-menu-export");
    ImGui::Separator();
    const model::MapId id = map.id;
    if (ImGui::MenuItem("Publish this version", nullptr, false, !map.published))
        m_pending = [id](EditorSession& s) { s.publishMap(id); };
    if (ImGui::BeginMenu("Status")) {
        for (model::MapStatus status : kStatuses)
            if (ImGui::MenuItem(model::toText(status).c_str(), nullptr, map.status == status))
                m_pending = [id, status](EditorSession& s) { s.setMapStatus(id, status); };
        ImGui::EndMenu();
    }
}

void NetworkPanel::drawVersions(const EditorSession& session, const model::MapSummary& map) {
    // Read once per map and change, not every frame.
    const std::uint64_t revision =
        session.workspaceRevision() * 1'000'003 + session.contentRevision();
    if (m_versionsOf != map.id || m_versionsRevision != revision) {
        m_versions = session.workspace().versions(map.id);
        m_versionsOf = map.id;
        m_versionsRevision = revision;
    }
    if (m_versions.size() < 2 && !map.published) return; // a first draft says it all already
    ImGui::Indent(14);
    for (auto it = m_versions.rbegin(); it != m_versions.rend(); ++it) {
        if (it->published) {
            // "sha256:ab12…": the digits are what people compare.
            const std::string digits = it->hash.substr(it->hash.find(':') + 1, 8);
            ImGui::TextDisabled("v%d  published %s  %s", it->number,
                                it->publishedAt.substr(0, 10).c_str(), digits.c_str());
        } else {
            ImGui::TextDisabled("v%d  draft", it->number);
        }
        if (ImGui::IsItemHovered() && !it->hash.empty())
            ImGui::SetTooltip("content hash %s", it->hash.c_str());
    }
    ImGui::Unindent(14);
}

const char* NetworkPanel::dialogTitle() const {
    return m_dialog == Dialog::NewMap       ? "New map"
           : m_dialog == Dialog::NewProcess ? "New process"
           : m_dialog == Dialog::Rename     ? "Rename map"
                                            : "Duplicate map";
}

void NetworkPanel::drawDialogs(EditorSession& session, Notices& notices) {
    if (m_dialog == Dialog::None) return;
    const char* title = dialogTitle();
    if (m_dialogOpening) {
        ImGui::OpenPopup(title);
        m_dialogOpening = false;
    }
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 3), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        m_dialog = Dialog::None;
        return;
    }
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
    const bool enter = ImGui::InputText("Name", m_name.data(), m_name.size(),
                                        ImGuiInputTextFlags_EnterReturnsTrue);
    if (m_dialog == Dialog::NewMap || m_dialog == Dialog::Duplicate) drawTrustChoice(session);
    if (m_dialog == Dialog::NewMap) drawProcessChoice(session);
    if (m_dialog == Dialog::Duplicate && m_trustChoice > 0)
        ImGui::TextDisabled("The copy starts as that trust's straw man.");

    ImGui::Spacing();
    const bool ok = ImGui::Button("OK", ImVec2(110, 0)) || enter;
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel", ImVec2(110, 0)) || keyPressed(GLFW_KEY_ESCAPE);
    const std::string failure =
        m_dialog == Dialog::Rename ? "Could not rename the map" : "Could not create it";
    if (ok && attempt(notices, failure, [&] { carryOutDialog(session); })) {
        m_dialog = Dialog::None;
        ImGui::CloseCurrentPopup();
    } else if (cancel) {
        m_dialog = Dialog::None;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void NetworkPanel::drawTrustChoice(const EditorSession& session) {
    const auto& trusts = session.trusts();
    auto trustLabel = [&](int choice) {
        return choice == 0 ? std::string("Network-wide")
                           : trusts[static_cast<std::size_t>(choice - 1)].code + "  " +
                                 trusts[static_cast<std::size_t>(choice - 1)].name;
    };
    m_trustChoice = std::clamp(m_trustChoice, 0, static_cast<int>(trusts.size()));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
    if (ImGui::BeginCombo("For", trustLabel(m_trustChoice).c_str())) {
        for (int i = 0; i <= static_cast<int>(trusts.size()); ++i)
            if (ImGui::Selectable(trustLabel(i).c_str(), i == m_trustChoice)) m_trustChoice = i;
        ImGui::EndCombo();
    }
}

void NetworkPanel::drawProcessChoice(const EditorSession& session) {
    const auto& processes = session.processes();
    if (processes.empty()) {
        ImGui::TextDisabled("Add a process first.");
        return;
    }
    m_processChoice = std::clamp(m_processChoice, 0, static_cast<int>(processes.size()) - 1);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
    if (ImGui::BeginCombo("Process",
                          processes[static_cast<std::size_t>(m_processChoice)].name.c_str())) {
        for (int i = 0; i < static_cast<int>(processes.size()); ++i)
            if (ImGui::Selectable(processes[static_cast<std::size_t>(i)].name.c_str(),
                                  i == m_processChoice))
                m_processChoice = i;
        ImGui::EndCombo();
    }
}

void NetworkPanel::carryOutDialog(EditorSession& session) {
    const auto& trusts = session.trusts();
    const auto& processes = session.processes();
    const std::string name = m_name.data();
    const std::optional<model::TrustId> trust =
        m_trustChoice > 0 ? std::optional(trusts[static_cast<std::size_t>(m_trustChoice - 1)].id)
                          : std::nullopt;
    switch (m_dialog) {
    case Dialog::NewMap:
        if (processes.empty()) throw model::Error("add a process first");
        m_chosen =
            session.createMap(processes[static_cast<std::size_t>(m_processChoice)].id, trust, name);
        break;
    case Dialog::NewProcess:
        session.addProcess(name);
        break;
    case Dialog::Rename:
        session.renameMap(m_dialogMap, name);
        break;
    case Dialog::Duplicate:
        m_chosen = session.duplicateMap(
            m_dialogMap, trust, name, trust ? model::MapStatus::StrawMan : model::MapStatus::Draft);
        break;
    case Dialog::None:
        break;
    }
}

std::optional<model::MapId> NetworkPanel::draw(EditorSession& session, const Fonts& fonts,
                                               Notices& notices) {
    m_chosen.reset();
    std::optional<model::MapId> clicked;
    drawHeader(session, fonts);
    drawTree(session, fonts, clicked);
    if (session.trusts().empty() && session.maps().empty())
        ImGui::TextWrapped("This workspace has no trusts or maps yet.");

    // The tree is drawn: now the lists it walked may change.
    if (m_pending) {
        auto pending = std::move(m_pending);
        m_pending = nullptr;
        attempt(notices, "Could not change the map", [&] { pending(session); });
    }
    drawDialogs(session, notices);
    if (clicked) return clicked;
    return m_chosen;
}

void NetworkPanel::drawHeader(const EditorSession& session, const Fonts& fonts) {
    heading(fonts, "Network");
    ImGui::TextDisabled("%s", session.workspace().path().filename().c_str());
    if (ImGui::SmallButton("New map")) {
        m_dialog = Dialog::NewMap;
        m_dialogOpening = true;
        copyInto(m_name, "");
        m_trustChoice = 0;
        if (const model::MapSummary* shown = session.selected())
            for (std::size_t i = 0; i < session.processes().size(); ++i)
                if (session.processes()[i].id == shown->process)
                    m_processChoice = static_cast<int>(i);
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("New process")) {
        m_dialog = Dialog::NewProcess;
        m_dialogOpening = true;
        copyInto(m_name, "");
    }
    ImGui::Separator();
}

void NetworkPanel::drawTree(const EditorSession& session, const Fonts& fonts,
                            std::optional<model::MapId>& clicked) {
    static const std::vector<forum::StandardView> kNone;
    const std::vector<forum::StandardView>& standards =
        m_standards ? m_standards->standards() : kNone;
    const auto menu = [&](const model::MapSummary& m) { mapMenu(session, m); };
    const auto versions = [&](const model::MapSummary& m) { drawVersions(session, m); };
    std::vector<const model::MapSummary*> network;
    std::map<std::int64_t, std::vector<const model::MapSummary*>> byTrust;
    for (const auto& m : session.maps()) {
        if (m.trust)
            byTrust[m.trust->value].push_back(&m);
        else
            network.push_back(&m);
    }

    // Network-wide maps (the standard) first: they are what every trust is compared with.
    if (!network.empty()) {
        ImGui::SetNextItemOpen(true, ImGuiCond_Once);
        ImGui::PushFont(fonts.uiBold);
        const bool open = ImGui::TreeNodeEx("Network##network", ImGuiTreeNodeFlags_SpanAvailWidth);
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::TextDisabled("network-wide maps");
        if (open) {
            processTree(session, network, standards, fonts, clicked, menu, versions);
            ImGui::TreePop();
        }
    }

    for (const auto& trust : session.trusts()) {
        ImGui::PushID(static_cast<int>(trust.id.value));
        const auto it = byTrust.find(trust.id.value);
        const bool hasMaps = it != byTrust.end();
        ImGui::SetNextItemOpen(hasMaps, ImGuiCond_Once);
        ImGui::PushFont(fonts.uiBold);
        const bool open = ImGui::TreeNodeEx("##trust", ImGuiTreeNodeFlags_SpanAvailWidth, "%s",
                                            trust.code.c_str());
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::TextDisabled("%s", trust.name.c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s  %s", trust.code.c_str(), trust.name.c_str());
        if (open) {
            if (hasMaps)
                processTree(session, it->second, standards, fonts, clicked, menu, versions);
            else
                ImGui::TextDisabled("no maps yet");
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
}

} // namespace strawman::editor
