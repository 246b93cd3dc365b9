// strawman standard list | check, and compare --standard
#include "commands.h"

#include "forum/standards.h"
#include "model/store/workspace.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace strawman::cli {

using model::Workspace;
using nlohmann::json;

namespace {

struct StandardArgs {
    std::string ws, trust;
    std::int64_t standard = 0;
    bool json = false;
};

json valueJson(const forum::RuleValue& v) {
    return {{"value", v.cases ? json(v.value) : json(nullptr)},
            {"compliant", v.compliant},
            {"share_within", v.cases ? json(v.shareWithin) : json(nullptr)},
            {"cases", v.cases}};
}

// [SECTION] standard list

int runList(const StandardArgs& a) {
    const auto ws = Workspace::open(a.ws);
    json out = json::array();
    for (const forum::StandardView& s : forum::agreedStandards(ws)) {
        const model::ProposalDraft& d = s.record.proposal.draft;
        json row{{"id", s.record.id.value},
                 {"title", s.title()},
                 {"proposal", s.record.proposal.id.value},
                 {"kind", model::proposalKindName(s.kind())},
                 {"rule", s.rule ? json(forum::ruleText(*s.rule)) : json(nullptr)},
                 {"where", s.rule ? json(forum::whereText(s.rule->where)) : json(nullptr)},
                 {"map", s.kind() == model::ProposalKind::Map ? json(d.map.value) : json(nullptr)},
                 {"map_version",
                  s.kind() == model::ProposalKind::Map ? json(s.record.mapVersion) : json(nullptr)},
                 {"map_hash",
                  s.kind() == model::ProposalKind::Map ? json(s.record.mapHash) : json(nullptr)},
                 {"text", s.kind() == model::ProposalKind::Text ? json(d.text) : json(nullptr)},
                 {"agreed_at", s.record.agreedAt}};
        if (a.json) {
            out.push_back(row);
            continue;
        }
        std::cout << s.record.id.value << "\t" << s.title() << "\t";
        std::cout << forum::standardText(s);
        std::cout << "\tagreed " << s.record.agreedAt << " (proposal " << s.record.proposal.id.value
                  << ")\n";
    }
    if (a.json) std::cout << out.dump(2) << "\n";
    return 0;
}

// [SECTION] standard check

int runCheck(const StandardArgs& a) {
    const auto ws = Workspace::open(a.ws);
    const auto rows = forum::checkStandards(
        ws, a.standard ? std::optional(model::StandardId{a.standard}) : std::nullopt,
        a.trust.empty() ? std::nullopt : std::optional(ws.trust(a.trust).id));
    json out = json::array();
    model::StandardId shown;
    for (const forum::StandardCheck& r : rows) {
        const forum::RuleValue& v = r.check.overall;
        if (a.json) {
            json row = valueJson(v);
            json months = json::array();
            for (const forum::MonthValue& m : r.check.byMonth) {
                json month = valueJson(m.value);
                month["month"] = m.month;
                months.push_back(month);
            }
            row.update({{"standard", r.standard.value},
                        {"title", r.title},
                        {"rule", forum::ruleText(r.rule)},
                        {"where", forum::whereText(r.rule.where)},
                        {"trust", r.trust.code},
                        {"limit", r.rule.limit},
                        {"without_end", r.check.withoutEnd},
                        {"by_month", months}});
            out.push_back(row);
            continue;
        }
        if (r.standard != shown) {
            std::cout << (shown.value ? "\n" : "") << "Standard " << r.standard.value << ": "
                      << r.title << " (" << forum::ruleAndFilterText(r.rule) << ")\n";
            shown = r.standard;
        }
        std::cout << "  " << r.trust.code << "\t";
        if (v.cases == 0) {
            std::cout << "no cases to measure\n";
            continue;
        }
        char within[32];
        std::snprintf(within, sizeof within, "%.1f%%", v.shareWithin);
        std::cout << forum::valueText(r.rule, v.value) << " against "
                  << forum::valueText(r.rule, r.rule.limit) << "\t"
                  << (v.compliant ? "compliant" : "NOT compliant") << "\t" << within << " of "
                  << v.cases << " cases within";
        // The trend: a mark a month, + kept and - not.
        if (!r.check.byMonth.empty()) {
            std::cout << "\tby month " << r.check.byMonth.front().month << ".."
                      << r.check.byMonth.back().month << " ";
            for (const forum::MonthValue& m : r.check.byMonth)
                std::cout << (m.value.compliant ? '+' : '-');
        }
        std::cout << "\n";
    }
    if (a.json) std::cout << out.dump(2) << "\n";
    return 0;
}

} // namespace

// [SECTION] compare --standard

int compareWithStandard(const std::string& path, const std::string& process, std::int64_t standard,
                        bool asJson) {
    const auto ws = Workspace::open(path);
    const forum::StandardComparison c = forum::compareWithStandard(ws, model::StandardId{standard});
    if (!process.empty() && process != c.map.processName)
        throw model::Error("standard " + std::to_string(standard) + " is a standard for " +
                           c.map.processName + ", not for " + process);
    json out = json::array();
    if (!asJson)
        std::cout << c.map.processName << ": each trust's straw man against standard " << standard
                  << ", " << c.standard.title() << " (map " << c.map.id.value << " version "
                  << c.standard.record.mapVersion << ")\n\n";
    for (const forum::StrawManAgainstStandard& t : c.trusts) {
        if (asJson) {
            json row{{"trust", t.trust.code},
                     {"map", t.map ? json(t.map->id.value) : json(nullptr)}};
            if (t.map) {
                json onlyHere = json::array(), onlyThere = json::array();
                for (const auto& p : t.comparison.left.pairsOnlyHere)
                    onlyHere.push_back(p.fromName + " -> " + p.toName);
                for (const auto& p : t.comparison.right.pairsOnlyHere)
                    onlyThere.push_back(p.fromName + " -> " + p.toName);
                row.update({{"same", t.comparison.same()},
                            {"steps_only_in_straw_man", t.comparison.left.stepsOnlyHere},
                            {"steps_only_in_standard", t.comparison.right.stepsOnlyHere},
                            {"transitions_only_in_straw_man", onlyHere},
                            {"transitions_only_in_standard", onlyThere},
                            {"summary", t.comparison.summary}});
            }
            out.push_back(row);
            continue;
        }
        std::cout << t.trust.code << "\t";
        if (!t.map)
            std::cout << "no map of " << c.map.processName << "\n";
        else
            std::cout << "map " << t.map->id.value << "\t"
                      << (t.comparison.same() ? "draws the same process as the standard"
                                              : t.comparison.summary)
                      << "\n";
    }
    if (asJson) std::cout << out.dump(2) << "\n";
    return 0;
}

void addStandardCommands(CLI::App& app, Invocation& inv) {
    auto* standard = app.add_subcommand(
        "standard", "The network's agreed standards, and rule standards checked on the data");
    standard->require_subcommand(1);

    auto list = std::make_shared<StandardArgs>();
    auto* l = standard->add_subcommand("list", "The agreed standards: adopted proposals");
    l->add_option("WORKSPACE", list->ws, "Workspace file")->required();
    l->add_flag("--json", list->json, "Print JSON");
    l->callback([&inv, list] { inv.run = [list] { return runList(*list); }; });

    auto check = std::make_shared<StandardArgs>();
    auto* c = standard->add_subcommand(
        "check", "Each rule standard on each trust's data: value, limit, compliant, the share of "
                 "cases within, by month");
    c->add_option("WORKSPACE", check->ws, "Workspace file")->required();
    c->add_option("--standard", check->standard, "Only this standard (id)");
    c->add_option("--trust", check->trust, "Only this trust (ODS code)");
    c->add_flag("--json", check->json,
                "Print JSON (interval values and limits in seconds, shares in percent)");
    c->callback([&inv, check] { inv.run = [check] { return runCheck(*check); }; });
}

} // namespace strawman::cli
