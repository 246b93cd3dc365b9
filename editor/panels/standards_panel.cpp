#include "standards_panel.h"

#include "data_widgets.h"
#include "theme.h"

#include "editor/geometry/diff_overlay.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

namespace strawman::editor {

namespace {

struct PillStyle {
    ImU32 fill, ink, border;
};

PillStyle standingStyle(Standing standing) {
    switch (standing) {
    case Standing::Compliant:
        return {colour::standardKeptFill, colour::standardKeptText, colour::standardKeptText};
    case Standing::NotCompliant:
        return {colour::standardBrokenFill, colour::standardBrokenText, colour::standardBrokenFill};
    case Standing::NoCases:
        return {colour::standardNoneFill, colour::standardNoneText, colour::standardNoneFill};
    }
    return {colour::standardNoneFill, colour::standardNoneText, colour::standardNoneFill};
}

// A word on a rounded fill with a border, in the panels' bold type at `scale`,
// as an item at the cursor, centred on the line.
void pillItem(const Fonts& fonts, const std::string& text, PillStyle style, float scale) {
    const float size = ImGui::GetFontSize() * scale;
    const ImVec2 extent = fonts.uiBold->CalcTextSizeA(size, FLT_MAX, 0, text.c_str());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float pad = 0.45f * size; // as pillWidth counts it
    const float height = std::max(ImGui::GetTextLineHeight(), extent.y + 4);
    const ImVec2 min(pos.x, pos.y + (height - extent.y - 4) / 2);
    const ImVec2 max(min.x + extent.x + 2 * pad, min.y + extent.y + 4);
    ImDrawList& dl = *ImGui::GetWindowDrawList();
    dl.AddRectFilled(min, max, style.fill, extent.y / 2);
    dl.AddRect(min, max, style.border, extent.y / 2);
    dl.AddText(fonts.uiBold, size, ImVec2(min.x + pad, min.y + 2), style.ink, text.c_str());
    ImGui::Dummy(ImVec2(max.x - pos.x, height));
}

float pillWidth(const Fonts& fonts, const std::string& text, float scale) {
    const float size = ImGui::GetFontSize() * scale;
    return fonts.uiBold->CalcTextSizeA(size, FLT_MAX, 0, text.c_str()).x + 0.9f * size;
}

std::string monthTip(const forum::StandardCheck& check, const forum::MonthValue& m) {
    return m.month + ":  " + measuredText(check.rule, m.value) + " against " +
           limitText(check.rule) + ",  " + standingText(standingOf(m.value)) + ",  " +
           counted(m.value.cases) + " cases";
}

} // namespace

void standingPill(const Fonts& fonts, Standing standing) {
    pillItem(fonts, standingText(standing), standingStyle(standing), 1.0f);
}

void badgePill(const Fonts& fonts, const StandardBadge& badge, float scale) {
    if (badge.empty()) return;
    const PillStyle style =
        badge.current
            ? PillStyle{colour::badgeAgreedFill, colour::badgeAgreedText, colour::badgeAgreedBorder}
            : PillStyle{colour::badgeMovedFill, colour::badgeMovedText, colour::badgeMovedBorder};
    pillItem(fonts, badge.text, style, scale);
}

float badgePillWidth(const Fonts& fonts, const StandardBadge& badge, float scale) {
    return badge.empty() ? 0 : pillWidth(fonts, badge.text, scale);
}

void trendChart(const forum::StandardCheck& check, const TrendRange& range, ImVec2 size) {
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    const bool over = ImGui::IsItemHovered();
    const ImVec2 max(min.x + size.x, min.y + size.y);
    ImDrawList& dl = *ImGui::GetWindowDrawList();
    dl.AddRectFilled(min, max, colour::canvas);
    dl.AddRect(min, max, colour::trendFrame);
    const auto& months = check.check.byMonth;
    if (months.empty()) return;
    const float mark = std::clamp(size.y * 0.18f, 3.0f, 6.0f);
    const float top = min.y + mark + 1, inner = size.y - 2 * (mark + 1);
    const float slot = (size.x - 4) / static_cast<float>(months.size());
    const auto yOf = [&](double v) {
        return top + static_cast<float>(1 - (v - range.low) / (range.high - range.low)) * inner;
    };
    const auto xOf = [&](std::size_t i) {
        return min.x + 2 + slot * (static_cast<float>(i) + 0.5f);
    };
    const float limitY = yOf(check.rule.limit);
    dl.AddLine(ImVec2(min.x + 1, limitY), ImVec2(max.x - 1, limitY), colour::trendLimit, 2.0f);
    // The months joined by a line, so the trend reads at a glance...
    std::vector<ImVec2> points;
    for (std::size_t i = 0; i < months.size(); ++i)
        if (months[i].value.cases) points.emplace_back(xOf(i), yOf(months[i].value.value));
    dl.AddPolyline(points.data(), static_cast<int>(points.size()), colour::trendLine, 0, 1.5f);
    // ...and each month marked: a month that missed the limit by a dark red
    // square, one that kept it by a smaller pale green dot, so the two differ
    // in shape and lightness as well as hue.
    int hovered = -1;
    const float mouse = ImGui::GetIO().MousePos.x;
    for (std::size_t i = 0; i < months.size(); ++i) {
        const forum::MonthValue& m = months[i];
        const float x = xOf(i);
        if (over && std::abs(mouse - x) <= slot / 2) hovered = static_cast<int>(i);
        if (m.value.cases == 0) continue;
        const float y = yOf(m.value.value);
        if (m.value.compliant)
            dl.AddCircleFilled(ImVec2(x, y), mark * 0.8f, colour::trendKept);
        else
            dl.AddRectFilled(ImVec2(x - mark, y - mark), ImVec2(x + mark, y + mark),
                             colour::trendBroken);
    }
    if (hovered >= 0)
        ImGui::SetTooltip("%s", monthTip(check, months[static_cast<std::size_t>(hovered)]).c_str());
}

void StandardsPanel::draw(const EditorSession& session, const Fonts& fonts,
                          StandardsCache& standards) {
    standards.wantChecks();
    if (!standards.failure().empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour::problem));
        ImGui::TextWrapped("Could not check the standards: %s", standards.failure().c_str());
        ImGui::PopStyleColor();
    }
    if (standards.standards().empty()) {
        wrappedHelp("No standard is agreed yet. A lead puts one to the vote in the forum "
                    "(strawman proposal open); once adopted it appears here, checked on every "
                    "trust's data.");
        return;
    }
    for (const forum::StandardView& s : standards.standards()) {
        ImGui::PushID(static_cast<int>(s.record.id.value));
        drawStandard(session, fonts, standards, s);
        ImGui::PopID();
        ImGui::Spacing();
    }
}

void StandardsPanel::drawStandard(const EditorSession& session, const Fonts& fonts,
                                  const StandardsCache& standards,
                                  const forum::StandardView& standard) {
    heading(fonts, standard.title().c_str());
    ImGui::SameLine(0, 16);
    const char* kind = standard.rule                                 ? "Rule"
                       : standard.kind() == model::ProposalKind::Map ? "Map"
                                                                     : "Written standard";
    ImGui::TextDisabled("%s:", kind);
    ImGui::SameLine();
    const std::string adopted = adoptedText(standard, session.maps());
    if (standard.kind() == model::ProposalKind::Text) {
        ImGui::NewLine();
        ImGui::TextWrapped("%s", adopted.c_str());
    } else {
        ImGui::TextUnformatted(adopted.c_str());
    }
    ImGui::SameLine(0, 16);
    ImGui::TextDisabled("agreed %s", shownTime(standard.record.agreedAt).substr(0, 10).c_str());
    if (standard.kind() == model::ProposalKind::Map)
        for (const model::MapSummary& m : session.maps())
            if (m.id == standard.record.proposal.draft.map &&
                m.versionNumber != standard.record.mapVersion) {
                // The map has been edited since: what is agreed is not what it
                // shows now. On a line of its own: beside the rest it runs off a
                // narrow panel.
                badgePill(fonts, standardBadge({standard}, m));
            }
    if (!standard.rule) return;
    if (!standards.checks()) {
        ImGui::TextDisabled("%s", standards.checking() ? "Checking each trust's data\xE2\x80\xA6"
                                                       : "Not checked yet.");
        return;
    }
    std::vector<const forum::StandardCheck*> rows;
    for (const forum::StandardCheck& c : *standards.checks())
        if (c.standard == standard.record.id) rows.push_back(&c);
    if (rows.empty()) {
        ImGui::TextDisabled("No trust has data to check it on.");
        return;
    }
    drawChecks(fonts, rows);
}

void StandardsPanel::drawChecks(const Fonts& fonts,
                                const std::vector<const forum::StandardCheck*>& rows) {
    const ImGuiTableFlags flags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("checks", 7, flags)) return;
    const float line = ImGui::GetTextLineHeight();
    ImGui::TableSetupColumn("Trust");
    ImGui::TableSetupColumn("Value");
    ImGui::TableSetupColumn("Limit");
    ImGui::TableSetupColumn("Standing");
    ImGui::TableSetupColumn("Within limit");
    ImGui::TableSetupColumn("Cases");
    ImGui::TableSetupColumn("By month", ImGuiTableColumnFlags_WidthStretch);
    headerRow(
        {{"Trust", nullptr},
         {"Value", "What the rule measures on the trust's cases"},
         {"Limit", "What the network agreed"},
         {"Standing", "Whether the value keeps the limit"},
         {"Within limit", "The share of the counted cases that keep the limit on their own"},
         {"Cases", "The cases the rule counts"},
         {"By month",
          "The value month by month (the calendar month of a case's first event, UK time): a "
          "dark red square where the month missed the limit, a green dot where it kept it; the "
          "straight line across is the limit"}});
    // One scale for the standard's rows, so the trusts' months compare.
    const TrendRange range = trendRange(rows);
    for (const forum::StandardCheck* row : rows) {
        const forum::RuleValue& v = row->check.overall;
        ImGui::TableNextRow(0, line * 1.8f);
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(row->trust.code.c_str());
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(measuredText(row->rule, v).c_str());
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(limitText(row->rule).c_str());
        ImGui::TableNextColumn();
        standingPill(fonts, standingOf(v));
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        if (v.cases) ImGui::Text("%.1f%%", v.shareWithin);
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(counted(v.cases).c_str());
        ImGui::TableNextColumn();
        const std::size_t kept = static_cast<std::size_t>(
            std::count_if(row->check.byMonth.begin(), row->check.byMonth.end(),
                          [](const forum::MonthValue& m) { return m.value.compliant; }));
        const std::string keptText = std::to_string(kept) + " of " +
                                     std::to_string(row->check.byMonth.size()) + " months kept";
        // The chart takes what the words beside it leave, less room for a
        // scrollbar that more standards than the panel holds bring.
        const ImGuiStyle& style = ImGui::GetStyle();
        const float room = ImGui::GetContentRegionAvail().x -
                           ImGui::CalcTextSize(keptText.c_str()).x - style.ItemSpacing.x -
                           style.ScrollbarSize;
        trendChart(*row, range, ImVec2(std::clamp(room, line * 8, line * 24), line * 1.7f));
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(keptText.c_str());
    }
    ImGui::EndTable();
}

} // namespace strawman::editor
