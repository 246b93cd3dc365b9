// The agreed standards as the editor words and caches them
// (editor/core/standards_view.h): values and limits in the rule's terms, a
// standing said in words, which rule standards apply to a process, the badge
// of a map standard, and the checks worked out off the UI thread once asked
// for and kept until the workspace is read again.
#include "map_fixtures.h"
#include "temp_path.h"

#include "editor/core/editor_session.h"
#include "editor/core/standards_view.h"

#include "forum/decisions.h"
#include "forum/rule_json.h"
#include "model/store/workspace.h"
#include "model/use_cases/import_file.h"

#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <thread>

using namespace strawman;
using namespace strawman::editor;

namespace {

forum::StandardView ruleStandard(std::int64_t id, const std::string& rule,
                                 std::optional<model::ProcessId> process = {}) {
    forum::StandardView v;
    v.record.id = model::StandardId{id};
    v.record.proposal.draft.kind = model::ProposalKind::Rule;
    v.record.proposal.draft.title = "Rule " + std::to_string(id);
    v.record.proposal.draft.process = process;
    v.rule = forum::parseRule(rule);
    return v;
}

forum::StandardView mapStandard(std::int64_t id, model::MapId map, model::ProcessId process,
                                int version) {
    forum::StandardView v;
    v.record.id = model::StandardId{id};
    v.record.proposal.draft.kind = model::ProposalKind::Map;
    v.record.proposal.draft.title = "Map " + std::to_string(id);
    v.record.proposal.draft.map = map;
    v.record.proposal.draft.process = process;
    v.record.mapVersion = version;
    return v;
}

model::MapSummary mapAt(model::MapId id, int version) {
    model::MapSummary m;
    m.id = id;
    m.name = "CT network pathway";
    m.versionNumber = version;
    return m;
}

} // namespace

TEST_CASE("a standing is worded in the rule's terms: a duration or a share, against the limit") {
    const forum::Rule interval = forum::parseRule("RCV->VET p90 <= 3d");
    forum::RuleValue v{120, 3.7 * 86400, 71.5, false};
    CHECK(measuredText(interval, v) == "3.7 d");
    CHECK(limitText(interval) == "<= 3 d");
    CHECK(standingText(standingOf(v)) == "not compliant");
    CHECK(standingWord(standingOf(v)) == "not-compliant");
    v.compliant = true;
    CHECK(standingText(standingOf(v)) == "compliant");

    const forum::Rule share = forum::parseRule("VET before BKD >= 95%");
    const forum::RuleValue kept{40, 97.5, 97.5, true};
    CHECK(measuredText(share, kept) == "97.5%");
    CHECK(limitText(share) == ">= 95.0%");

    // Nothing counted is neither compliant nor not: it says so.
    const forum::RuleValue none{};
    CHECK(measuredText(share, none) == "none");
    CHECK(standingText(standingOf(none)) == "no cases");
    CHECK(standingWord(standingOf(none)) == "no-cases");
}

TEST_CASE("a standard's trend charts span every trust's months and the limit, with room above "
          "and below") {
    forum::StandardCheck a, b;
    a.rule = b.rule = forum::parseRule("RCV->VET p90 <= 3d");
    const double day = 86400;
    a.check.byMonth = {{"2025-01", {10, 2 * day, 90, true}},
                       {"2025-02", {0, 0, 0, false}}}; // no cases: not drawn, not counted
    b.check.byMonth = {{"2025-03", {12, 4 * day, 60, false}}};
    const TrendRange r = trendRange({&a, &b});
    CHECK(r.low == doctest::Approx(1.7 * day));
    CHECK(r.high == doctest::Approx(4.3 * day));
    // Every month at the limit: still a height to draw in.
    a.check.byMonth = {{"2025-01", {10, 3 * day, 90, true}}};
    CHECK(trendRange({&a}).low < 3 * day);
    CHECK(trendRange({&a}).high > 3 * day);
}

TEST_CASE("a process's rule standards are those agreed for it and those agreed for every process") {
    const model::ProcessId ct{1}, mri{2};
    const std::vector<forum::StandardView> standards = {
        ruleStandard(1, "RCV->VET p90 <= 3d", ct), ruleStandard(2, "VET present >= 98%"),
        ruleStandard(3, "RCV->VET p50 <= 1d", mri), mapStandard(4, model::MapId{7}, ct, 2)};
    const auto ofCt = ruleStandardsOf(standards, ct);
    REQUIRE(ofCt.size() == 2);
    CHECK(ofCt[0]->record.id == model::StandardId{1});
    CHECK(ofCt[1]->record.id == model::StandardId{2});
    const auto ofMri = ruleStandardsOf(standards, mri);
    REQUIRE(ofMri.size() == 2);
    CHECK(ofMri[0]->record.id == model::StandardId{2});
    CHECK(ofMri[1]->record.id == model::StandardId{3});
    CHECK(hasMapStandard(standards, ct));
    CHECK_FALSE(hasMapStandard(standards, mri));
}

TEST_CASE("a map standard's badge names the version agreed, and says when the map has moved on") {
    const model::ProcessId ct{1};
    const model::MapId network{7}, other{8};
    std::vector<forum::StandardView> standards = {mapStandard(1, network, ct, 1),
                                                  ruleStandard(2, "RCV->VET p90 <= 3d")};
    CHECK(standardBadge(standards, mapAt(other, 1)).empty());
    CHECK(standardBadge(standards, mapAt(network, 1)).text == "Agreed standard \xC2\xB7 v1");
    CHECK(standardBadge(standards, mapAt(network, 1)).current);
    // A later standard of the same map is the one that counts.
    standards.push_back(mapStandard(3, network, ct, 2));
    const StandardBadge moved = standardBadge(standards, mapAt(network, 3));
    CHECK(moved.text == "Agreed standard is v2 \xC2\xB7 this is v3");
    CHECK_FALSE(moved.current);
    CHECK(adoptedText(standards[2], {mapAt(network, 3)}) == "CT network pathway, version 2");
    CHECK(adoptedText(standards[1], {}) == "RCV->VET p90 <= 3d");
}

TEST_CASE("the checks run on a worker thread once asked for, and are kept until the workspace is "
          "read again") {
    const test::TempDir dir;
    const std::filesystem::path path = dir.file("network.strawman");
    {
        auto ws = model::Workspace::create(path);
        const model::TrustId rwf = ws.addTrust("RWF", "Maidstone");
        ws.addTrust("RPA", "Medway");
        const model::MemberId lead = ws.addMember("Dr Ruth Webb", rwf, model::Role::Lead);
        const model::MemberId mark = ws.addMember("Mark Ellis", rwf, model::Role::ForumMember);
        // RWF: vetted after 1 day and after 3 days.
        const std::string csv = dir.file("rwf.csv");
        std::ofstream(csv) << "Accession,Status,Event Time\n"
                              "A1,RCV,2025-03-03 09:00\n"
                              "A1,VET,2025-03-04 09:00\n"
                              "A2,RCV,2025-04-10 09:00\n"
                              "A2,VET,2025-04-13 09:00\n";
        model::ImportRequest request;
        request.file = csv;
        request.trust = "RWF";
        request.keyFile = dir.file("network.key");
        request.importedBy = "test";
        REQUIRE(model::importFile(ws, request).imported);
        const model::Member ruth{lead, "Dr Ruth Webb", rwf, model::Role::Lead};
        const model::Member ellis{mark, "Mark Ellis", rwf, model::Role::ForumMember};
        forum::ProposalRequest r;
        r.title = "Vetting within 2 days";
        r.rule = "RCV->VET p90 <= 2d";
        r.quorum = "50%";
        const model::ProposalId p = forum::openProposal(ws, ruth, r);
        forum::castVote(ws, p, ellis, forum::VoteChoice::Agree, "");
        forum::castVote(ws, p, ruth, forum::VoteChoice::Agree, "");
        REQUIRE(forum::closeProposal(ws, p, ruth, "Adopted"));
    }
    EditorSession session(model::Workspace::open(path));
    StandardsCache cache;
    cache.sync(session);
    REQUIRE(cache.standards().size() == 1);
    // Nobody asked: no trust's log is read.
    CHECK_FALSE(cache.checking());
    CHECK(cache.checks() == nullptr);

    cache.wantChecks();
    cache.sync(session);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!cache.checks() && cache.failure().empty() &&
           std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        cache.sync(session);
    }
    CHECK(cache.failure().empty());
    REQUIRE(cache.checks());
    CHECK_FALSE(cache.checking());
    REQUIRE(cache.checks()->size() == 2);
    const forum::StandardCheck* rwf = cache.check(model::StandardId{1}, "RWF");
    REQUIRE(rwf);
    CHECK(rwf->check.overall.cases == 2);
    CHECK(rwf->check.byMonth.size() == 2);
    CHECK(standingsReport(*cache.checks()) ==
          "standard 1 RPA no-cases none\nstandard 1 RWF not-compliant 2.8 d\n");

    // Kept while the workspace is unchanged; dropped when it is read again.
    cache.wantChecks();
    cache.sync(session);
    CHECK_FALSE(cache.checking());
    CHECK(cache.checks());
    session.reload();
    cache.sync(session);
    CHECK(cache.checks() == nullptr);
}
