#include "decision_record.h"

#include "map_export.h"

#include "forum/threads.h"

#include <map>

namespace strawman::exporters {

namespace {

std::optional<forum::StandardView> standardOf(const model::Workspace& ws, model::ProposalId id) {
    for (forum::StandardView& s : forum::agreedStandards(ws))
        if (s.record.proposal.id == id) return std::move(s);
    return std::nullopt;
}

std::vector<VoteLine> voteLines(const model::Workspace& ws, const forum::ProposalView& v) {
    std::map<model::MemberId, model::Member> members;
    for (const model::Member& m : ws.members()) members[m.id] = m;
    std::map<model::TrustId, model::Trust> trusts;
    for (const model::Trust& t : ws.trusts()) trusts[t.id] = t;
    std::vector<VoteLine> out;
    for (const forum::Vote& vote : v.current) {
        const model::Member& m = members.at(vote.member);
        // Stale as `proposal show` marks it: cast on another hash than the
        // version voted on.
        out.push_back({m.name, trusts.at(m.trust), vote.choice, vote.reason, vote.at,
                       !v.mapHash.empty() && vote.onHash != v.mapHash});
    }
    return out;
}

std::vector<forum::StandardCheck>
ruleCompliance(const model::Workspace& ws, const forum::ProposalView& v,
               const std::optional<forum::StandardView>& standard) {
    if (standard) return forum::checkStandards(ws, standard->record.id);
    std::vector<forum::StandardCheck> out;
    const model::TimeZone zone = forum::networkTimeZone();
    for (const model::Trust& t : ws.trusts())
        out.push_back({{},
                       v.record.draft.title,
                       *v.rule,
                       t,
                       forum::checkRule(*v.rule, ws.events().load(t.id), zone)});
    return out;
}

// Each trust's cases against the version adopted, month by month.
std::vector<model::MapFit> mapFit(const model::Workspace& ws, model::MapId map, int version) {
    std::vector<model::MapFit> out;
    for (const model::MapVersionInfo& v : ws.versions(map)) {
        if (v.number != version) continue;
        const model::MapContent adopted = ws.content(v.id);
        const model::TimeZone zone = forum::networkTimeZone();
        for (const model::Trust& t : ws.trusts())
            out.push_back(model::fitByMonth(ws, adopted, t, zone));
    }
    return out;
}

} // namespace

DecisionRecord gatherDecision(const model::Workspace& ws, model::ProposalId id,
                              const std::string& now) {
    DecisionRecord r;
    r.proposal = forum::viewProposal(ws, id, now);
    const forum::ProposalView& v = r.proposal;
    const forum::MemberNames names(ws);
    r.openedBy = names(v.record.openedBy);
    r.decided = v.record.closedBy.has_value();
    if (r.decided) r.closedBy = names(*v.record.closedBy);
    r.adopts = forum::adoptsText(v);
    r.votes = voteLines(ws, v);
    for (model::MemberId m : v.tally.notVoted) r.notVoted.push_back(names(m));
    if (r.decided && v.record.adopted) r.standard = standardOf(ws, id);

    switch (v.record.draft.kind) {
    case model::ProposalKind::Map:
        r.map = ws.map(v.record.draft.map);
        if (v.mapVersion > 0) {
            MapExportRequest picture;
            picture.map = r.map->id;
            picture.version = v.mapVersion;
            picture.format = ExportFormat::Svg;
            r.mapSvg = exportMap(ws, picture);
        }
        if (r.standard) {
            r.mapCompliance = forum::compareWithStandard(ws, r.standard->record.id);
            r.mapFit = mapFit(ws, r.map->id, r.standard->record.mapVersion);
        }
        break;
    case model::ProposalKind::Rule:
        r.ruleCompliance = ruleCompliance(ws, v, r.standard);
        break;
    case model::ProposalKind::Text:
        break; // a written standard is read, not measured
    }
    r.audit = ws.audit().verify();
    r.madeAt = now;
    return r;
}

} // namespace strawman::exporters
