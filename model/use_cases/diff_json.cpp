#include "diff_json.h"

#include <nlohmann/json.hpp>

namespace strawman::model {

using nlohmann::json;

namespace {

json diffResultJson(const DiffResult& r) {
    const auto share = [&](std::int64_t n) {
        return r.cases ? 100.0 * static_cast<double>(n) / static_cast<double>(r.cases) : 0.0;
    };
    json deviations = json::array();
    for (const auto& d : r.deviations)
        deviations.push_back({{"activity", d.activity},
                              {"skipped", d.skipped},
                              {"inserted", d.inserted},
                              {"skipped_percent", share(d.skipped)},
                              {"inserted_percent", share(d.inserted)},
                              {"skipped_moves", d.skippedMoves},
                              {"inserted_moves", d.insertedMoves}});
    json transitions = json::array();
    for (const auto& t : r.transitions)
        transitions.push_back({{"from", t.from},
                               {"to", t.to},
                               {"count", t.count},
                               {"cases", t.cases},
                               {"drawn", t.drawn},
                               {"median_s", t.duration.median},
                               {"p90_s", t.duration.p90},
                               {"max_s", t.duration.max}});
    json unused = json::array();
    for (const auto& e : r.unusedEdges)
        unused.push_back({{"edge", e.edge.value}, {"from", e.from}, {"to", e.to}});
    json unmapped = json::array();
    for (const auto& u : r.unmodelled)
        unmapped.push_back({{"activity", u.activity}, {"events", u.events}, {"cases", u.cases}});
    json variants = json::array();
    for (const auto& v : r.topVariants)
        variants.push_back({{"activities", v.activities},
                            {"count", v.count},
                            {"fitness", v.fitness},
                            {"deviations", v.deviations},
                            {"departures", v.departures}});
    return {{"cases", r.cases},
            {"variants", r.variants},
            {"shortest_run", r.shortestRun},
            {"log_fitness", r.logFitness},
            {"average_trace_fitness", r.averageTraceFitness},
            {"percentage_fitting", r.percentageFitting},
            {"deviations", deviations},
            {"transitions", transitions},
            {"unused_edges", unused},
            {"unmapped_activities", unmapped},
            {"top_variants", variants},
            {"cases_left_out", r.casesLeftOut},
            {"warnings", r.warnings}};
}

} // namespace

std::string toJson(const TrustDiff& d, const MapSummary& summary,
                   const std::vector<IntervalSpec>& intervals, int indent) {
    const std::vector<IntervalStats>& spans = d.intervals;
    json out = diffResultJson(d.result);
    out["trust"] = d.trust.code;
    out["map"] = {
        {"id", summary.id.value}, {"name", summary.name}, {"version", summary.versionNumber}};
    json list = json::array();
    for (std::size_t k = 0; k < intervals.size(); ++k)
        list.push_back({{"from", intervals[k].from},
                        {"to", intervals[k].to},
                        {"cases", spans[k].duration.count},
                        {"median_s", spans[k].duration.median},
                        {"p90_s", spans[k].duration.p90},
                        {"max_s", spans[k].duration.max},
                        {"without_end", spans[k].withoutEnd}});
    out["intervals"] = std::move(list);
    return out.dump(indent);
}

std::string toJson(const std::vector<TrustComparisonRow>& rows,
                   const std::vector<IntervalSpec>& intervals, int indent) {
    json out = json::array();
    for (const auto& r : rows) {
        json deviations = json::array();
        for (const auto& d : r.topDeviations)
            deviations.push_back(
                {{"activity", d.activity}, {"skipped", d.skipped}, {"inserted", d.inserted}});
        json spans = json::array();
        for (std::size_t i = 0; i < intervals.size(); ++i)
            spans.push_back({{"from", intervals[i].from},
                             {"to", intervals[i].to},
                             {"cases", r.intervals[i].duration.count},
                             {"median_s", r.intervals[i].duration.median},
                             {"p90_s", r.intervals[i].duration.p90},
                             {"without_end", r.intervals[i].withoutEnd}});
        out.push_back({{"trust", r.trust},
                       {"map", r.map ? json(r.map->value) : json(nullptr)},
                       {"map_name", r.mapName},
                       {"cases", r.cases},
                       {"log_fitness", r.logFitness},
                       {"average_trace_fitness", r.averageTraceFitness},
                       {"percentage_fitting", r.percentageFitting},
                       {"top_deviations", deviations},
                       {"intervals", spans},
                       {"problem", r.problem.empty() ? json(nullptr) : json(r.problem)}});
    }
    return out.dump(indent);
}

} // namespace strawman::model
