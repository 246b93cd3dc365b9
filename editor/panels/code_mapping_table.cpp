#include "code_mapping_table.h"

#include "data_widgets.h"
#include "theme.h"

#include "model/events/code_mapper.h"
#include "model/store/event_store.h"
#include "model/store/workspace.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>

namespace strawman::editor {

namespace {

std::string activityLabel(const std::string& code, const std::vector<model::Activity>& vocabulary) {
    for (const model::Activity& a : vocabulary)
        if (a.code == code) return a.code + " \xC2\xB7 " + a.name;
    return code;
}

MappingTarget targetOf(const CodeRow& row) {
    if (row.unmapped) return {};
    if (!row.activity) return {MappingTarget::Kind::Ignored, {}};
    return {MappingTarget::Kind::Activity, *row.activity};
}

constexpr const char* kUnmappedHelp =
    "No mapping: an import refuses a file that uses this code, or, told to go on "
    "(--unmapped ignore), leaves its events out and counts them.";
constexpr const char* kIgnoredHelp =
    "Imports leave events with this code out on purpose, and count them.";

// The activity combo of a code: "(unmapped)" (when offered), "(ignored)", then
// the network vocabulary. Returns the target picked this frame, if it differs.
std::optional<MappingTarget> mappingCombo(const char* id, const MappingTarget& current,
                                          const std::vector<model::Activity>& vocabulary,
                                          const char* noTargetLabel, bool offerUnmapped) {
    std::string preview = noTargetLabel;
    if (current.kind == MappingTarget::Kind::Ignored) preview = "(ignored)";
    if (current.kind == MappingTarget::Kind::Activity)
        preview = activityLabel(current.activity, vocabulary);

    const bool warn = offerUnmapped && current.kind == MappingTarget::Kind::Unmapped;
    if (warn) ImGui::PushStyleColor(ImGuiCol_Text, colour::hintText);
    const bool open = ImGui::BeginCombo(id, preview.c_str(), ImGuiComboFlags_HeightLarge);
    if (warn) ImGui::PopStyleColor();
    if (!open) return std::nullopt;

    std::optional<MappingTarget> picked;
    const auto item = [&](const MappingTarget& target, const std::string& label, const char* help) {
        const bool selected = target == current;
        if (ImGui::Selectable(label.c_str(), selected) && !selected) picked = target;
        if (help && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", help);
        if (selected) ImGui::SetItemDefaultFocus();
    };
    if (offerUnmapped) item({}, "(unmapped)", kUnmappedHelp);
    item({MappingTarget::Kind::Ignored, {}}, "(ignored)", kIgnoredHelp);
    ImGui::Separator();
    for (const model::Activity& a : vocabulary)
        item({MappingTarget::Kind::Activity, a.code}, a.code + " \xC2\xB7 " + a.name, nullptr);
    ImGui::EndCombo();
    return picked;
}

std::string importIdsText(const std::vector<model::ImportId>& ids) {
    std::string out = ids.size() == 1 ? "import " : "imports ";
    for (std::size_t i = 0; i < ids.size(); ++i)
        out += (i ? ", " : "") + std::to_string(ids[i].value);
    return out;
}

// What a code's events went through, on hover of the code: why some were left
// out, and how to bring them in.
void codeTooltip(const CodeRow& row) {
    const std::string from = importIdsText(row.importsLeavingOut);
    if (row.localCode.empty())
        ImGui::SetTooltip("%s events had no code in %s. Correct them in the file.",
                          counted(row.eventsLeftOut).c_str(), from.c_str());
    else if (row.unmapped)
        ImGui::SetTooltip("No mapping: %s events with this code were left out of %s.\nMap it, then "
                          "import the file again, to bring them in.",
                          counted(row.eventsLeftOut).c_str(), from.c_str());
    else if (row.ignored())
        ImGui::SetTooltip("%s", kIgnoredHelp);
    else if (row.eventsLeftOut > 0)
        ImGui::SetTooltip("%s events with this code were left out of %s, before it was mapped "
                          "so.\nRemove that import and import the file again to bring them in.",
                          counted(row.eventsLeftOut).c_str(), from.c_str());
}

model::CodeMappingChange toChange(const MappingTarget& target) {
    switch (target.kind) {
    case MappingTarget::Kind::Activity:
        return model::CodeMappingChange::mapTo(target.activity);
    case MappingTarget::Kind::Ignored:
        return model::CodeMappingChange::ignore();
    case MappingTarget::Kind::Unmapped:
        break;
    }
    return model::CodeMappingChange::unset();
}

} // namespace

// [SECTION] Drawing

void CodeMappingTable::draw(const TrustData& data, const std::vector<model::Activity>& vocabulary,
                            const Fonts& fonts) {
    drawSummary(data.codes, fonts);
    drawTable(data.codes, vocabulary);
    drawAddMapping(data.mappings, vocabulary);
}

void CodeMappingTable::drawSummary(const std::vector<CodeRow>& codes, const Fonts& fonts) {
    heading(fonts, "Local codes");
    std::size_t unmapped = 0;
    std::int64_t leftOut = 0;
    for (const CodeRow& row : codes)
        if (row.unmapped) {
            ++unmapped;
            leftOut += row.eventsLeftOut;
        }
    if (unmapped > 0)
        pill(fonts,
             std::to_string(unmapped) +
                 (unmapped == 1 ? " unmapped code \xC2\xB7 " : " unmapped codes \xC2\xB7 ") +
                 counted(leftOut) + (leftOut == 1 ? " event left out" : " events left out"),
             colour::hintFill, colour::hintText, true);
    // Where mapping happens decides what a change does to data already stored.
    wrappedHelp(
        "Codes are mapped as a file is imported. A change here is saved at once and applies from "
        "the "
        "next import: events already stored keep the activity they were given, and the diff reads "
        "them so. To apply a change to an import, remove it and import its file again.");
}

void CodeMappingTable::drawTable(const std::vector<CodeRow>& codes,
                                 const std::vector<model::Activity>& vocabulary) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float addRow = ImGui::GetFrameHeightWithSpacing() + style.ItemSpacing.y;
    const float minimum = ImGui::GetFrameHeight() * 6;
    const float height = std::max(minimum, ImGui::GetContentRegionAvail().y - addRow);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("codes", 3, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Local code", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Network activity", ImGuiTableColumnFlags_WidthStretch, 1.8f);
    ImGui::TableSetupColumn("Left out", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::CalcTextSize("Left out").x + 2 * style.CellPadding.x);
    headerRow({{"Local code", "The trust's own RIS status code or text."},
               {"Network activity", "The network code it means. Changes are saved at once."},
               {"Left out", "Events with this code that the stored imports left out (unmapped or "
                            "ignored then). Events imported under a mapping are stored under their "
                            "network activity and not counted by code."}});
    if (codes.empty()) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextDisabled("no codes mapped or met yet");
    }
    for (const CodeRow& row : codes) drawRow(row, vocabulary);
    ImGui::EndTable();
}

void CodeMappingTable::drawRow(const CodeRow& row, const std::vector<model::Activity>& vocabulary) {
    ImGui::PushID(row.localCode.c_str());
    ImGui::TableNextRow();
    if (row.unmapped) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, colour::hintFill);

    ImGui::TableSetColumnIndex(0);
    ImGui::AlignTextToFramePadding();
    if (row.localCode.empty())
        ImGui::TextDisabled("(blank)");
    else
        ImGui::TextUnformatted(row.localCode.c_str());
    if (ImGui::IsItemHovered()) codeTooltip(row);

    ImGui::TableSetColumnIndex(1);
    ImGui::SetNextItemWidth(-FLT_MIN);
    ImGui::BeginDisabled(row.localCode.empty()); // a blank code cannot be mapped
    if (auto picked = mappingCombo("##activity", targetOf(row), vocabulary, "(unmapped)", true))
        m_change = Change{row.localCode, std::move(*picked)};
    ImGui::EndDisabled();

    ImGui::TableSetColumnIndex(2);
    ImGui::AlignTextToFramePadding();
    if (row.eventsLeftOut > 0)
        ImGui::TextUnformatted(counted(row.eventsLeftOut).c_str());
    else
        ImGui::TextDisabled("\xE2\x80\x93");
    ImGui::PopID();
}

void CodeMappingTable::drawAddMapping(const std::vector<model::CodeMapping>& mappings,
                                      const std::vector<model::Activity>& vocabulary) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float button = ImGui::CalcTextSize("Add").x + 2 * style.FramePadding.x;
    const float fields = ImGui::GetContentRegionAvail().x - button - 2 * style.ItemSpacing.x;
    ImGui::SetNextItemWidth(fields * 0.4f);
    const bool entered =
        ImGui::InputTextWithHint("##newCode", "local code", m_newCode.data(), m_newCode.size(),
                                 ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(fields * 0.6f);
    if (auto picked = mappingCombo("##newActivity", m_newTarget, vocabulary,
                                   "network activity\xE2\x80\xA6", false))
        m_newTarget = std::move(*picked);
    ImGui::SameLine();
    const std::string code = model::trimmedCode(m_newCode.data());
    const bool ready = !code.empty() && m_newTarget.kind != MappingTarget::Kind::Unmapped;
    ImGui::BeginDisabled(!ready);
    const bool add = ImGui::Button("Add");
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        const bool known =
            std::any_of(mappings.begin(), mappings.end(),
                        [&](const model::CodeMapping& m) { return m.localCode == code; });
        ImGui::SetTooltip("%s", !ready  ? "Type a local code and choose its network activity."
                                : known ? "This code is mapped already: Add changes its mapping."
                                        : "Map this local code; imports from now on use it.");
    }
    if (ready && (add || entered)) {
        m_change = Change{code, m_newTarget};
        m_newCode.fill('\0');
        m_newTarget = {};
    }
}

// [SECTION] Writing

bool CodeMappingTable::carryOut(EditorSession& session, Notices& notices, model::TrustId trust) {
    if (!m_change) return true;
    const Change change = std::move(*m_change);
    m_change.reset();
    return changeWorkspace(
        session, notices, "Could not change the mapping of \"" + change.localCode + "\"",
        [&](model::Workspace& ws) {
            ws.events().changeCodeMapping(trust, change.localCode, toChange(change.target));
        });
}

} // namespace strawman::editor
