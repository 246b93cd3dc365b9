#include "standards.h"

#include "rule_json.h"

#include "model/analysis/duration_text.h"
#include "model/core/error.h"

#include <algorithm>
#include <cstdio>

namespace strawman::forum {

namespace {

// A month in the trend is a calendar month where the network works.
constexpr std::string_view kNetworkTimeZone = "Europe/London";

} // namespace

model::TimeZone networkTimeZone() { return model::TimeZone::named(kNetworkTimeZone); }

std::vector<StandardView> agreedStandards(const model::Workspace& ws) {
    std::vector<StandardView> out;
    for (model::StandardRecord& r : ws.proposals().standards()) {
        StandardView v{std::move(r), std::nullopt};
        if (v.kind() == model::ProposalKind::Rule)
            v.rule = ruleFromJson(v.record.proposal.draft.rule);
        out.push_back(std::move(v));
    }
    return out;
}

std::string standardText(const StandardView& s, const std::string& mapName) {
    if (s.rule) return ruleAndFilterText(*s.rule);
    const model::ProposalDraft& d = s.record.proposal.draft;
    if (s.kind() == model::ProposalKind::Map)
        return (mapName.empty() ? "map " + std::to_string(d.map.value) : mapName) + ", version " +
               std::to_string(s.record.mapVersion);
    return d.text;
}

const StandardView* mapStandardOf(const std::vector<StandardView>& standards, model::MapId map) {
    const StandardView* latest = nullptr;
    for (const StandardView& s : standards)
        if (s.kind() == model::ProposalKind::Map && s.record.proposal.draft.map == map) latest = &s;
    return latest;
}

StandardComparison compareWithStandard(const model::Workspace& ws, model::StandardId id) {
    StandardView standard{ws.proposals().standard(id), std::nullopt};
    if (standard.kind() != model::ProposalKind::Map)
        throw model::Error("standard " + std::to_string(id.value) + " (" + standard.title() +
                           ") is a " + std::string(model::proposalKindName(standard.kind())) +
                           " standard: only a map standard is compared with the straw men");
    const model::MapSummary map = ws.map(standard.record.proposal.draft.map);
    std::optional<model::VersionId> adopted;
    for (const model::MapVersionInfo& v : ws.versions(map.id))
        if (v.number == standard.record.mapVersion) adopted = v.id;
    if (!adopted)
        throw model::Error("map " + std::to_string(map.id.value) + " has no version " +
                           std::to_string(standard.record.mapVersion));
    const model::MapContent agreed = ws.content(*adopted);
    StandardComparison out{std::move(standard), map, {}};
    const std::vector<model::MapSummary> maps = ws.maps();
    for (const model::Trust& t : ws.trusts()) {
        StrawManAgainstStandard row{t, std::nullopt, {}};
        // The trust's own straw man: its latest map of the process, as the
        // comparison of the trusts' data chooses it.
        for (const model::MapSummary& m : maps)
            if (m.process == map.process && m.trust == t.id) row.map = m;
        if (row.map)
            row.comparison = model::compareMaps(
                ws.content(row.map->id), agreed,
                {t.code + "'s map", "the standard (map " + std::to_string(map.id.value) +
                                        " version " +
                                        std::to_string(out.standard.record.mapVersion) + ")"});
        out.trusts.push_back(std::move(row));
    }
    return out;
}

std::vector<StandardCheck> checkStandards(const model::Workspace& ws,
                                          std::optional<model::StandardId> standard,
                                          std::optional<model::TrustId> trust) {
    std::vector<StandardView> rules;
    for (StandardView& v : agreedStandards(ws)) {
        if (standard && v.record.id != *standard) continue;
        if (standard && !v.rule)
            throw model::Error("standard " + std::to_string(standard->value) + " (" + v.title() +
                               ") is a " + std::string(model::proposalKindName(v.kind())) +
                               " standard, not a rule that can be checked on data");
        if (v.rule) rules.push_back(std::move(v));
    }
    if (standard && rules.empty())
        throw model::Error("no standard with id " + std::to_string(standard->value));
    std::vector<StandardCheck> out;
    if (rules.empty()) return out;
    const model::TimeZone zone = networkTimeZone();
    for (const model::Trust& t : ws.trusts()) {
        if (trust && t.id != *trust) continue;
        const model::EventLog log = ws.events().load(t.id);
        for (const StandardView& v : rules)
            out.push_back({v.record.id, v.title(), *v.rule, t, checkRule(*v.rule, log, zone)});
    }
    // Standards first, then trusts, as the rows are read.
    std::stable_sort(out.begin(), out.end(), [](const StandardCheck& a, const StandardCheck& b) {
        return a.standard < b.standard;
    });
    return out;
}

std::string valueText(const Rule& rule, double value) {
    if (rule.kind == RuleKind::Interval) return model::durationText(value);
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", value);
    return text;
}


std::vector<const StandardView*>
ruleStandardsOf(const std::vector<StandardView>& standards, model::ProcessId process) {
    std::vector<const StandardView*> out;
    for (const StandardView& s : standards) {
        const std::optional<model::ProcessId>& of = s.record.proposal.draft.process;
        if (s.rule && (!of || *of == process)) out.push_back(&s);
    }
    return out;
}

bool hasMapStandard(const std::vector<StandardView>& standards, model::ProcessId process) {
    for (const StandardView& s : standards)
        if (s.kind() == model::ProposalKind::Map && s.record.proposal.draft.process == process)
            return true;
    return false;
}

StandardBadge standardBadge(const std::vector<StandardView>& standards,
                            const model::MapSummary& map) {
    const StandardView* s = forum::mapStandardOf(standards, map.id);
    if (!s) return {};
    const std::string adopted = "v" + std::to_string(s->record.mapVersion);
    if (map.versionNumber == s->record.mapVersion)
        return {"Agreed standard \xC2\xB7 " + adopted, true};
    return {"Agreed standard is " + adopted + " \xC2\xB7 this is v" +
                std::to_string(map.versionNumber),
            false};
}

} // namespace strawman::forum
