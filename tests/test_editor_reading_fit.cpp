// The canvas's fit for reading (editor/geometry/reading_fit.h): the whole map in view
// with its smallest label legible, wrapped into rows between steps when one row
// would shrink it, shown from its start when even rows cannot.
#include "editor/geometry/reading_fit.h"

#include <doctest/doctest.h>

#include <vector>

using namespace strawman::editor;

namespace {

// A left-to-right pathway of `steps` boxes 120 wide, 60 apart, on one line.
struct Pathway {
    std::vector<Rect> nodes;
    Rect bounds;
    explicit Pathway(int steps, double height = 60) {
        for (int i = 0; i < steps; ++i) {
            const Rect r{{i * 180.0, 0}, {i * 180.0 + 120, height}};
            nodes.push_back(r);
            bounds.add(r);
        }
    }
};

const Rect kCanvas{{300, 50}, {1300, 700}}; // 1000 x 650 px

bool cutsThroughANode(const ReadingFit& fit, const Pathway& p) {
    for (std::size_t i = 0; i + 1 < fit.rows.size(); ++i)
        for (const Rect& n : p.nodes)
            if (fit.rows[i].band.max.x > n.min.x && fit.rows[i].band.max.x < n.max.x) return true;
    return false;
}

} // namespace

TEST_CASE("a map that fits legibly is fitted whole in one row, as before") {
    const Pathway p(3); // 480 wide
    const ReadingFit fit = fitForReading(p.nodes, {}, kCanvas, 13.0);
    REQUIRE(fit.rows.size() == 1);
    CHECK(fit.whole);
    CHECK(fit.zoom() == doctest::Approx(1.5)); // the modest cap, not a giant close-up
    // Centred in the canvas.
    const Vec2 mid = fit.rows[0].view.worldToScreen(p.bounds.centre());
    CHECK(mid.x == doctest::Approx(kCanvas.centre().x));
    CHECK(mid.y == doctest::Approx(kCanvas.centre().y));
}

TEST_CASE("a long pathway is wrapped into rows, cut between steps, its labels at the legible size "
          "or more") {
    const Pathway p(16);    // 2820 wide: one row would be at 0.33, labels of 13 at 4.3 px
    const ReadingRule rule; // 12 px
    const ReadingFit fit = fitForReading(p.nodes, {}, kCanvas, 13.0, rule);
    REQUIRE(fit.wrapped());
    CHECK(fit.whole);
    CHECK(fit.zoom() * 13.0 >= rule.minTextPx - 1e-9);
    CHECK_FALSE(cutsThroughANode(fit, p));
    // The bands cover the map once, left to right, and each row fits the canvas.
    CHECK(fit.rows.front().band.min.x == doctest::Approx(p.bounds.min.x));
    CHECK(fit.rows.back().band.max.x == doctest::Approx(p.bounds.max.x));
    for (std::size_t i = 0; i < fit.rows.size(); ++i) {
        const ReadingRow& row = fit.rows[i];
        const Rect onScreen = row.view.worldToScreen(row.band);
        CHECK(onScreen.min.x >= kCanvas.min.x);
        CHECK(onScreen.max.x <= kCanvas.max.x);
        CHECK(onScreen.min.y >= kCanvas.min.y);
        CHECK(onScreen.max.y <= kCanvas.max.y);
        if (i > 0) {
            CHECK(row.band.min.x == doctest::Approx(fit.rows[i - 1].band.max.x));
            CHECK(onScreen.min.y > fit.rows[i - 1].view.worldToScreen(fit.rows[i - 1].band).max.y);
        }
    }
    // The mouse finds its row, and a world point the row that shows it.
    const ReadingRow& second = fit.rows[1];
    CHECK(&fit.rowAt(second.view.worldToScreen(second.band.centre()).y) == &second);
    CHECK(&fit.rowFor(second.band.centre().x) == &second);
}

TEST_CASE("fewer rows are preferred: a map wraps only as much as legibility needs") {
    const Pathway p(16);
    ReadingRule loose;
    loose.minTextPx = 5; // one row at 0.33 gives 4.3 px; two rows are enough for 5
    const ReadingFit fit = fitForReading(p.nodes, {}, kCanvas, 13.0, loose);
    CHECK(fit.rows.size() == 2);
    ReadingRule none;
    none.minTextPx = 4;
    CHECK(fitForReading(p.nodes, {}, kCanvas, 13.0, none).rows.size() == 1);
}

TEST_CASE("a map too big to show whole and legible is shown legibly from its start") {
    const Pathway p(60); // 10,740 wide: even four rows would be far below 12 px
    const ReadingFit fit = fitForReading(p.nodes, {}, kCanvas, 13.0);
    REQUIRE(fit.rows.size() == 1);
    CHECK_FALSE(fit.whole);
    CHECK(fit.zoom() * 13.0 == doctest::Approx(12.0));
    // Its first step at the canvas's left margin.
    CHECK(fit.rows[0].view.worldToScreen(p.bounds.min).x == doctest::Approx(kCanvas.min.x + 40));
}

TEST_CASE("a map with no gap between its steps cannot be cut and is not") {
    std::vector<Rect> nodes = {Rect{{0, 0}, {3000, 60}}};
    const ReadingFit fit = fitForReading(nodes, {}, kCanvas, 13.0);
    REQUIRE(fit.rows.size() == 1);
    CHECK_FALSE(fit.whole);
}

TEST_CASE("workshop mode's larger legible size gives a larger zoom on the same map") {
    const Pathway p(10);
    ReadingRule workshop;
    workshop.minTextPx = 12 * 1.75;
    const ReadingFit normal = fitForReading(p.nodes, {}, kCanvas, 13.0);
    const ReadingFit big = fitForReading(p.nodes, {}, kCanvas, 13.0, workshop);
    CHECK(big.zoom() * 13.0 >= workshop.minTextPx - 1e-9);
    CHECK(big.zoom() > normal.zoom());
}

TEST_CASE("each row is as tall as what is drawn in its band") {
    Pathway p(16);
    // An arrow that swings far below the last steps only, as the diff's extra arrows do.
    const std::vector<Rect> ink = {Rect{{2400, 60}, {2800, 200}}};
    const ReadingFit fit = fitForReading(p.nodes, ink, kCanvas, 13.0);
    REQUIRE(fit.wrapped());
    CHECK(fit.rows.front().band.height() == doctest::Approx(60));
    CHECK(fit.rows.back().band.height() == doctest::Approx(200));
}

TEST_CASE("rows legible across the canvas but too many for its height run on below it and scroll") {
    const Pathway p(16,
                    200); // four rows legible across, but 4 x 200 x 0.92 is taller than the canvas
    const ReadingFit fit = fitForReading(p.nodes, {}, kCanvas, 13.0);
    REQUIRE(fit.rows.size() == 4);
    CHECK_FALSE(fit.whole);
    CHECK(fit.zoom() * 13.0 == doctest::Approx(12.0));
    // From the top of the canvas, the last row below its bottom.
    CHECK(fit.rows.front().view.worldToScreen(fit.rows.front().band.min).y ==
          doctest::Approx(kCanvas.min.y + 40));
    CHECK(fit.rows.back().view.worldToScreen(fit.rows.back().band.max).y > kCanvas.max.y);
    ReadingFit scrolled = fit;
    scrolled.scroll(-300, kCanvas);
    for (std::size_t i = 0; i < fit.rows.size(); ++i)
        CHECK(scrolled.rows[i].view.worldToScreen(p.bounds.min).y ==
              doctest::Approx(fit.rows[i].view.worldToScreen(p.bounds.min).y - 300));
    CHECK(scrolled.rows.front().clip.min.y == doctest::Approx(kCanvas.min.y));
    CHECK(scrolled.rows.back().clip.max.y == doctest::Approx(kCanvas.max.y));
}

TEST_CASE("a map in lanes keeps a lead before every row for the lanes' titles") {
    const Pathway p(16);
    const double lead = 100; // world units: the titles' column
    const ReadingFit plain = fitForReading(p.nodes, {}, kCanvas, 13.0);
    const ReadingFit fit = fitForReading(p.nodes, {}, kCanvas, 13.0, {}, lead);
    REQUIRE(fit.wrapped());
    CHECK(fit.zoom() * 13.0 >= ReadingRule{}.minTextPx - 1e-9);
    CHECK(fit.zoom() <= plain.zoom());
    for (const ReadingRow& row : fit.rows) {
        CAPTURE(row.band.min.x);
        REQUIRE_FALSE(row.lead.empty());
        // The lead is as wide as asked, at the zoom; the row's map starts
        // after it and is clipped there, so no step is drawn under a title.
        CHECK(row.lead.width() == doctest::Approx(lead * fit.zoom()));
        CHECK(row.view.worldToScreen(row.band.min).x == doctest::Approx(row.lead.max.x));
        CHECK(row.clip.min.x == doctest::Approx(row.lead.max.x));
        CHECK(row.lead.min.x >= kCanvas.min.x);
        CHECK(row.view.worldToScreen(row.band).max.x <= kCanvas.max.x + 1e-6);
        // Level with the row's band.
        CHECK(row.lead.min.y == doctest::Approx(row.view.worldToScreen(row.band.min).y));
    }
    // Scrolled, the leads go with their rows.
    ReadingFit scrolled = fit;
    scrolled.scroll(-40, kCanvas);
    CHECK(scrolled.rows[1].lead.min.y == doctest::Approx(fit.rows[1].lead.min.y - 40));
    // A map without lanes has none.
    for (const ReadingRow& row : plain.rows) CHECK(row.lead.empty());
}
