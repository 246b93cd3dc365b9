// The diff: a trust's cases held against a map, with the numbers a manager
// reads (docs/design.md, "The diff"). Each distinct variant is aligned once
// (alignment.h) and its result shared by its cases.
//
// Definitions, as in the process-mining literature and PM4Py:
//   trace fitness  = 1 - deviations / (trace length + shortest complete run of the map)
//   log fitness    = 1 - sum of deviations / sum of (trace length + shortest run)
//   fitting case   = trace fitness 1 (no deviation)
// An activity the map does not have is a log move wherever it occurs, unless
// ignoreUnmodelled projects it away first.
#pragma once

#include "alignment.h"
#include "model/analysis/duration_stats.h"
#include "model/events/event_log.h"
#include "model/maps/process_map.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace strawman::model {

class Progress;

struct DiffOptions {
    bool ignoreUnmodelled = false;
    std::size_t topVariants = 20;
    std::uint64_t maxStatesPerVariant = 5'000'000;
    unsigned threads = 0; // threads aligning the variants; 0: one per core. The result is the same.
};

// Per activity: cases in which the map's step was skipped (a model move), and
// cases in which it was done where the map does not allow it (a log move).
struct ActivityDeviation {
    std::string activity;
    std::int64_t skipped = 0, inserted = 0;           // cases
    std::int64_t skippedMoves = 0, insertedMoves = 0; // moves, a case may have several
};

struct ObservedTransition {
    std::string from, to;
    std::int64_t count = 0; // occurrences
    std::int64_t cases = 0;
    bool drawn = false; // some run of the map does `to` straight after `from`
    DurationStats duration;
};

// A case's first (or last) activity, and whether a run of the map can start
// (end) with it: a case that starts at booking when the map starts at request
// received is a departure too.
struct CaseBoundary {
    std::string activity;
    std::int64_t cases = 0;
    bool drawn = false;
};

// The observed steps one arrow of the map stands for, so the map can show how
// much traffic each arrow carries. An arrow stands for a step when the step's
// first activity is one the arrow can come from and its second one the arrow
// can lead to, looking through decisions (and through parallel bars, past which
// any activity qualifies), and the map allows the step (`drawn`). An arrow into
// or out of a gateway so stands for several steps, and one step may be carried
// by the arrows on both sides of a gateway.
struct ArrowTraffic {
    EdgeId edge;
    std::int64_t occurrences = 0;         // the steps' counts added up
    std::vector<std::size_t> transitions; // indices into DiffResult::transitions
    std::vector<std::size_t> starts;      // into DiffResult::starts: arrows out of the start
    std::vector<std::size_t> ends;        // into DiffResult::ends: arrows into an end
};

struct UnusedEdge {
    EdgeId edge;
    std::string from, to; // node labels
};

struct UnmodelledActivity {
    std::string activity;
    std::int64_t events = 0, cases = 0;
};

struct DiffVariant {
    std::vector<std::string> activities;
    std::int64_t count = 0;
    double fitness = 1;
    std::uint32_t deviations = 0;
    std::vector<std::string> departures; // "VET skipped", "REP done where not drawn"
};

struct DiffResult {
    std::int64_t cases = 0;
    std::int64_t variants = 0;
    std::uint32_t shortestRun = 0;
    double logFitness = 1;
    double averageTraceFitness = 1;
    double percentageFitting = 100;
    std::vector<ActivityDeviation> deviations;   // most deviating first
    std::vector<ObservedTransition> transitions; // every directly-follows pair of the cases
    std::vector<CaseBoundary> starts, ends;      // most cases first
    std::vector<ArrowTraffic> arrows;            // one per map edge, in the map's order
    std::vector<UnusedEdge> unusedEdges;         // drawn arrows no case follows: no traffic
    std::vector<UnmodelledActivity> unmodelled;  // in the log, not on the map
    std::vector<DiffVariant> topVariants;
    std::int64_t casesLeftOut = 0; // variants too large to align
    std::vector<std::string> warnings;
};

// Given a Progress, reports after each variant aligned (the bulk of the time)
// and throws Cancelled there when asked to stop.
DiffResult diff(const MapContent& map, const EventLog& log, std::span<const std::uint32_t> cases,
                const DiffOptions& options = {}, Progress* progress = nullptr);

} // namespace strawman::model
