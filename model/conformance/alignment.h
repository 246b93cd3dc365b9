// Optimal alignment of one case's activities with a map's runs (the
// process-mining literature's conformance measure, as PM4Py computes it).
//
// Moves: a synchronous move (the case did what the map says next, cost 0), a
// log move (the case did something the map does not allow here, cost 1), a
// model move (the map has a step the case skipped, cost 1; silent steps cost
// nothing). Among alignments with the fewest deviations, one with the fewest
// silent moves is taken. The search is A* over the product of the map's states
// (net_states.h) and positions in the case, with an admissible and consistent
// bound, the larger of two: events no reachable step can match must be log
// moves, and the steps still needed to reach the end beyond the remaining
// events must be model moves; and per activity, events beyond the times the
// map can still do it are log moves, times the map must still do it beyond its
// remaining events are model moves (label_counts.h).
//
// The search keeps its states in flat tables (direct index, or open addressing
// for long cases on large maps) reused from case to case (an Aligner per
// thread), its open states in buckets by estimate, and works each state's bound
// out once, so a diff of thousands of variants neither allocates per state nor
// rescans the trace.
// The first A* (alignment_reference.h) is kept for tests: the costs found are
// the same; where several alignments share the optimal cost, either may be taken.
#pragma once

#include "label_counts.h"
#include "net_states.h"
#include "silent_steps.h"
#include "workflow_net.h"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace strawman::model {

// A map ready for replay: its net, states and the activity codes its steps use.
struct ReplayModel {
    WorkflowNet net;
    NetStates states;
    std::vector<std::string> labels;           // activity codes of the visible steps, each once
    std::vector<std::int32_t> transitionLabel; // per transition: index into labels, -1 silent
    std::vector<std::vector<std::uint64_t>>
        reach; // per marking: bitset of labels some run from it can still do
    std::vector<std::uint32_t>
        reachClass; // per marking: markings with the same reach share a number
    std::uint32_t reachClasses = 0;
    LabelCounts counts; // how often each label can and must still happen
    SilentSteps silent; // which silent steps the search tries, and when

    std::int32_t labelOf(std::string_view activity) const; // -1 when the map has no such step
};

ReplayModel buildReplayModel(const MapContent& map);

enum class MoveKind : std::uint8_t { Sync, Log, Model, Silent };

struct Move {
    MoveKind kind;
    std::int32_t event;      // index in the case's trace (Sync, Log), else -1
    std::int32_t transition; // net transition (Sync, Model, Silent), else -1
};

struct Alignment {
    std::vector<Move> moves;
    std::uint32_t deviations = 0; // log moves + model moves
    std::uint32_t silentMoves = 0;
    std::uint32_t traceLength = 0;
    std::uint32_t shortestRun = 0; // visible steps of the map's shortest complete run
    std::uint64_t statesVisited = 0;

    // 1 - deviations / (trace length + shortest run): PM4Py's alignment fitness.
    double fitness() const;
    bool fitting() const { return deviations == 0; }
};

// The variant's search visited more states than allowed.
class AlignmentTooLarge : public Error {
  public:
    using Error::Error;
};

// Aligns cases on one map, keeping its tables from one case to the next. Not
// shared between threads: one each.
class Aligner {
  public:
    explicit Aligner(const ReplayModel& model);
    ~Aligner();
    Aligner(const Aligner&) = delete;
    Aligner& operator=(const Aligner&) = delete;

    // trace: label indexes of the model (ReplayModel::labels); -1 for an
    // activity the map does not have, which can only be a log move. Throws
    // AlignmentTooLarge past maxStates states searched.
    Alignment align(std::span<const std::int32_t> trace, std::uint64_t maxStates = 5'000'000);

  private:
    struct Tables;
    const ReplayModel& m_model;
    std::unique_ptr<Tables> m_tables;
};

// One case: an Aligner used once.
Alignment align(const ReplayModel& model, std::span<const std::int32_t> trace,
                std::uint64_t maxStates = 5'000'000);

} // namespace strawman::model
