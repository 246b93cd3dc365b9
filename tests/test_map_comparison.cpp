#include "log_builder.h"
#include "map_fixtures.h"

#include "model/analysis/discovery.h"
#include "model/maps/map_comparison.h"

#include <doctest/doctest.h>

#include <numeric>
#include <string>
#include <vector>

using namespace strawman;
using namespace strawman::model;
using test::LogBuilder;
using test::MapBuilder;

namespace {

std::size_t at(const MapContent& map, const std::string& key) {
    for (std::size_t i = 0; i < map.nodes.size(); ++i)
        if (map.nodes[i].key == key) return i;
    FAIL("no node " << key);
    throw;
}

std::size_t edgeAt(const MapContent& map, const std::string& from, const std::string& to) {
    const NodeId f = map.nodes[at(map, from)].id, t = map.nodes[at(map, to)].id;
    for (std::size_t e = 0; e < map.edges.size(); ++e)
        if (map.edges[e].from == f && map.edges[e].to == t) return e;
    FAIL("no arrow " << from << " -> " << to);
    throw;
}

// "from then to" for each pair, as a reader would say them.
std::vector<std::string> said(const std::vector<ActivityPair>& pairs) {
    std::vector<std::string> out;
    for (const auto& p : pairs) out.push_back(p.fromName + " then " + p.toName);
    return out;
}

// start -> each code in turn -> end; node keys are the codes in lower case.
MapContent sequence(const std::vector<std::string>& codes) {
    MapBuilder b;
    NodeId last = b.node(NodeKind::Start, "start");
    for (const std::string& code : codes) {
        std::string key;
        for (const char c : code) key += static_cast<char>(c - 'A' + 'a');
        const NodeId next = b.activity(key, code);
        b.edge(last, next);
        last = next;
    }
    b.edge(last, b.node(NodeKind::End, "end"));
    return b.map();
}

// The CT pathway with protocolling drawn between the decision and booking.
MapContent ctPathwayWithProtocolling() {
    MapBuilder b;
    auto start = b.node(NodeKind::Start, "start");
    auto rcv = b.activity("rcv", "RCV");
    auto vet = b.activity("vet", "VET");
    auto ok = b.node(NodeKind::Decision, "accepted", "Justified?");
    auto rej = b.activity("rej", "REJ");
    auto pro = b.node(NodeKind::Activity, "pro", "Protocolled", "PRO");
    auto bkd = b.activity("bkd", "BKD");
    auto cmp = b.activity("cmp", "CMP");
    auto ver = b.activity("ver", "VER");
    auto end = b.node(NodeKind::End, "end");
    b.edge(start, rcv).edge(rcv, vet).edge(vet, ok).edge(ok, pro, "yes").edge(ok, rej, "no");
    b.edge(pro, bkd).edge(rej, end).edge(bkd, cmp).edge(cmp, ver).edge(ver, end);
    return b.map();
}

std::vector<std::uint32_t> all(const EventLog& log) {
    std::vector<std::uint32_t> cases(log.caseCount());
    std::iota(cases.begin(), cases.end(), 0u);
    return cases;
}

} // namespace

TEST_CASE("a map compared with itself has no differences") {
    for (const MapContent& map : {test::ctPathway(), test::parallelBlock()}) {
        const MapComparison c = compareMaps(map, map, {"RN7's map", "RPA's map"});
        CHECK(c.same());
        CHECK(c.summary == "RN7's map and RPA's map show the same steps in the same order.");
        for (const MapSideDifferences* side : {&c.left, &c.right}) {
            CHECK(side->stepsOnlyHere.empty());
            CHECK(side->pairsOnlyHere.empty());
            CHECK(side->unmatchedEdges == 0);
            for (std::size_t e = 0; e < map.edges.size(); ++e) CHECK(side->edgeMatched[e]);
            for (std::size_t i = 0; i < map.nodes.size(); ++i) {
                const NodeKind kind = map.nodes[i].kind;
                const bool step = kind != NodeKind::Decision && kind != NodeKind::Parallel;
                CHECK(side->nodeCompared[i] == step);
                // Ends share a step, so ctPathway's two ends could swap; each still
                // pairs with its own copy, as its neighbours say.
                if (step)
                    CHECK(side->nodeCounterpart[i] == i);
                else
                    CHECK_FALSE(side->nodeCounterpart[i]);
            }
        }
    }
    const MapComparison ct = compareMaps(test::ctPathway(), test::ctPathway());
    // start, RCV, VET, REJ, BKD, CMP, VER, end; the two ends are one step.
    CHECK(ct.left.steps == 8);
    // start-RCV, RCV-VET, VET-BKD, VET-REJ, REJ-end, BKD-CMP, CMP-VER, VER-end.
    CHECK(ct.left.transitions == 8);
}

TEST_CASE("comparing maps, a step drawn in one only is reported with the transitions around it") {
    const MapContent straw = test::ctPathway(), recorded = ctPathwayWithProtocolling();
    const MapComparison c = compareMaps(straw, recorded, {"the straw man", "RN7's map"});

    CHECK_FALSE(c.same());
    CHECK(c.left.stepsOnlyHere.empty());
    CHECK(c.right.stepsOnlyHere == std::vector<std::string>{"Protocolled"});
    CHECK(c.right.nodeOnlyHere(at(recorded, "pro")));
    CHECK(c.right.nodeCounterpart[at(recorded, "bkd")] == at(straw, "bkd"));
    CHECK(said(c.left.pairsOnlyHere) == std::vector<std::string>{"VET then BKD"});
    CHECK(said(c.right.pairsOnlyHere) ==
          std::vector<std::string>{"VET then Protocolled", "Protocolled then BKD"});

    // The arrow into the decision draws VET-BKD and VET-REJ; one of them is
    // missing on the other side, so it is highlighted; the way to REJ is not.
    CHECK_FALSE(c.left.edgeMatched[edgeAt(straw, "vet", "accepted")]);
    CHECK_FALSE(c.left.edgeMatched[edgeAt(straw, "accepted", "bkd")]);
    CHECK(c.left.edgeMatched[edgeAt(straw, "accepted", "rej")]);
    CHECK(c.left.edgeMatched[edgeAt(straw, "bkd", "cmp")]);
    CHECK(c.left.unmatchedEdges == 2);
    CHECK_FALSE(c.right.edgeMatched[edgeAt(recorded, "accepted", "pro")]);
    CHECK_FALSE(c.right.edgeMatched[edgeAt(recorded, "pro", "bkd")]);
    CHECK(c.right.edgeMatched[edgeAt(recorded, "rej", "end")]);
    CHECK(c.right.unmatchedEdges == 3);

    // The transitions around Protocolled are said by the step itself.
    CHECK(
        c.summary ==
        "1 step only in RN7's map: Protocolled. 1 transition only in the straw man: VET then BKD.");
}

TEST_CASE("comparing maps, vetting after booking is a difference in transitions, not in steps") {
    const MapContent drawn = sequence({"RCV", "VET", "BKD", "CMP"});
    const MapContent done = sequence({"RCV", "BKD", "VET", "CMP"});
    const MapComparison c = compareMaps(drawn, done, {"RVV's map", "the as-recorded map"});

    CHECK(c.left.stepsOnlyHere.empty());
    CHECK(c.right.stepsOnlyHere.empty());
    CHECK(c.left.nodeCounterpart[at(drawn, "vet")] == at(done, "vet"));
    CHECK(c.left.nodeCounterpart[at(drawn, "bkd")] == at(done, "bkd"));
    CHECK(said(c.left.pairsOnlyHere) ==
          std::vector<std::string>{"RCV then VET", "VET then BKD", "BKD then CMP"});
    CHECK(said(c.right.pairsOnlyHere) ==
          std::vector<std::string>{"RCV then BKD", "BKD then VET", "VET then CMP"});
    CHECK(c.left.edgeMatched[edgeAt(drawn, "start", "rcv")]);
    CHECK_FALSE(c.left.edgeMatched[edgeAt(drawn, "vet", "bkd")]);
    CHECK(c.left.edgeMatched[edgeAt(drawn, "cmp", "end")]);
    CHECK(c.left.unmatchedEdges == 3);
    CHECK(c.summary ==
          "3 transitions only in RVV's map: RCV then VET, VET then BKD, BKD then CMP. "
          "3 transitions only in the as-recorded map: RCV then BKD, BKD then VET, VET then CMP.");
}

TEST_CASE("comparing maps, gateways that allow the same transitions are no difference") {
    // A, then B or C, then D: with a decision and a merge.
    MapBuilder gated;
    {
        auto s = gated.node(NodeKind::Start, "s");
        auto a = gated.activity("a", "A");
        auto choice = gated.node(NodeKind::Decision, "choice", "Which?");
        auto b = gated.activity("b", "B"), c = gated.activity("c", "C");
        auto merge = gated.node(NodeKind::Decision, "merge");
        auto d = gated.activity("d", "D");
        auto e = gated.node(NodeKind::End, "e");
        gated.edge(s, a).edge(a, choice).edge(choice, b, "b").edge(choice, c, "c");
        gated.edge(b, merge).edge(c, merge).edge(merge, d).edge(d, e);
    }
    // The same, as a manager draws it without gateways: two arrows out of A are a choice.
    MapBuilder plain;
    {
        auto s = plain.node(NodeKind::Start, "s");
        auto a = plain.activity("a", "A");
        auto b = plain.activity("b", "B"), c = plain.activity("c", "C");
        auto d = plain.activity("d", "D");
        auto e = plain.node(NodeKind::End, "e");
        plain.edge(s, a).edge(a, b).edge(a, c).edge(b, d).edge(c, d).edge(d, e);
    }
    // The same again through two decisions in a row and no merge.
    MapBuilder nested;
    {
        auto s = nested.node(NodeKind::Start, "s");
        auto a = nested.activity("a", "A");
        auto first = nested.node(NodeKind::Decision, "first");
        auto second = nested.node(NodeKind::Decision, "second");
        auto b = nested.activity("b", "B"), c = nested.activity("c", "C");
        auto d = nested.activity("d", "D");
        auto e = nested.node(NodeKind::End, "e");
        nested.edge(s, a).edge(a, first).edge(first, b).edge(first, second).edge(second, c);
        nested.edge(b, d).edge(c, d).edge(d, e);
    }

    SUBCASE("a decision and merge against plain arrows") {
        const MapComparison c = compareMaps(gated.map(), plain.map());
        CHECK(c.same());
        CHECK(c.left.unmatchedEdges == 0);
        CHECK(c.right.unmatchedEdges == 0);
        CHECK_FALSE(c.left.nodeCompared[at(gated.map(), "choice")]);
        CHECK_FALSE(c.left.nodeOnlyHere(at(gated.map(), "choice")));
    }
    SUBCASE("two decisions in a row against one") {
        const MapComparison c = compareMaps(nested.map(), gated.map());
        CHECK(c.same());
        CHECK(c.left.transitions == 6);
    }
    SUBCASE("a parallel block against the same block drawn as a choice") {
        // Documented: the branches are not said to follow one another, so AND
        // and XOR allow the same transitions here.
        MapContent choice = test::parallelBlock();
        for (Node& n : choice.nodes)
            if (n.kind == NodeKind::Parallel) n.kind = NodeKind::Decision;
        CHECK(compareMaps(test::parallelBlock(), choice).same());
    }
    SUBCASE("a merge that leads C elsewhere is a difference") {
        MapBuilder other;
        auto s = other.node(NodeKind::Start, "s");
        auto a = other.activity("a", "A");
        auto choice = other.node(NodeKind::Decision, "choice");
        auto b = other.activity("b", "B"), c = other.activity("c", "C");
        auto d = other.activity("d", "D");
        auto e = other.node(NodeKind::End, "e");
        other.edge(s, a).edge(a, choice).edge(choice, b).edge(choice, c);
        other.edge(b, d).edge(c, e).edge(d, e);
        const MapComparison cmp = compareMaps(gated.map(), other.map());
        CHECK(said(cmp.left.pairsOnlyHere) == std::vector<std::string>{"C then D"});
        CHECK(said(cmp.right.pairsOnlyHere) == std::vector<std::string>{"C then End"});
        // The merge's way out draws B-D (in both) and C-D (only here).
        CHECK_FALSE(cmp.left.edgeMatched[edgeAt(gated.map(), "merge", "d")]);
        CHECK_FALSE(cmp.left.edgeMatched[edgeAt(gated.map(), "c", "merge")]);
        CHECK(cmp.left.edgeMatched[edgeAt(gated.map(), "b", "merge")]);
    }
}

TEST_CASE("comparing maps, an activity code on several nodes is one step, matched all-to-all") {
    // Booked, and after a missed appointment booked again, drawn as two nodes...
    MapBuilder twice;
    auto s = twice.node(NodeKind::Start, "s");
    auto rcv = twice.activity("rcv", "RCV");
    auto booked = twice.node(NodeKind::Activity, "booked", "Booked", "BKD");
    auto dna = twice.activity("dna", "DNA");
    auto rebooked = twice.node(NodeKind::Activity, "rebooked", "Rebooked", "BKD");
    auto arr = twice.activity("arr", "ARR");
    auto e = twice.node(NodeKind::End, "e");
    twice.edge(s, rcv).edge(rcv, booked).edge(booked, arr).edge(booked, dna).edge(dna, rebooked);
    twice.edge(arr, e);
    // ...and as one node with a loop.
    MapBuilder loop;
    {
        auto ls = loop.node(NodeKind::Start, "s");
        auto lrcv = loop.activity("rcv", "RCV");
        auto lbkd = loop.activity("bkd", "BKD");
        auto ldna = loop.activity("dna", "DNA");
        auto larr = loop.activity("arr", "ARR");
        auto le = loop.node(NodeKind::End, "e");
        loop.edge(ls, lrcv)
            .edge(lrcv, lbkd)
            .edge(lbkd, larr)
            .edge(lbkd, ldna)
            .edge(ldna, lbkd)
            .edge(larr, le);
    }

    SUBCASE("rebooking drawn as a loop or as a second node: the same transitions") {
        twice.edge(rebooked, arr);
        const MapComparison c = compareMaps(twice.map(), loop.map());
        CHECK(c.same());
        // Booked shares more neighbours with the loop's one BKD than Rebooked
        // does, so it is the one-to-one counterpart; Rebooked points there too.
        const std::size_t one = at(loop.map(), "bkd");
        CHECK(c.left.nodeCounterpart[at(twice.map(), "booked")] == one);
        CHECK(c.left.nodeCounterpart[at(twice.map(), "rebooked")] == one);
        CHECK(c.right.nodeCounterpart[one] == at(twice.map(), "booked"));
        CHECK(c.left.steps == 6); // start, RCV, BKD, DNA, ARR, end
    }
    SUBCASE("a transition of the second node only is still found") {
        twice.edge(rebooked, e); // rebooked, then nothing more is recorded
        const MapComparison c = compareMaps(twice.map(), loop.map());
        CHECK(said(c.left.pairsOnlyHere) == std::vector<std::string>{"Rebooked then End"});
        CHECK(c.right.pairsOnlyHere.empty());
        CHECK_FALSE(c.left.edgeMatched[edgeAt(twice.map(), "rebooked", "e")]);
        // DNA then BKD is in both, though the loop draws it with its one node.
        CHECK(c.left.edgeMatched[edgeAt(twice.map(), "dna", "rebooked")]);
    }
    SUBCASE("nodes drawn in another order pair by their neighbours") {
        twice.edge(rebooked, arr);
        MapBuilder mirrored; // the same map, unlabelled, with the nodes added in another order
        auto ms = mirrored.node(NodeKind::Start, "s");
        auto mrcv = mirrored.activity("rcv", "RCV");
        auto mre = mirrored.activity("rebooked", "BKD");
        auto mdna = mirrored.activity("dna", "DNA");
        auto mbk = mirrored.activity("booked", "BKD");
        auto marr = mirrored.activity("arr", "ARR");
        auto me = mirrored.node(NodeKind::End, "e");
        mirrored.edge(ms, mrcv).edge(mrcv, mbk).edge(mbk, marr).edge(mbk, mdna);
        mirrored.edge(mdna, mre).edge(mre, marr).edge(marr, me);
        const MapComparison c = compareMaps(twice.map(), mirrored.map());
        CHECK(c.same());
        CHECK(c.left.nodeCounterpart[at(twice.map(), "booked")] == at(mirrored.map(), "booked"));
        CHECK(c.left.nodeCounterpart[at(twice.map(), "rebooked")] ==
              at(mirrored.map(), "rebooked"));
        CHECK(c.right.nodeCounterpart[at(mirrored.map(), "rebooked")] ==
              at(twice.map(), "rebooked"));
    }
}

TEST_CASE("comparing maps, nodes of one code pair by label first, whatever order they were drawn") {
    // Booking online or by phone: two BKD nodes with the same neighbours.
    const auto twoWays = [](bool phoneFirst, const std::string& online, const std::string& phone) {
        MapBuilder b;
        auto s = b.node(NodeKind::Start, "s");
        auto rcv = b.activity("rcv", "RCV");
        NodeId first = b.node(NodeKind::Activity, phoneFirst ? "phone" : "online",
                              phoneFirst ? phone : online, "BKD");
        NodeId second = b.node(NodeKind::Activity, phoneFirst ? "online" : "phone",
                               phoneFirst ? online : phone, "BKD");
        auto arr = b.activity("arr", "ARR");
        auto e = b.node(NodeKind::End, "e");
        b.edge(s, rcv).edge(rcv, first).edge(rcv, second).edge(first, arr).edge(second, arr);
        b.edge(arr, e);
        return b.map();
    };
    const MapContent left = twoWays(false, "Booked online", "Booked by phone");
    const MapContent right = twoWays(true, "booked  ONLINE", "Booked by phone");
    const MapComparison c = compareMaps(left, right);
    CHECK(c.same());
    CHECK(c.left.nodeCounterpart[at(left, "online")] == at(right, "online"));
    CHECK(c.left.nodeCounterpart[at(left, "phone")] == at(right, "phone"));
    CHECK(c.right.nodeCounterpart[at(right, "online")] == at(left, "online"));
}

TEST_CASE("comparing maps, nodes of one code and one distance from the start pair by neighbours") {
    // Booked then arrived, or booked then cancelled: two unlabelled BKD nodes,
    // each as far from the start as the other.
    const auto twoBookings = [](bool cancelledFirst) {
        MapBuilder b;
        auto s = b.node(NodeKind::Start, "s");
        auto rcv = b.activity("rcv", "RCV");
        NodeId first = b.activity(cancelledFirst ? "then_can" : "then_arr", "BKD");
        NodeId second = b.activity(cancelledFirst ? "then_arr" : "then_can", "BKD");
        auto arr = b.activity("arr", "ARR"), can = b.activity("can", "CAN");
        auto e = b.node(NodeKind::End, "e");
        b.edge(s, rcv).edge(rcv, first).edge(rcv, second).edge(arr, e).edge(can, e);
        const NodeId toArr = cancelledFirst ? second : first,
                     toCan = cancelledFirst ? first : second;
        b.edge(toArr, arr).edge(toCan, can);
        return b.map();
    };
    const MapContent left = twoBookings(false), right = twoBookings(true);
    const MapComparison c = compareMaps(left, right);
    CHECK(c.same());
    CHECK(c.left.nodeCounterpart[at(left, "then_arr")] == at(right, "then_arr"));
    CHECK(c.left.nodeCounterpart[at(left, "then_can")] == at(right, "then_can"));
}

TEST_CASE("comparing maps, several ends are one step: the process finishes whichever is drawn") {
    // ctPathway ends after rejection and after reporting; this map has one end.
    MapBuilder oneEnd;
    auto s = oneEnd.node(NodeKind::Start, "start");
    auto rcv = oneEnd.activity("rcv", "RCV");
    auto vet = oneEnd.activity("vet", "VET");
    auto rej = oneEnd.activity("rej", "REJ");
    auto bkd = oneEnd.activity("bkd", "BKD");
    auto cmp = oneEnd.activity("cmp", "CMP");
    auto ver = oneEnd.activity("ver", "VER");
    auto end = oneEnd.node(NodeKind::End, "end", "Finished");
    oneEnd.edge(s, rcv).edge(rcv, vet).edge(vet, bkd).edge(vet, rej).edge(rej, end).edge(bkd, cmp);
    oneEnd.edge(cmp, ver).edge(ver, end);

    const MapContent ct = test::ctPathway();
    const MapComparison c = compareMaps(ct, oneEnd.map());
    CHECK(c.same());
    const std::size_t finished = at(oneEnd.map(), "end");
    CHECK(c.left.nodeCounterpart[at(ct, "end")] == finished);
    CHECK(c.left.nodeCounterpart[at(ct, "end_rejected")] == finished);
    // Each of ctPathway's ends shares a step before it with the one end; the end
    // after rejection is as far from the start as "Finished" is at its nearest.
    CHECK(c.right.nodeCounterpart[finished] == at(ct, "end_rejected"));

    SUBCASE("ends pair by label first") {
        MapContent labelled = test::ctPathway();
        labelled.nodes[at(labelled, "end")].label = "Reported";
        labelled.nodes[at(labelled, "end_rejected")].label = "Rejected";
        MapContent swapped = labelled;
        swapped.nodes[at(swapped, "end")].label = "Rejected";
        swapped.nodes[at(swapped, "end_rejected")].label = "Reported";
        const MapComparison l = compareMaps(labelled, swapped);
        CHECK(l.same()); // the ends are drawn in other places, but an end is an end
        CHECK(l.left.nodeCounterpart[at(labelled, "end")] == at(swapped, "end_rejected"));
        CHECK(l.left.nodeCounterpart[at(labelled, "end_rejected")] == at(swapped, "end"));
    }
}

TEST_CASE("comparing maps, an activity without a code is matched by its label") {
    const auto withStep = [](const std::string& label, const std::string& code) {
        MapBuilder b;
        auto s = b.node(NodeKind::Start, "s");
        auto x = b.node(NodeKind::Activity, "x", label, code);
        auto e = b.node(NodeKind::End, "e");
        b.edge(s, x).edge(x, e);
        return b.map();
    };
    CHECK(
        compareMaps(withStep("Vetted by  radiologist", ""), withStep(" vetted BY radiologist", ""))
            .same());
    CHECK_FALSE(compareMaps(withStep("Vetted", ""), withStep("Protocolled", "")).same());
    // A code and no code are not the same step, even under one label: the
    // editor asks for the code rather than guessing it.
    const MapComparison c = compareMaps(withStep("Vetted", ""), withStep("Vetted", "VET"));
    CHECK(c.left.stepsOnlyHere == std::vector<std::string>{"Vetted"});
    CHECK(c.right.stepsOnlyHere == std::vector<std::string>{"Vetted"});
    // With neither code nor label there is nothing to match by.
    CHECK_FALSE(compareMaps(withStep("", ""), withStep("", "")).same());
}

TEST_CASE("comparing maps ignores notes and arrows to them") {
    MapContent annotated = sequence({"RCV", "VET"});
    const NodeId vet = annotated.nodes[at(annotated, "vet")].id;
    annotated.nodes.push_back(
        {NodeId{99}, NodeKind::Note, "note", "Consultant vets CT", "", "", 0, 0, 0, 0});
    annotated.edges.push_back({EdgeId{99}, NodeId{99}, vet, ""});
    const MapComparison c = compareMaps(annotated, sequence({"RCV", "VET"}));
    CHECK(c.same());
    CHECK_FALSE(c.left.nodeCompared.back());
    CHECK_FALSE(c.left.nodeOnlyHere(annotated.nodes.size() - 1));
    CHECK(c.left.edgeMatched.back());
}

TEST_CASE("a map compared with the map discovered from a fitting log matches every activity") {
    LogBuilder b;
    for (int i = 0; i < 3; ++i)
        b.addCase({{"RCV", 0}, {"VET", 10}, {"BKD", 20}, {"CMP", 30}, {"VER", 40}});
    b.addCase({{"RCV", 0}, {"VET", 10}, {"REJ", 20}});
    DiscoveryOptions named;
    named.names = {{"RCV", "Request received"}, {"VET", "Vetted"}, {"BKD", "Booked"}};
    const MapContent ct = test::ctPathway();
    const MapContent recorded = discoverMap(b.log, all(b.log), named);
    const MapComparison c = compareMaps(ct, recorded, {"RN7's map", "the as-recorded map"});

    CHECK(c.same());
    for (std::size_t i = 0; i < ct.nodes.size(); ++i) {
        if (ct.nodes[i].kind != NodeKind::Activity) continue;
        REQUIRE(c.left.nodeCounterpart[i]);
        CHECK(recorded.nodes[*c.left.nodeCounterpart[i]].activity == ct.nodes[i].activity);
    }
    for (std::size_t i = 0; i < recorded.nodes.size(); ++i) CHECK(c.right.nodeCounterpart[i]);
    CHECK(c.left.unmatchedEdges == 0);
    CHECK(c.right.unmatchedEdges == 0);

    SUBCASE("a log where some cases are vetted after booking does not") {
        b.addCase({{"RCV", 0}, {"BKD", 10}, {"VET", 20}, {"CMP", 30}, {"VER", 40}});
        const MapContent departed = discoverMap(b.log, all(b.log), named);
        const MapComparison d = compareMaps(ct, departed, {"RN7's map", "the as-recorded map"});
        CHECK(d.left.pairsOnlyHere.empty());
        CHECK(said(d.right.pairsOnlyHere) ==
              std::vector<std::string>{"Request received then Booked", "Booked then Vetted",
                                       "Vetted then CMP"});
        CHECK(d.summary ==
              "3 transitions only in the as-recorded map: Request received then Booked, "
              "Booked then Vetted, Vetted then CMP.");
    }
}

TEST_CASE("the comparison's summary names at most five steps and counts the rest") {
    const MapComparison c =
        compareMaps(sequence({"A"}), sequence({"A", "B", "C", "D", "E", "F", "G", "H"}),
                    {"RPC's map", "RWF's map"});
    CHECK(c.right.stepsOnlyHere.size() == 7);
    CHECK(c.summary == "7 steps only in RWF's map: B, C, D, E, F and 2 more. "
                       "1 transition only in RPC's map: A then End.");
}
