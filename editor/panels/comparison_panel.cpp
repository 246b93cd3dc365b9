#include "comparison_panel.h"

#include "script_targets.h"
#include "standards_panel.h"

#include "editor/geometry/diff_overlay.h"

#include "model/core/error.h"

#include <imgui.h>

#include <cstdio>
#include <string>
#include <vector>

namespace strawman::editor {

namespace {

// A cell a rule standard: the trust's value and whether it keeps the limit.
void drawStandings(const Fonts& fonts, const StandardsCache& standards,
                   const std::vector<const forum::StandardView*>& rules, const std::string& trust) {
    for (const forum::StandardView* rule : rules) {
        ImGui::TableNextColumn();
        const forum::StandardCheck* check = standards.check(rule->record.id, trust);
        if (!check) {
            if (standards.checking()) ImGui::TextDisabled("checking\xE2\x80\xA6");
            continue;
        }
        const forum::RuleValue& v = check->check.overall;
        ImGui::TextUnformatted(measuredText(check->rule, v).c_str());
        ImGui::SameLine();
        standingPill(fonts, standingOf(v));
    }
}

} // namespace

void ComparisonPanel::run(const EditorSession& session) {
    const model::MapSummary* map = session.selected();
    if (!map) throw model::Error("open a map of the process first");
    // Its own connection, as the diff has: the events are read in bulk.
    const model::Workspace ws = model::Workspace::open(session.workspace().path());
    m_rows = model::compareTrusts(ws, map->process,
                                  m_againstShown ? std::optional(map->id) : std::nullopt, {}, {});
    m_process = map->process;
}

std::optional<model::MapId> ComparisonPanel::draw(const EditorSession& session, const Fonts& fonts,
                                                  Notices& notices, StandardsCache& standards) {
    std::optional<model::MapId> open;
    const model::MapSummary* map = session.selected();
    heading(fonts, map ? map->processName.c_str() : "No process");
    ImGui::SameLine();
    ImGui::BeginDisabled(!map);
    const bool compare =
        ImGui::SmallButton(m_rows.empty() ? "Compare the trusts" : "Compare again");
    ScriptTargets::mark("compare-trusts");
    if (compare) attempt(notices, "Could not compare the trusts", [&] { run(session); });
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::Checkbox("every trust against the shown map", &m_againstShown);
    if (map && m_process && *m_process != map->process)
        ImGui::TextDisabled("The table is of another process: compare again.");
    if (m_rows.empty()) {
        ImGui::TextDisabled("Each trust's data against its own straw man, side by side.");
        return open;
    }
    const std::vector<const forum::StandardView*> rules =
        m_process ? ruleStandardsOf(standards.standards(), *m_process)
                  : std::vector<const forum::StandardView*>{};
    if (!rules.empty()) standards.wantChecks();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY;
    if (!ImGui::BeginTable("trusts", 6 + static_cast<int>(rules.size()), flags)) return open;
    ImGui::TableSetupScrollFreeze(0, 1);
    // The short columns keep their words whole; the map and the departures share the rest.
    ImGui::TableSetupColumn("Trust", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Map");
    ImGui::TableSetupColumn("Cases", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Fit the map", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Log fitness", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Departs most at");
    // A standard's column is headed by its rule, what it measures, and as wide as
    // its value and standing; its title on hover.
    std::vector<std::string> ruleHeads;
    for (const forum::StandardView* rule : rules) ruleHeads.push_back(forum::ruleText(*rule->rule));
    for (const std::string& head : ruleHeads)
        ImGui::TableSetupColumn(head.c_str(), ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int i = 0; i < 6 + static_cast<int>(rules.size()); ++i) {
        ImGui::TableSetColumnIndex(i);
        ImGui::TableHeader(ImGui::TableGetColumnName(i));
        if (i >= 6 && ImGui::IsItemHovered()) {
            const forum::StandardView& rule = *rules[static_cast<std::size_t>(i - 6)];
            ImGui::SetTooltip("Agreed standard: %s\n%s", rule.title().c_str(),
                              adoptedText(rule, session.maps()).c_str());
        }
    }
    for (const model::TrustComparisonRow& row : m_rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(row.trust.c_str());
        if (ImGui::Selectable(row.trust.c_str(), false, ImGuiSelectableFlags_SpanAllColumns) &&
            row.map)
            open = row.map;
        if (ImGui::IsItemHovered() && row.map) ImGui::SetTooltip("Open %s", row.mapName.c_str());
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.mapName.c_str());
        if (!row.problem.empty()) {
            ImGui::TableNextColumn();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", row.problem.c_str());
            ImGui::TableSetColumnIndex(5);
            drawStandings(fonts, standards, rules, row.trust);
            continue;
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(formatCount(row.cases).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.cases ? formatShare(row.percentageFitting / 100).c_str() : "");
        ImGui::TableNextColumn();
        char fitness[16];
        std::snprintf(fitness, sizeof fitness, "%.3f", row.logFitness);
        ImGui::TextUnformatted(row.cases ? fitness : "");
        ImGui::TableNextColumn();
        std::string top;
        for (const auto& d : row.topDeviations) {
            const std::int64_t n = std::max(d.skipped, d.inserted);
            top += (top.empty() ? "" : ",  ") + d.activity +
                   (d.skipped >= d.inserted ? " skipped " : " extra ") +
                   formatShare(row.cases ? static_cast<double>(n) / static_cast<double>(row.cases)
                                         : 0);
        }
        ImGui::TextUnformatted(top.c_str());
        drawStandings(fonts, standards, rules, row.trust);
    }
    ImGui::EndTable();
    return open;
}

} // namespace strawman::editor
