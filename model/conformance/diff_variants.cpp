// The diff's first step (diff_steps.h): each variant aligned once with the map,
// its result counted for all of its cases.
#include "diff_steps.h"

#include "model/analysis/variants.h"
#include "variant_alignment.h"

#include <algorithm>
#include <map>
#include <set>

namespace strawman::model {

namespace {

constexpr std::string_view kAligning = "aligning the variants with the map";

// The variants as the aligner reads them: the map's label of each event, and
// for each trace position the log activity it came from.
struct VariantTraces {
    std::vector<std::vector<std::int32_t>> labels;
    std::vector<std::vector<std::uint32_t>> activities;
};

VariantTraces tracesOf(const std::vector<Variant>& variants, const EventLog& log,
                       const std::vector<std::int32_t>& labelOf, const DiffOptions& options,
                       std::map<std::string, UnmodelledActivity>& unmodelled) {
    VariantTraces t{std::vector<std::vector<std::int32_t>>(variants.size()),
                    std::vector<std::vector<std::uint32_t>>(variants.size())};
    for (std::size_t vi = 0; vi < variants.size(); ++vi) {
        const Variant& v = variants[vi];
        const auto n = static_cast<std::int64_t>(v.cases.size());
        std::set<std::uint32_t> notOnMap;
        for (const std::uint32_t a : v.activities) {
            if (labelOf[a] < 0) {
                unmodelled[log.activities[a]].events += n;
                notOnMap.insert(a);
                if (options.ignoreUnmodelled) continue;
            }
            t.labels[vi].push_back(labelOf[a]);
            t.activities[vi].push_back(a);
        }
        for (const std::uint32_t a : notOnMap) unmodelled[log.activities[a]].cases += n;
    }
    return t;
}

// One variant's moves off the map, per activity (skipped, inserted), and the
// departures in the words a manager reads, each once, in the order they happen.
struct VariantDepartures {
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> moves;
    std::vector<std::string> departures;

    void add(const std::string& code, bool skipped) {
        auto& counts = moves[code];
        ++(skipped ? counts.first : counts.second);
        const std::string text = code + (skipped ? " skipped" : " done where not drawn");
        if (std::find(departures.begin(), departures.end(), text) == departures.end())
            departures.push_back(text);
    }
};

VariantDepartures departuresOf(const Alignment& al, const ReplayModel& model, const EventLog& log,
                               const std::vector<std::uint32_t>& eventActivity) {
    VariantDepartures d;
    for (const Move& mv : al.moves) {
        if (mv.kind == MoveKind::Model)
            d.add(model.net.transitions[static_cast<std::size_t>(mv.transition)].activity, true);
        else if (mv.kind == MoveKind::Log)
            d.add(log.activities[eventActivity[static_cast<std::size_t>(mv.event)]], false);
    }
    return d;
}

// The sums the log's fitness figures are made of, each case weighing once.
struct FitnessSums {
    double deviations = 0, worst = 0, fitness = 0;
    std::int64_t aligned = 0, fitting = 0;

    void add(const Alignment& al, std::size_t traceLength, std::int64_t n) {
        const auto weight = static_cast<double>(n);
        aligned += n;
        deviations += static_cast<double>(al.deviations) * weight;
        worst += static_cast<double>(traceLength + al.shortestRun) * weight;
        fitness += al.fitness() * weight;
        if (al.fitting()) fitting += n;
    }

    void into(DiffResult& r) const {
        r.logFitness = worst > 0 ? 1.0 - deviations / worst : 1.0;
        r.averageTraceFitness = aligned > 0 ? fitness / static_cast<double>(aligned) : 1.0;
        r.percentageFitting =
            aligned > 0 ? 100.0 * static_cast<double>(fitting) / static_cast<double>(aligned)
                        : 100.0;
    }
};

void addDeviations(std::map<std::string, ActivityDeviation>& perActivity,
                   const VariantDepartures& d, std::int64_t n) {
    for (const auto& [code, counts] : d.moves) {
        ActivityDeviation& a = perActivity[code];
        a.activity = code;
        if (counts.first) a.skipped += n;
        if (counts.second) a.inserted += n;
        a.skippedMoves += counts.first * n;
        a.insertedMoves += counts.second * n;
    }
}

// Most deviating first; unmodelled activities in code order.
void listDeviations(DiffResult& r, std::map<std::string, ActivityDeviation>& perActivity,
                    std::map<std::string, UnmodelledActivity>& unmodelled) {
    for (auto& [code, d] : perActivity) r.deviations.push_back(std::move(d));
    std::stable_sort(r.deviations.begin(), r.deviations.end(), [](const auto& a, const auto& b) {
        return a.skipped + a.inserted > b.skipped + b.inserted;
    });
    for (auto& [code, u] : unmodelled) {
        u.activity = code;
        r.unmodelled.push_back(std::move(u));
    }
}

// The variant's search failed: too large a search leaves its cases out with one
// warning for them all; anything else is passed on.
void leaveOut(DiffResult& r, const std::exception_ptr& error, std::int64_t n) {
    try {
        std::rethrow_exception(error);
    } catch (const AlignmentTooLarge& e) {
        if (r.casesLeftOut == 0) r.warnings.push_back(e.what());
        r.casesLeftOut += n;
    }
}

} // namespace

void alignVariantsOfDiff(DiffResult& r, const ReplayModel& model, const EventLog& log,
                         std::span<const std::uint32_t> cases,
                         const std::vector<std::int32_t>& labelOf, const DiffOptions& options,
                         const DiffReport& report, double from, double to) {
    report(0, "grouping the cases into variants");
    const std::vector<Variant> variants = rankedVariants(log, cases);
    r.variants = static_cast<std::int64_t>(variants.size());
    report(from, kAligning);
    const double perVariant =
        (to - from) / static_cast<double>(std::max<std::size_t>(variants.size(), 1));

    std::map<std::string, UnmodelledActivity> unmodelled;
    const VariantTraces traces = tracesOf(variants, log, labelOf, options, unmodelled);
    const std::vector<VariantAlignment> alignments = alignVariants(
        model, traces.labels, options.maxStatesPerVariant, options.threads, [&](std::size_t done) {
            report(from + perVariant * static_cast<double>(done), kAligning);
        });

    std::map<std::string, ActivityDeviation> perActivity;
    FitnessSums sums;
    for (std::size_t vi = 0; vi < variants.size(); ++vi) {
        const Variant& v = variants[vi];
        const auto n = static_cast<std::int64_t>(v.cases.size());
        if (alignments[vi].error) {
            leaveOut(r, alignments[vi].error, n);
            continue;
        }
        const Alignment& al = alignments[vi].alignment;
        sums.add(al, traces.labels[vi].size(), n);
        VariantDepartures departures = departuresOf(al, model, log, traces.activities[vi]);
        addDeviations(perActivity, departures, n);
        if (r.topVariants.size() < options.topVariants) {
            DiffVariant dv;
            for (const std::uint32_t a : v.activities) dv.activities.push_back(log.activities[a]);
            dv.count = n;
            dv.fitness = al.fitness();
            dv.deviations = al.deviations;
            dv.departures = std::move(departures.departures);
            r.topVariants.push_back(std::move(dv));
        }
    }
    sums.into(r);
    listDeviations(r, perActivity, unmodelled);
}

} // namespace strawman::model
