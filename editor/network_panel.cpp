#include "network_panel.h"

#include "theme.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
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
        while (i > 0 && (static_cast<unsigned char>(cut[i]) & 0xC0) == 0x80)
            --i;
        cut.erase(i);
    }
    return cut + "\xE2\x80\xA6";
}

// One map: its name, and under it a status pill and the version, in a
// two-line selectable row.
void mapRow(const EditorSession& session, const model::MapSummary& map, const Fonts& fonts,
            std::optional<model::MapId>& clicked) {
    ImGui::PushID(static_cast<int>(map.id.value));
    const float line = ImGui::GetTextLineHeight();
    const bool selected = session.selected() && session.selected()->id == map.id;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    if (ImGui::Selectable("##map", selected, 0, ImVec2(0, 2 * line + 6))) clicked = map.id;
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
    ImGui::PopID();
}

// Maps grouped by process name, in name order.
std::map<std::string, std::vector<const model::MapSummary*>>
byProcess(const std::vector<const model::MapSummary*>& maps) {
    std::map<std::string, std::vector<const model::MapSummary*>> groups;
    for (const auto* m : maps)
        groups[m->processName].push_back(m);
    return groups;
}

void processTree(const EditorSession& session, const std::vector<const model::MapSummary*>& maps,
                 const Fonts& fonts, std::optional<model::MapId>& clicked) {
    for (const auto& [process, list] : byProcess(maps)) {
        ImGui::SetNextItemOpen(true, ImGuiCond_Once);
        if (ImGui::TreeNodeEx(process.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth)) {
            for (const auto* m : list)
                mapRow(session, *m, fonts, clicked);
            ImGui::TreePop();
        }
    }
}

} // namespace

std::optional<model::MapId> drawNetworkPanel(const EditorSession& session, const Fonts& fonts) {
    std::optional<model::MapId> clicked;
    ImGui::PushFont(fonts.uiBold);
    ImGui::TextUnformatted("Network");
    ImGui::PopFont();
    ImGui::TextDisabled("%s", session.workspace().path().filename().c_str());
    ImGui::Separator();

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
            processTree(session, network, fonts, clicked);
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
                processTree(session, it->second, fonts, clicked);
            else
                ImGui::TextDisabled("no maps yet");
            ImGui::TreePop();
        }
        ImGui::PopID();
    }

    if (session.trusts().empty() && session.maps().empty())
        ImGui::TextWrapped("This workspace has no trusts or maps yet.");
    return clicked;
}

} // namespace strawman::editor
