// Flowcharts of realistic shape and any size for the benchmarks (layout,
// pictures): generated, seeded, the same on every machine.
#pragma once

#include "model/maps/process_map.h"

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace strawman::bench {

using namespace strawman::model;

struct Step {
    std::string_view code;
    std::string_view label;
    std::string_view lane; // who does it
};
constexpr std::array<Step, 14> kSteps{{
    {"REQ", "Request made", "Referrer"},
    {"RCV", "Request received by the department", "Booking clerk"},
    {"VET", "Vetted and justified", "Radiologist"},
    {"REJ", "Rejected at vetting", "Radiologist"},
    {"PRO", "Protocolled", "Radiographer"},
    {"BKD", "Booked", "Booking clerk"},
    {"DNA", "Did not attend", "Receptionist"},
    {"ARR", "Arrived", "Receptionist"},
    {"STA", "Exam started", "Radiographer"},
    {"CMP", "Exam completed", "Radiographer"},
    {"REP", "Preliminary report", "Registrar"},
    {"VER", "Report verified and authorised", "Radiologist"},
    {"ADD", "Addendum", "Radiologist"},
    {"CAN", "Cancelled", "Booking clerk"},
}};
constexpr std::array<std::string_view, 5> kQuestions{"Justified?", "Urgent?", "Contrast needed?",
                                                     "Attended?", "Second opinion needed?"};

// A flowchart like the ones drawn in workshops: mostly a chain of steps, with
// decisions whose branches rejoin, parallel blocks, the odd loop back (rebook after
// a DNA, re-vet), and notes beside the flow; with `Lanes::ByRole`, each step in the
// lane of the role that does it. The same size always gives the same map.
class FlowchartGenerator {
  public:
    enum class Lanes { None, ByRole };
    explicit FlowchartGenerator(int nodes, Lanes lanes = Lanes::None)
        : m_target(nodes), m_lanes(lanes) {}

    MapContent generate() {
        NodeId previous = add(NodeKind::Start, "Referral");
        while (remaining() > 1) {
            const auto roll = pick(20);
            if (roll < 2 && !m_history.empty()) {
                add(NodeKind::Note, "Agreed at the forum: check with the lead radiographer");
            } else if (roll < 6 && remaining() >= 6) {
                previous = decisionBlock(previous);
            } else if (roll < 9 && remaining() >= 7) {
                previous = parallelBlock(previous);
            } else if (roll < 10 && remaining() >= 3 && m_history.size() > 4) {
                previous = loopBack(previous);
            } else {
                previous = chain(previous);
            }
        }
        connect(previous, add(NodeKind::End, "Done"));
        return m_map;
    }

  private:
    int remaining() const { return m_target - static_cast<int>(m_map.nodes.size()); }
    std::uint32_t pick(std::uint32_t n) { return static_cast<std::uint32_t>(m_random() % n); }
    // Room for one more step in a branch, leaving one for each branch still to
    // come, one for the closing node of the block and one for the end.
    bool canLengthen(std::uint32_t branchesToCome) const {
        return remaining() - 1 >= static_cast<int>(branchesToCome) + 2;
    }

    NodeId add(NodeKind kind, std::string label, std::string activity = {}) {
        Node node;
        node.id = NodeId(static_cast<std::int64_t>(m_map.nodes.size() + 1));
        node.kind = kind;
        node.key = "n" + std::to_string(node.id.value);
        node.label = std::move(label);
        node.activity = std::move(activity);
        m_map.nodes.push_back(node);
        if (kind == NodeKind::Activity) m_history.push_back(node.id);
        return node.id;
    }
    void connect(NodeId from, NodeId to, std::string condition = {}) {
        m_map.edges.push_back({EdgeId(static_cast<std::int64_t>(m_map.edges.size() + 1)), from, to,
                               std::move(condition)});
    }
    NodeId activity() {
        const Step& step = kSteps[pick(kSteps.size())];
        const NodeId id = add(NodeKind::Activity, std::string(step.label), std::string(step.code));
        if (m_lanes == Lanes::ByRole) m_map.nodes.back().lane = step.lane;
        return id;
    }
    NodeId chain(NodeId previous) {
        const NodeId next = activity();
        connect(previous, next);
        return next;
    }
    // decision -> two or three branches of one or two steps -> a step they share
    NodeId decisionBlock(NodeId previous) {
        const NodeId decision =
            add(NodeKind::Decision, std::string(kQuestions[pick(kQuestions.size())]));
        connect(previous, decision);
        const std::uint32_t branches = remaining() >= 8 ? 2 + pick(2) : 2;
        std::vector<NodeId> ends;
        for (std::uint32_t b = 0; b < branches; ++b) {
            NodeId at = activity();
            connect(decision, at, b == 0 ? "yes" : b == 1 ? "no" : "not known");
            if (canLengthen(branches - b - 1) && pick(2) == 0) at = chain(at);
            ends.push_back(at);
        }
        const NodeId merged = activity();
        for (NodeId end : ends) connect(end, merged);
        return merged;
    }
    // split -> two or three branches of one or two steps -> join
    NodeId parallelBlock(NodeId previous) {
        const NodeId split = add(NodeKind::Parallel, "");
        connect(previous, split);
        const std::uint32_t branches = remaining() >= 9 ? 2 + pick(2) : 2;
        std::vector<NodeId> ends;
        for (std::uint32_t b = 0; b < branches; ++b) {
            NodeId at = chain(split);
            if (canLengthen(branches - b - 1) && pick(2) == 0) at = chain(at);
            ends.push_back(at);
        }
        const NodeId join = add(NodeKind::Parallel, "");
        for (NodeId end : ends) connect(end, join);
        return join;
    }
    // step -> done? -no-> back to an earlier step; -yes-> on
    NodeId loopBack(NodeId previous) {
        const NodeId target = m_history[m_history.size() - 2 - pick(3)];
        const NodeId decision = add(NodeKind::Decision, "Attended?");
        connect(previous, decision);
        connect(decision, target, "no, rebook");
        const NodeId next = activity();
        connect(decision, next, "yes");
        return next;
    }

    int m_target;
    Lanes m_lanes;
    std::mt19937 m_random{20240611}; // mt19937's sequence is the same everywhere
    MapContent m_map;
    std::vector<NodeId> m_history; // activity steps so far, for loops back
};

} // namespace strawman::bench
