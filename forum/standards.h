// The network's agreed standards (adopted proposals) and the check of each rule
// standard on every trust's data: value, limit, compliant or not, the share of
// cases within the limit, and the same month by month (rule_check.h). A map
// standard is held against the trusts' straw men by the comparison
// (model/use_cases/trust_comparison.h); a written one is read, not measured.
#pragma once

#include "rule.h"
#include "rule_check.h"

#include "model/maps/map_comparison.h"
#include "model/store/workspace.h"

#include <optional>
#include <vector>

namespace strawman::forum {

struct StandardView {
    model::StandardRecord record;
    std::optional<Rule> rule; // a rule standard's rule
    std::string title() const { return record.proposal.draft.title; }
    model::ProposalKind kind() const { return record.proposal.draft.kind; }
};
std::vector<StandardView> agreedStandards(const model::Workspace& ws);

// What it adopted, in words: "RCV->VET p90 <= 3d where priority=routine",
// "map 1, version 2" (or the map's name, when given), or the written text.
std::string standardText(const StandardView& standard, const std::string& mapName = "");

// The map standard that adopted a version of `map`, the latest agreed; null
// for none. `standards` as agreedStandards reads them (a front end keeps them).
const StandardView* mapStandardOf(const std::vector<StandardView>& standards, model::MapId map);

// The rule standards that apply to a process: those agreed for it, and those
// agreed for no process in particular (they apply to all), in the order agreed.
std::vector<const StandardView*>
ruleStandardsOf(const std::vector<StandardView>& standards, model::ProcessId process);

// Whether a process has an agreed map standard (its network tree node says so).
bool hasMapStandard(const std::vector<StandardView>& standards, model::ProcessId process);

// The badge of a map whose version is an agreed standard: "Agreed standard · v2",
// or, once the map has moved on, "Agreed standard is v2 · this is v3". Empty
// for a map no standard adopted.
struct StandardBadge {
    std::string text;
    bool current = true; // the map shows the version adopted
    bool empty() const { return text.empty(); }
};
StandardBadge standardBadge(const std::vector<StandardView>& standards,
                            const model::MapSummary& map);


// A trust's straw man held against a map standard: what its own map of the
// process draws that the standard does not, and the other way (the comparison
// of map_comparison.h).
struct StrawManAgainstStandard {
    model::Trust trust;
    std::optional<model::MapSummary> map; // the trust's map of the process (the latest made)
    model::MapComparison comparison;      // left: the trust's map, right: the standard
};
struct StandardComparison {
    StandardView standard;
    model::MapSummary map; // the map whose version was adopted
    std::vector<StrawManAgainstStandard> trusts;
};
// Throws model::Error for an unknown standard or one that is not a map.
StandardComparison compareWithStandard(const model::Workspace& ws, model::StandardId standard);

// The time zone whose calendar months a rule's trend counts in: the network's
// ("Europe/London"), for a standard and a rule still proposed alike.
model::TimeZone networkTimeZone();

struct StandardCheck {
    model::StandardId standard;
    std::string title;
    Rule rule;
    model::Trust trust;
    RuleCheck check;
};

// Each rule standard (or only `standard`) on each trust's data (or only
// `trust`'s), standards in the order agreed, trusts in the network's order.
// Throws model::Error for an unknown standard, or one that is not a rule.
std::vector<StandardCheck> checkStandards(const model::Workspace& ws,
                                          std::optional<model::StandardId> standard = {},
                                          std::optional<model::TrustId> trust = {});

// A value a rule measures, or its limit, for reading: an interval as a
// duration ("3.7 d", model::durationText), a share as a percentage with one
// decimal ("95.0%"). The CLI's text and the editor word values alike.
std::string valueText(const Rule& rule, double value);

} // namespace strawman::forum
