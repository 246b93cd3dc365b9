// The diff drawn on the map: small maps and logs worked by hand, run through
// the real diff, then the overlay the canvas would paint.
#include "log_builder.h"
#include "map_fixtures.h"
#include "placed_maps.h"

#include "editor/geometry/diff_overlay.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

using namespace strawman;
using namespace strawman::editor;
using model::DiffResult;
using model::MapContent;
using model::NodeKind;
using test::LogBuilder;
using test::place;
using test::placedCtPathway;

namespace {

std::vector<std::uint32_t> all(const model::EventLog& log) {
    std::vector<std::uint32_t> cases(log.caseCount());
    std::iota(cases.begin(), cases.end(), 0u);
    return cases;
}

constexpr model::TimeMs kHour = 60, kDay = 24 * kHour;

// Six cases down the main path, two rejected at vetting, two booked without vetting.
LogBuilder ctCases() {
    LogBuilder b;
    for (int i = 0; i < 6; ++i)
        b.addCase({{"RCV", 0},
                   {"VET", kHour},
                   {"BKD", kHour + kDay},
                   {"CMP", 15 * kDay},
                   {"VER", 15 * kDay + 2 * kHour}});
    for (int i = 0; i < 2; ++i) b.addCase({{"RCV", 0}, {"VET", 3 * kHour}, {"REJ", 4 * kHour}});
    for (int i = 0; i < 2; ++i)
        b.addCase(
            {{"RCV", 0}, {"BKD", 2 * kDay}, {"CMP", 10 * kDay}, {"VER", 10 * kDay + 2 * kHour}});
    return b;
}

// An activity's badges; the test fails when the overlay has none for it.
const ActivityBadges& badgesOf(const DiffOverlay& overlay, const std::string& code) {
    for (const auto& b : overlay.badges)
        if (b.activity == code) return b;
    FAIL("no badges for " << code);
    throw;
}

// The overlay of the diff of a placed map against a log.
struct Drawn : test::PlacedMap {
    DiffResult diff;
    DiffOverlay overlay;

    Drawn(MapContent m, const model::EventLog& log)
        : PlacedMap(std::move(m)), diff(model::diff(map, log, all(log))),
          overlay(buildDiffOverlay(map, geometry, diff)) {}

    const ArrowOverlay& arrow(const char* from, const char* to) const {
        return overlay.arrows[edge(from, to)];
    }
    const ExtraArrow& extra(const std::string& from, const std::string& to) const {
        for (const auto& x : overlay.extraArrows)
            if (x.from == from && x.to == to) return x;
        FAIL("no extra arrow " << from << " -> " << to);
        throw;
    }
    const ActivityBadges& badges(const std::string& code) const { return badgesOf(overlay, code); }
};

} // namespace

TEST_CASE("each arrow carries the steps it stands for, through a decision, worked by hand") {
    const Drawn d(placedCtPathway(), ctCases().log);
    REQUIRE(d.overlay.arrows.size() == d.geometry.edges.size());
    CHECK(d.arrow("start", "rcv").occurrences == 10); // every case starts at RCV
    CHECK(d.arrow("rcv", "vet").occurrences == 8);
    // Into the decision: VET -> BKD (6) and VET -> REJ (2); out of it, one each.
    CHECK(d.arrow("vet", "accepted").occurrences == 8);
    CHECK(d.arrow("accepted", "bkd").occurrences == 6);
    CHECK(d.arrow("accepted", "rej").occurrences == 2);
    CHECK(d.arrow("rej", "end_rejected").occurrences == 2);
    // Booked with or without vetting, the rest of the path is the same.
    CHECK(d.arrow("bkd", "cmp").occurrences == 8);
    CHECK(d.arrow("cmp", "ver").occurrences == 8);
    CHECK(d.arrow("ver", "end").occurrences == 8);
    for (const auto& a : d.overlay.arrows) CHECK(a.meaning == OverlayMeaning::Taken);
    CHECK(d.overlay.busiest == 10);

    // A label names the step's median time only when the arrow is one step.
    CHECK(d.arrow("accepted", "bkd").label == "6 \xC2\xB7 1 d");
    CHECK(d.arrow("rcv", "vet").label == "8 \xC2\xB7 1 h"); // 1 h six times, 3 h twice
    CHECK(d.arrow("vet", "accepted").label == "8");
    CHECK(d.arrow("start", "rcv").label == "10");
}

TEST_CASE("a step the map does not draw becomes an extra arrow with its count") {
    const Drawn d(placedCtPathway(), ctCases().log);
    REQUIRE(d.overlay.extraArrows.size() == 1);
    const ExtraArrow& skip = d.extra("RCV", "BKD");
    CHECK(skip.occurrences == 2);
    CHECK(skip.cases == 2);
    CHECK(skip.label == "2 \xC2\xB7 2 d");
    CHECK(skip.route.from == d.node("rcv"));
    CHECK(skip.route.to == d.node("bkd"));
    REQUIRE(skip.route.drawable);
    // It bows round the vetting and the decision it jumps, rather than
    // running through them.
    for (const char* between : {"vet", "accepted"}) {
        const Rect box = d.geometry.nodes[d.node(between)].bounds;
        for (int k = 0; k <= 40; ++k) CHECK_FALSE(box.contains(skip.route.line.at(k / 40.0)));
    }
    CHECK(skip.width < d.arrow("bkd", "cmp").width);
    CHECK(d.overlay.offMap.empty());
    const auto& place = d.overlay.places.at({"RCV", "BKD"});
    CHECK(place.extraArrow == 0);
    CHECK(place.arrows.empty());
}

TEST_CASE("steps with an activity not on the map are listed, and a wrong first step is drawn from "
          "the start") {
    LogBuilder b = ctCases();
    b.addCase({{"RCV", 0}, {"VET", 1}, {"XRY", 2}, {"BKD", 3}, {"CMP", 4}, {"VER", 5}});
    b.addCase({{"BKD", 0}, {"CMP", 4}, {"VER", 5}}); // no request received
    const Drawn d(placedCtPathway(), b.log);

    std::vector<std::string> listed;
    for (const auto& s : d.overlay.offMap) listed.push_back(s.text);
    CHECK(listed == std::vector<std::string>{"VET \xE2\x86\x92 XRY: 1", "XRY \xE2\x86\x92 BKD: 1"});

    const ExtraArrow& fromStart = d.extra("", "BKD");
    CHECK(fromStart.occurrences == 1);
    CHECK(fromStart.route.from == d.node("start"));
    CHECK(fromStart.route.to == d.node("bkd"));
    CHECK(fromStart.label == "1");

    // Both extra arrows into booking bow over the steps they jump, but not
    // along the same track.
    const Bezier& other = d.extra("RCV", "BKD").route.line;
    for (int k = 0; k <= 10; ++k) {
        const Vec2 p = fromStart.route.line.at(0.25 + 0.05 * k);
        double nearest = 1e9;
        for (int j = 0; j <= 200; ++j)
            nearest = std::min(nearest, distance(p, other.at(j / 200.0)));
        CHECK(nearest > 12);
    }
}

TEST_CASE("an arrow no case follows is greyed, not labelled") {
    LogBuilder b;
    for (int i = 0; i < 3; ++i)
        b.addCase(
            {{"RCV", 0}, {"VET", kHour}, {"BKD", kDay}, {"CMP", 2 * kDay}, {"VER", 3 * kDay}});
    const Drawn d(placedCtPathway(), b.log);
    for (const auto& [from, to] :
         {std::pair{"accepted", "rej"}, std::pair{"rej", "end_rejected"}}) {
        const ArrowOverlay& a = d.arrow(from, to);
        CHECK(a.meaning == OverlayMeaning::NeverTaken);
        CHECK(a.occurrences == 0);
        CHECK(a.label.empty());
        CHECK(a.width == OverlayStyle{}.thinnest);
    }
    CHECK(d.arrow("accepted", "bkd").meaning == OverlayMeaning::Taken);
    // The same arrows the diff reports as never followed.
    CHECK(d.diff.unusedEdges.size() == 2);
    bool legendSaysSo = false;
    for (const auto& e : d.overlay.legend)
        legendSaysSo = legendSaysSo || e.meaning == OverlayMeaning::NeverTaken;
    CHECK(legendSaysSo);
}

TEST_CASE("through a parallel block each arrow carries each case once, in either order") {
    MapContent map = test::parallelBlock();
    place(map, {{"s", 0, 100},
                {"a", 150, 100},
                {"split", 280, 100},
                {"b", 400, 30},
                {"c", 400, 170},
                {"join", 520, 100},
                {"d", 650, 100},
                {"e", 800, 100}});
    LogBuilder log;
    for (int i = 0; i < 3; ++i) log.addCase({{"A", 0}, {"B", 10}, {"C", 20}, {"D", 30}});
    log.addCase({{"A", 0}, {"C", 10}, {"B", 20}, {"D", 30}});
    const Drawn d(std::move(map), log.log);
    // Into B: from A three times, from C once; out of B: to C three times, to D once.
    for (const auto& a : d.overlay.arrows) {
        CHECK(a.occurrences == 4);
        CHECK(a.width == doctest::Approx(OverlayStyle{}.thickest));
    }
    CHECK(d.overlay.extraArrows.empty());
    CHECK(d.arrow("split", "b").label == "4"); // A -> B and C -> B: no one median
}

TEST_CASE("skip and insert badges give the share of cases") {
    LogBuilder b = ctCases();
    b.addCase(
        {{"RCV", 0}, {"VET", 1}, {"BKD", 2}, {"CMP", 3}, {"CMP", 4}, {"VER", 5}}); // CMP twice
    const Drawn d(placedCtPathway(), b.log);
    const ActivityBadges& vet = d.badges("VET");
    CHECK(vet.skipped == doctest::Approx(2.0 / 11));
    CHECK(vet.showSkipped);
    CHECK(vet.skippedText == "skipped 18%");
    CHECK_FALSE(vet.showInserted);
    CHECK(vet.node == d.node("vet"));
    const Shape& box = d.geometry.nodes[vet.node].shape;
    CHECK(vet.corner.x == doctest::Approx(box.centre.x + box.half.x));
    CHECK(vet.corner.y == doctest::Approx(box.centre.y - box.half.y));

    const ActivityBadges& cmp = d.badges("CMP");
    CHECK(cmp.showInserted);
    CHECK(cmp.insertedText == "+9% extra");
    CHECK_FALSE(d.badges("RCV").showSkipped);
    CHECK_FALSE(d.badges("RCV").showInserted);

    SUBCASE("below the threshold a badge is not shown") {
        OverlayStyle style;
        style.smallestBadge = 0.2;
        const DiffOverlay quiet = buildDiffOverlay(d.map, d.geometry, d.diff, style);
        CHECK_FALSE(badgesOf(quiet, "VET").showSkipped);
    }
}

TEST_CASE("a variant's path runs along the arrows that carry its steps") {
    const Drawn d(placedCtPathway(), ctCases().log);
    using Codes = std::vector<std::string>;

    const Codes rejected{"RCV", "VET", "REJ"};
    const VariantPath r = variantPath(d.overlay, d.geometry, rejected);
    CHECK(r.onMap);
    CHECK(r.arrows == std::vector<std::size_t>{d.edge("start", "rcv"), d.edge("rcv", "vet"),
                                               d.edge("vet", "accepted"), d.edge("accepted", "rej"),
                                               d.edge("rej", "end_rejected")});
    std::vector<std::size_t> nodes{d.node("start"),    d.node("rcv"), d.node("vet"),
                                   d.node("accepted"), d.node("rej"), d.node("end_rejected")};
    std::sort(nodes.begin(), nodes.end());
    CHECK(r.nodes == nodes);
    CHECK(r.extraArrows.empty());

    const Codes unvetted{"RCV", "BKD", "CMP", "VER"};
    const VariantPath u = variantPath(d.overlay, d.geometry, unvetted);
    CHECK(u.onMap);
    CHECK(u.extraArrows == std::vector<std::size_t>{0});
    CHECK(u.arrows == std::vector<std::size_t>{d.edge("start", "rcv"), d.edge("bkd", "cmp"),
                                               d.edge("cmp", "ver"), d.edge("ver", "end")});
    CHECK(std::find(u.nodes.begin(), u.nodes.end(), d.node("vet")) == u.nodes.end());

    const Codes elsewhere{"RCV", "XRY"};
    CHECK_FALSE(variantPath(d.overlay, d.geometry, elsewhere).onMap);
}

TEST_CASE("an activity on two nodes: the extra arrow joins the nearest of them") {
    using model::NodeKind;
    test::MapBuilder m;
    const auto s = m.node(NodeKind::Start, "s");
    const auto bkd1 = m.activity("bkd1", "BKD");
    const auto dna = m.activity("dna", "DNA");
    const auto bkd2 = m.activity("bkd2", "BKD");
    const auto cmp = m.activity("cmp", "CMP");
    const auto e = m.node(NodeKind::End, "e");
    m.edge(s, bkd1).edge(bkd1, dna).edge(dna, bkd2).edge(bkd2, cmp).edge(cmp, e);
    MapContent map = m.map();
    place(map, {{"s", 0, 100},
                {"bkd1", 150, 100},
                {"dna", 320, 100},
                {"bkd2", 490, 100},
                {"cmp", 660, 100},
                {"e", 800, 100}});
    LogBuilder log;
    log.addCase({{"BKD", 0}, {"DNA", 1}, {"BKD", 2}, {"CMP", 3}});
    log.addCase({{"BKD", 0}, {"CMP", 3}, {"BKD", 4}, {"CMP", 5}}); // rebooked after the exam
    const Drawn d(std::move(map), log.log);
    const ExtraArrow& back = d.extra("CMP", "BKD");
    CHECK(back.route.from == d.node("cmp"));
    CHECK(back.route.to == d.node("bkd2"));
    // BKD -> CMP is drawn (the second booking), so both booking nodes' arrows
    // to and from it carry their steps.
    CHECK(d.arrow("bkd2", "cmp").occurrences == 3);
    CHECK(d.arrow("s", "bkd1").occurrences == 2);
}

TEST_CASE("a line grows with its traffic and no further than the thickest") {
    const OverlayStyle style;
    double previous = widthFor(0, 1000, style);
    CHECK(previous == style.thinnest);
    for (std::int64_t n = 1; n <= 1000; ++n) {
        const double w = widthFor(n, 1000, style);
        CHECK(w > previous);
        previous = w;
    }
    CHECK(previous == doctest::Approx(style.thickest));
    CHECK(widthFor(100, 10'000, style) ==
          doctest::Approx(style.thinnest + 0.1 * (style.thickest - style.thinnest)));

    const Drawn d(placedCtPathway(), ctCases().log);
    CHECK(d.arrow("start", "rcv").width > d.arrow("rcv", "vet").width);
    CHECK(d.arrow("rcv", "vet").width > d.arrow("accepted", "bkd").width);
    CHECK(d.arrow("accepted", "bkd").width > d.arrow("accepted", "rej").width);
    CHECK(d.arrow("accepted", "rej").width == doctest::Approx(d.extra("RCV", "BKD").width));
    // Wider lines get wider heads, and their labels stand clear of them.
    const ArrowOverlay& main = d.arrow("start", "rcv");
    CHECK(main.headLength > OverlayStyle{}.arrowLength);
    CHECK(distance(main.line.p3, d.geometry.edges[d.edge("start", "rcv")].tip) ==
          doctest::Approx(main.headLength).epsilon(0.05));
    const double clear =
        distance(main.labelAt, d.geometry.edges[d.edge("start", "rcv")].line.midpoint());
    CHECK(clear == doctest::Approx(main.width / 2 + style.labelGap));
    const double clearOfYes = distance(d.arrow("accepted", "bkd").labelAt,
                                       d.geometry.edges[d.edge("accepted", "bkd")].line.midpoint());
    CHECK(clearOfYes > d.arrow("accepted", "bkd").width / 2 + style.labelGap + 1);
}

TEST_CASE("the legend names the thinnest and thickest traffic") {
    const Drawn d(placedCtPathway(), ctCases().log);
    REQUIRE(d.overlay.legend.size() >= 2);
    CHECK(d.overlay.legend[0].text == "2 times");
    CHECK(d.overlay.legend[0].width == doctest::Approx(widthFor(2, 10)));
    CHECK(d.overlay.legend[1].text == "10 times");
    CHECK(d.overlay.legend[1].width == doctest::Approx(OverlayStyle{}.thickest));
    bool notDrawn = false, skipped = false;
    for (const auto& e : d.overlay.legend) {
        notDrawn = notDrawn || e.meaning == OverlayMeaning::NotDrawn;
        skipped = skipped || e.meaning == OverlayMeaning::Skipped;
    }
    CHECK(notDrawn);
    CHECK(skipped);
}

TEST_CASE("no cases: nothing measured, nothing greyed") {
    const MapContent map = placedCtPathway();
    const model::EventLog empty = LogBuilder().log;
    const Drawn d(map, empty);
    for (const auto& a : d.overlay.arrows) {
        CHECK(a.meaning == OverlayMeaning::Unmeasured);
        CHECK(a.width == 0);
    }
    CHECK(d.overlay.extraArrows.empty());
    CHECK(d.overlay.legend.empty());
}

TEST_CASE("counts, times and shares read as a manager writes them") {
    CHECK(formatCount(0) == "0");
    CHECK(formatCount(999) == "999");
    CHECK(formatCount(1000) == "1,000");
    CHECK(formatCount(1204) == "1,204");
    CHECK(formatCount(1234567) == "1,234,567");
    CHECK(formatCount(-1204) == "-1,204");

    CHECK(formatShare(0.26) == "26%");
    CHECK(formatShare(0.004) == "<1%");
    CHECK(formatShare(0) == "0%");

    model::DurationStats twoDays;
    twoDays.count = 5;
    twoDays.median = 2.3 * 86400;
    CHECK(trafficLabel(1204, twoDays) == "1,204 \xC2\xB7 2.3 d");
    CHECK(trafficLabel(1204, {}) == "1,204");
}
