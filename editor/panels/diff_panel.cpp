#include "diff_panel.h"

#include "script_targets.h"
#include "text_field.h"
#include "theme.h"

#include "model/analysis/discovery.h"
#include "model/analysis/duration_text.h"
#include "model/analysis/log_filter.h"
#include "model/core/error.h"
#include "model/events/event_log.h"
#include "model/store/workspace.h"

#include <imgui.h>

#include <algorithm>
#include <cstring>

namespace strawman::editor {

namespace {

std::string fixed(double v, int digits) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", digits, v);
    return text;
}

} // namespace

void valuePicker(const char* label, const std::set<std::string>& values,
                 std::set<std::string>& chosen) {
    std::string preview = chosen.empty() ? "any" : "";
    for (const std::string& v : chosen)
        preview += (preview.empty() ? "" : ", ") + (v.empty() ? "(none)" : v);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo(label, preview.c_str())) {
        for (const std::string& v : values) {
            bool on = chosen.count(v) > 0;
            if (ImGui::Checkbox(v.empty() ? "(not recorded)" : v.c_str(), &on)) {
                if (on)
                    chosen.insert(v);
                else
                    chosen.erase(v);
            }
        }
        if (values.empty()) ImGui::TextDisabled("Run the diff once to list the values.");
        ImGui::EndCombo();
    }
}

const DiffOverlay* DiffPanel::overlay() const {
    return m_showOnMap && m_overlay ? &*m_overlay : nullptr;
}

std::string DiffPanel::legendTitle() const {
    if (!m_view) return {};
    return editor::legendTitle(m_view->choice.trust, m_view->result);
}

void DiffPanel::run(const EditorSession& session, const DiffChoice& choice) {
    const model::MapSummary* map = session.selected();
    if (!map) throw model::Error("open a map first");
    show(session, computeDiff(session.workspace().path(), map->id, session.content(), choice));
}

void DiffPanel::show(const EditorSession& session, DiffView view) {
    m_view = std::move(view);
    m_choice = m_view->choice;
    copyInto(m_from, m_choice.from);
    copyInto(m_to, m_choice.to);
    m_overlay.reset();
    m_variant.reset();
    m_path.reset();
    refreshOverlay(session);
}

void DiffPanel::start(const EditorSession& session, const DiffChoice& choice) {
    const model::MapSummary* map = session.selected();
    if (!map) throw model::Error("open a map first");
    m_stopped.clear();
    // The worker gets copies: the session's map may change while it runs, and
    // the result says which map and version of the choice it is for.
    m_job = std::make_unique<BackgroundJob<DiffView>>([path = session.workspace().path(),
                                                       id = map->id, content = session.content(),
                                                       choice](model::Progress& progress) {
        return computeDiff(path, id, content, choice, &progress);
    });
}

std::optional<DiffPanel::AsRecorded> DiffPanel::takeAsRecorded() {
    auto out = std::move(m_discovered);
    m_discovered.reset();
    return out;
}

void DiffPanel::sync(const EditorSession& session, Notices& notices) {
    if (m_discovery && !m_discovery->running()) {
        if (m_discovery->state() == JobState::Done)
            m_discovered = m_discovery->takeResult();
        else if (m_discovery->state() == JobState::Failed)
            notices.error("Could not draw the as-recorded map", m_discovery->error());
        m_discovery.reset();
    }
    if (m_job && !m_job->running()) {
        const JobState state = m_job->state();
        if (state == JobState::Done) {
            if (auto view = m_job->takeResult()) show(session, std::move(*view));
        } else if (state == JobState::Failed) {
            notices.error("Could not hold the map against the data", m_job->error());
        } else {
            m_stopped = "Stopped: nothing changed.";
        }
        m_job.reset();
    }
    refreshOverlay(session);
}

void DiffPanel::refreshOverlay(const EditorSession& session) {
    const model::MapSummary* map = session.selected();
    if (!m_view || !map || map->id != m_view->map) {
        m_overlay.reset();
        m_path.reset();
        return;
    }
    if (m_overlay && m_overlayContent == session.contentRevision()) return;
    m_overlay = buildDiffOverlay(session.content(), session.geometry(), m_view->result);
    m_overlayContent = session.contentRevision();
    choose(m_variant, session);
}

void DiffPanel::choose(std::optional<std::size_t> variant, const EditorSession& session) {
    m_variant = variant;
    m_path.reset();
    if (!variant || !m_overlay || !m_view || *variant >= m_view->result.topVariants.size()) return;
    m_path = variantPath(*m_overlay, session.geometry(),
                         m_view->result.topVariants[*variant].activities);
}

void DiffPanel::drawChoice(const EditorSession& session, Notices& notices) {
    const auto& trusts = session.trusts();
    if (trusts.empty()) {
        ImGui::TextWrapped(
            "This network has no trusts yet, so there is no data to hold the map against.");
        return;
    }
    if (m_choice.trust.empty()) {
        m_choice.trust = trusts.front().code;
        if (const model::MapSummary* map = session.selected(); map && !map->trustCode.empty())
            m_choice.trust = map->trustCode;
    }
    ImGui::TextDisabled("Trust");
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##trust", m_choice.trust.c_str())) {
        for (const model::Trust& t : trusts) {
            const std::string row = t.code + "  " + t.name;
            if (ImGui::Selectable(row.c_str(), t.code == m_choice.trust)) m_choice.trust = t.code;
        }
        ImGui::EndCombo();
    }
    ImGui::TextDisabled("Cases requested from / to (YYYY-MM-DD)");
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    ImGui::SetNextItemWidth(half);
    ImGui::InputTextWithHint("##from", "first day", m_from.data(), m_from.size());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(half);
    ImGui::InputTextWithHint("##to", "last day", m_to.data(), m_to.size());
    const model::CaseValues none;
    const model::CaseValues& values =
        m_view && m_view->choice.trust == m_choice.trust ? m_view->values : none;
    ImGui::TextDisabled("Modality");
    valuePicker("##modality", values.modalities, m_choice.modalities);
    ImGui::TextDisabled("Priority");
    valuePicker("##priority", values.priorities, m_choice.priorities);
    ImGui::TextDisabled("Patient source");
    valuePicker("##source", values.sources, m_choice.sources);
    ImGui::TextDisabled("Site");
    valuePicker("##site", values.sites, m_choice.sites);
    ImGui::Checkbox("Leave out steps the map does not have", &m_choice.ignoreUnmodelled);

    if (m_job) {
        // Working: how far it has got, and a way out.
        ImGui::ProgressBar(static_cast<float>(m_job->fraction()), ImVec2(-1, 0));
        ImGui::TextDisabled("%s", m_job->stage().c_str());
        ImGui::BeginDisabled(m_job->cancelRequested());
        if (ImGui::Button("Cancel", ImVec2(-1, 0))) m_job->cancel();
        ScriptTargets::mark("diff-cancel");
        ImGui::EndDisabled();
        return;
    }
    const bool haveMap = session.selected() != nullptr;
    ImGui::BeginDisabled(!haveMap);
    const bool hold = ImGui::Button("Hold the map against the data", ImVec2(-1, 0));
    ScriptTargets::mark("diff-run");
    if (hold) {
        DiffChoice choice = m_choice;
        choice.from = m_from.data();
        choice.to = m_to.data();
        attempt(notices, "Could not hold the map against the data",
                [&] { start(session, choice); });
    }
    ImGui::EndDisabled();
    if (!m_stopped.empty()) ImGui::TextDisabled("%s", m_stopped.c_str());
}

void DiffPanel::drawResult(const EditorSession& session, const Fonts& fonts) {
    if (!m_view) return;
    const model::DiffResult& r = m_view->result;
    ImGui::Separator();
    ImGui::PushFont(fonts.uiBold);
    ImGui::Text("%s: %s of %s cases", m_view->choice.trust.c_str(), formatCount(r.cases).c_str(),
                formatCount(m_view->casesInLog).c_str());
    ImGui::PopFont();
    if (session.selected() && session.selected()->id != m_view->map)
        ImGui::TextColored(ImVec4(0.6f, 0.35f, 0, 1), "This diff is of another map.");
    ImGui::Checkbox("Show on the map", &m_showOnMap);
    drawAsRecordedButton(session);
    if (r.cases == 0) {
        ImGui::TextWrapped("No cases match: widen the dates or the filters.");
        return;
    }
    drawHeadline(r);
    drawWarnings(r);
    drawDeviations(session, r);
    drawVariants(session, r);
    drawStepTimes(r);
    if (!r.unmodelled.empty() &&
        ImGui::CollapsingHeader("Steps in the data that are not on the map")) {
        for (const auto& u : r.unmodelled)
            ImGui::BulletText("%s: %s events in %s cases", u.activity.c_str(),
                              formatCount(u.events).c_str(), formatCount(u.cases).c_str());
    }
}

void DiffPanel::drawAsRecordedButton(const EditorSession& session) {
    const model::MapSummary* map = session.selected();
    if (m_discovery) {
        ImGui::ProgressBar(static_cast<float>(m_discovery->fraction()), ImVec2(-1, 0),
                           "drawing the as-recorded map");
        return;
    }
    if (!map || m_view->result.cases == 0) return;
    const bool draw = ImGui::Button("Draw the as-recorded map beside it", ImVec2(-1, 0));
    ScriptTargets::mark("as-recorded");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("The process these cases show, drawn from the steps they take,\n"
                          "stored as a draft map of %s and shown beside this one.",
                          m_view->choice.trust.c_str());
    if (!draw) return;
    // Its own thread and connection: it reads the trust's events again.
    m_discovery = std::make_unique<BackgroundJob<AsRecorded>>(
        [path = session.workspace().path(), choice = m_view->choice,
         process = map->process](model::Progress& progress) {
            const model::Workspace ws = model::Workspace::open(path);
            // The same cases as the diff: its dates and filters.
            return AsRecorded{process,
                              model::discoverAsRecorded(ws, choice.trust, choice,
                                                        model::kAsRecordedMinFrequency, &progress)};
        });
}

void DiffPanel::drawHeadline(const model::DiffResult& r) {
    if (!ImGui::BeginTable("headline", 2, ImGuiTableFlags_SizingStretchProp)) return;
    auto row = [](const char* what, const std::string& value) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", what);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(value.c_str());
    };
    row("Cases that fit the map", formatShare(r.percentageFitting / 100));
    row("Log fitness", fixed(r.logFitness, 3));
    row("Average case fitness", fixed(r.averageTraceFitness, 3));
    row("Variants", formatCount(r.variants));
    ImGui::EndTable();
}

void DiffPanel::drawWarnings(const model::DiffResult& r) {
    for (const std::string& w : r.warnings) ImGui::TextWrapped("Note: %s", w.c_str());
}

void DiffPanel::drawDeviations(const EditorSession& session, const model::DiffResult& r) {
    if (!ImGui::CollapsingHeader("Where practice departs from the map",
                                 ImGuiTreeNodeFlags_DefaultOpen) ||
        !ImGui::BeginTable("deviations", 3,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp))
        return;
    ImGui::TableSetupColumn("Step");
    ImGui::TableSetupColumn("Skipped");
    ImGui::TableSetupColumn("Not on the map");
    ImGui::TableHeadersRow();
    const double cases = static_cast<double>(r.cases);
    for (const auto& d : r.deviations) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const auto name = session.activityNames().find(d.activity);
        ImGui::TextUnformatted(d.activity.c_str());
        if (ImGui::IsItemHovered() && name != session.activityNames().end())
            ImGui::SetTooltip("%s", name->second.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(
            d.skipped ? formatShare(static_cast<double>(d.skipped) / cases).c_str() : "");
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(
            d.inserted ? formatShare(static_cast<double>(d.inserted) / cases).c_str() : "");
    }
    ImGui::EndTable();
}

void DiffPanel::drawVariants(const EditorSession& session, const model::DiffResult& r) {
    if (!ImGui::CollapsingHeader("Variants", ImGuiTreeNodeFlags_DefaultOpen)) return;
    ImGui::TextDisabled("Click one to see its path on the map.");
    for (std::size_t i = 0; i < r.topVariants.size(); ++i) {
        const model::DiffVariant& v = r.topVariants[i];
        std::string steps;
        for (const std::string& a : v.activities)
            steps += (steps.empty() ? "" : " \xE2\x86\x92 ") + a;
        const std::string row = formatCount(v.count) + " cases  \xC2\xB7  fitness " +
                                fixed(v.fitness, 2) + "\n" + steps + "##variant" +
                                std::to_string(i);
        ImGui::PushTextWrapPos(0);
        if (ImGui::Selectable(row.c_str(), m_variant == i))
            choose(m_variant == i ? std::nullopt : std::optional(i), session);
        ImGui::PopTextWrapPos();
        if (v.departures.empty()) continue;
        std::string departures;
        for (const std::string& d : v.departures)
            departures += (departures.empty() ? "" : "; ") + d;
        ImGui::Indent();
        ImGui::TextColored(ImVec4(0.65f, 0.2f, 0.15f, 1), "%s", departures.c_str());
        ImGui::Unindent();
    }
}

void DiffPanel::drawStepTimes(const model::DiffResult& r) {
    if (!ImGui::CollapsingHeader("How long each step takes") ||
        !ImGui::BeginTable("steps", 5,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp |
                               ImGuiTableFlags_Sortable))
        return;
    ImGui::TableSetupColumn("From \xE2\x86\x92 to");
    ImGui::TableSetupColumn("Times");
    ImGui::TableSetupColumn("Median");
    ImGui::TableSetupColumn("P90");
    ImGui::TableSetupColumn("Drawn");
    ImGui::TableHeadersRow();
    for (const auto& t : r.transitions) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%s \xE2\x86\x92 %s", t.from.c_str(), t.to.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(formatCount(t.count).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(model::durationText(t.duration.median).c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(model::durationText(t.duration.p90).c_str());
        ImGui::TableNextColumn();
        if (t.drawn)
            ImGui::TextUnformatted("yes");
        else
            ImGui::TextColored(ImVec4(0.75f, 0.15f, 0.15f, 1), "not drawn");
    }
    ImGui::EndTable();
}

void DiffPanel::draw(const EditorSession& session, const Fonts& fonts, Notices& notices) {
    drawChoice(session, notices);
    drawResult(session, fonts);
}

} // namespace strawman::editor
