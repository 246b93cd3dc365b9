// The diff painted on the map: a real diff of a small map, painted by the
// overlay painter into an ImGui draw list (an ImGui context with no window),
// then read back the way a screen would show it: the colour at a point is the
// draw list's untextured triangles laid over the white canvas in order, and
// text is counted by its glyphs.
#include "log_builder.h"
#include "map_fixtures.h"
#include "placed_maps.h"

#include "editor/geometry/diff_overlay.h"
#include "editor/panels/fonts.h"
#include "editor/panels/im_vec.h"
#include "editor/panels/overlay_painter.h"
#include "editor/panels/theme.h"

#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <string>
#include <vector>

using namespace strawman;
using namespace strawman::editor;
using model::MapContent;
using test::LogBuilder;
using test::place;
using test::placedCtPathway;

namespace {

// [SECTION] A map, its cases and their diff

constexpr model::TimeMs kHour = 60, kDay = 24 * kHour;

// Cases down the main path, rejected at vetting, and booked without vetting.
LogBuilder ctCases(int main, int rejected, int unvetted) {
    LogBuilder b;
    for (int i = 0; i < main; ++i)
        b.addCase({{"RCV", 0},
                   {"VET", kHour},
                   {"BKD", kHour + kDay},
                   {"CMP", 15 * kDay},
                   {"VER", 15 * kDay + 2 * kHour}});
    for (int i = 0; i < rejected; ++i)
        b.addCase({{"RCV", 0}, {"VET", 3 * kHour}, {"REJ", 4 * kHour}});
    for (int i = 0; i < unvetted; ++i)
        b.addCase(
            {{"RCV", 0}, {"BKD", 2 * kDay}, {"CMP", 10 * kDay}, {"VER", 10 * kDay + 2 * kHour}});
    return b;
}

// The overlay of the diff of a placed map against a log.
struct Diffed : test::PlacedMap {
    model::DiffResult diff;
    DiffOverlay overlay;

    Diffed(MapContent m, const model::EventLog& log, const OverlayStyle& style = {})
        : PlacedMap(std::move(m)) {
        std::vector<std::uint32_t> cases(log.caseCount());
        std::iota(cases.begin(), cases.end(), 0u);
        diff = model::diff(map, log, cases);
        overlay = buildDiffOverlay(map, geometry, diff, style);
    }
};

// [SECTION] ImGui without a window

// One ImGui frame with the editor's fonts, and a draw list of its own per
// painting so each can be read back alone.
struct Frame {
    ImGuiContext* context = ImGui::CreateContext();
    Fonts fonts;

    Frame() {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        fonts = loadFonts(io, 16.0f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        io.DisplaySize = ImVec2(1600, 900);
        io.DeltaTime = 1.0f / 60;
        io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset; // as the OpenGL 3 backend
        // Lines as polygons, so their vertices span what is painted (a textured
        // line takes its soft edge from the font atlas instead).
        ImGui::GetStyle().AntiAliasedLinesUseTex = false;
        ImGui::NewFrame();
    }
    ~Frame() {
        ImGui::EndFrame();
        ImGui::DestroyContext(context);
    }
    Frame(const Frame&) = delete;
    Frame& operator=(const Frame&) = delete;
};

struct Canvas {
    ImDrawList dl{ImGui::GetDrawListSharedData()};
    Canvas() {
        dl._ResetForNewFrame();
        dl.PushClipRectFullScreen();
        dl.PushTextureID(ImGui::GetIO().Fonts->TexID);
    }
};

CanvasTransform viewAt(double zoom, Vec2 worldAtTopLeft = {-40, -40}) {
    CanvasTransform view;
    view.setViewport({{0, 0}, {1600, 900}});
    view.zoomAbout({0, 0}, zoom);
    view.panBy(-(view.worldToScreen(worldAtTopLeft) - Vec2{0, 0}));
    return view;
}

// [SECTION] Reading the draw list back

struct Rgba {
    double r = 255, g = 255, b = 255, a = 255;
};
Rgba unpack(ImU32 c) {
    return {static_cast<double>((c >> IM_COL32_R_SHIFT) & 0xFF),
            static_cast<double>((c >> IM_COL32_G_SHIFT) & 0xFF),
            static_cast<double>((c >> IM_COL32_B_SHIFT) & 0xFF),
            static_cast<double>((c >> IM_COL32_A_SHIFT) & 0xFF)};
}

bool isText(const ImDrawVert& v) {
    const ImVec2 white = ImGui::GetFontTexUvWhitePixel();
    return v.uv.x != white.x || v.uv.y != white.y;
}

// Calls `each` with every triangle of the draw list, in drawing order.
template <class Each> void triangles(const ImDrawList& dl, Each each) {
    for (const ImDrawCmd& cmd : dl.CmdBuffer)
        for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
            const auto at = [&](unsigned k) -> const ImDrawVert& {
                return dl.VtxBuffer[static_cast<int>(
                    cmd.VtxOffset + dl.IdxBuffer[static_cast<int>(cmd.IdxOffset + i + k)])];
            };
            each(at(0), at(1), at(2));
        }
}

// What the screen shows at p: every untextured triangle over it, in drawing
// order, blended over the white canvas with its interpolated colour.
Rgba paintAt(const ImDrawList& dl, Vec2 p) {
    Rgba out;
    triangles(dl, [&](const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c) {
        if (isText(a)) return;
        const double det =
            (b.pos.y - c.pos.y) * (a.pos.x - c.pos.x) + (c.pos.x - b.pos.x) * (a.pos.y - c.pos.y);
        if (std::abs(det) < 1e-9) return;
        const double wa =
            ((b.pos.y - c.pos.y) * (p.x - c.pos.x) + (c.pos.x - b.pos.x) * (p.y - c.pos.y)) / det;
        const double wb =
            ((c.pos.y - a.pos.y) * (p.x - c.pos.x) + (a.pos.x - c.pos.x) * (p.y - c.pos.y)) / det;
        const double wc = 1 - wa - wb;
        if (wa < -1e-6 || wb < -1e-6 || wc < -1e-6) return;
        const Rgba ca = unpack(a.col), cb = unpack(b.col), cc = unpack(c.col);
        const double alpha = (wa * ca.a + wb * cb.a + wc * cc.a) / 255;
        out.r += ((wa * ca.r + wb * cb.r + wc * cc.r) - out.r) * alpha;
        out.g += ((wa * ca.g + wb * cb.g + wc * cc.g) - out.g) * alpha;
        out.b += ((wa * ca.b + wb * cb.b + wc * cc.b) - out.b) * alpha;
    });
    return out;
}

// How far from white: 0 for the canvas, up to 765 for black.
double ink(const Rgba& c) {
    return (255 - c.r) + (255 - c.g) + (255 - c.b);
}
bool looksLike(const Rgba& seen, ImU32 colour, double tolerance = 40) {
    const Rgba want = unpack(colour);
    return std::abs(seen.r - want.r) + std::abs(seen.g - want.g) + std::abs(seen.b - want.b) <
           tolerance;
}
// Whether a colour is `colour` laid over white at some opacity: partly covered
// pixels at a dot's edge are still the dot's colour.
bool tintOf(const Rgba& seen, ImU32 colour, double tolerance = 20) {
    const Rgba want = unpack(colour);
    const double k = ink(seen) / ink(want);
    return std::abs(seen.r - (255 - (255 - want.r) * k)) +
               std::abs(seen.g - (255 - (255 - want.g) * k)) +
               std::abs(seen.b - (255 - (255 - want.b) * k)) <
           tolerance;
}
bool red(const Rgba& c) {
    return c.r > 150 && c.g < 110 && c.b < 110;
}

// The line's painted width across it at `t`, pixels: the run of points at
// least half as inked as the line's centre, walking out both ways.
double paintedWidth(const ImDrawList& dl, const CanvasTransform& view, const Bezier& worldLine,
                    double t = 0.5) {
    const Vec2 mid = view.worldToScreen(worldLine.at(t));
    const Vec2 across = normalized(perpendicular(worldLine.derivative(t)));
    const double centre = ink(paintAt(dl, mid));
    if (centre < 30) return 0;
    constexpr double step = 0.125;
    double run = step;
    for (const double side : {-1.0, 1.0})
        for (double d = step; d < 40 && ink(paintAt(dl, mid + across * (side * d))) >= centre / 2;
             d += step)
            run += step;
    return run;
}

// Glyphs painted, with the colour they were painted in.
std::vector<ImU32> glyphColours(const ImDrawList& dl) {
    std::vector<ImU32> colours;
    bool secondHalf = false; // a glyph is one quad: two textured triangles
    triangles(dl, [&](const ImDrawVert& v, const ImDrawVert&, const ImDrawVert&) {
        if (!isText(v)) return;
        if (!secondHalf) colours.push_back(v.col);
        secondHalf = !secondHalf;
    });
    return colours;
}
std::size_t glyphsOf(const std::vector<ImU32>& colours, ImU32 colour) {
    return static_cast<std::size_t>(std::count(colours.begin(), colours.end(), colour));
}
// What a text costs in glyphs: its characters, less the spaces.
std::size_t visibleCharacters(const std::string& s) {
    std::size_t n = 0;
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c & 0xC0) != 0x80 && c != ' ') ++n;
    }
    return n;
}

// Points every `step` pixels along a curve (by arc length), on screen.
std::vector<Vec2> alongCurve(const CanvasTransform& view, const Bezier& worldLine, double from,
                             double to, double step) {
    std::vector<Vec2> points;
    Vec2 last = view.worldToScreen(worldLine.at(from));
    points.push_back(last);
    double travelled = 0, next = step;
    for (int k = 1; k <= 4000; ++k) {
        const Vec2 p = view.worldToScreen(worldLine.at(from + (to - from) * k / 4000.0));
        const double piece = distance(p, last);
        for (; travelled + piece >= next; next += step)
            points.push_back(last + (p - last) * ((next - travelled) / piece));
        travelled += piece;
        last = p;
    }
    return points;
}

// Lengths of the painted runs along a path of points, pixels; the first and
// last runs, cut by where sampling began and ended, are left out.
std::vector<double> runs(const std::vector<Vec2>& points, double step,
                         const std::function<bool(Vec2)>& painted) {
    std::vector<double> lengths;
    double run = 0;
    bool started = false;
    for (const Vec2 p : points) {
        if (painted(p)) {
            run += step;
            continue;
        }
        if (run > 0 && started) lengths.push_back(run);
        run = 0;
        started = true;
    }
    return lengths;
}

// As the canvas paints a diff, less the map's nodes: lines, then labels.
void paintDiff(const OverlayPainter& painter, ImDrawList& dl, const CanvasTransform& view,
               const Diffed& d, const OverlayHighlight& highlight = {}) {
    painter.drawArrows(dl, view, d.geometry, d.overlay, highlight);
    painter.drawLabels(dl, view, d.geometry, d.overlay, highlight);
}

} // namespace

// [SECTION] Tests

TEST_CASE("a busier arrow is drawn wider, between one and fourteen pixels at every zoom") {
    Frame frame;
    const Diffed d(placedCtPathway(), ctCases(60, 3, 0).log);
    const OverlayPainter painter(frame.fonts);
    const ArrowOverlay& busy = d.overlay.arrows[d.edge("start", "rcv")];
    const ArrowOverlay& quiet = d.overlay.arrows[d.edge("rej", "end_rejected")];
    REQUIRE(busy.meaning == OverlayMeaning::Taken);
    REQUIRE(quiet.meaning == OverlayMeaning::Taken);

    const auto widths = [&](double zoom) {
        Canvas c;
        const CanvasTransform view = viewAt(zoom);
        paintDiff(painter, c.dl, view, d);
        return std::pair{paintedWidth(c.dl, view, busy.line), paintedWidth(c.dl, view, quiet.line)};
    };
    SUBCASE("at 100% a line is as wide as its traffic says") {
        const auto [wide, thin] = widths(1.0);
        CHECK(wide == doctest::Approx(busy.width).epsilon(0.15));
        CHECK(thin == doctest::Approx(quiet.width).epsilon(0.3));
        CHECK(wide > 2 * thin);
    }
    SUBCASE("zoomed in, the busiest line stops at fourteen pixels") {
        const auto [wide, thin] = widths(4.0);
        CHECK(wide <= OverlayPainter::kThickestPx + 1);
        CHECK(wide >= OverlayPainter::kThickestPx - 1.5);
        CHECK(thin < wide);
    }
    SUBCASE("zoomed out, the quietest line is still a line") {
        const auto [wide, thin] = widths(CanvasTransform::kMinZoom);
        CHECK(thin >= 0.5);
        CHECK(wide >= thin);
    }
}

TEST_CASE("a step the map does not draw is a red dashed arrow with even dashes") {
    Frame frame;
    const Diffed d(placedCtPathway(), ctCases(6, 2, 2).log);
    const OverlayPainter painter(frame.fonts);
    REQUIRE(d.overlay.extraArrows.size() == 1);
    const ExtraArrow& skip = d.overlay.extraArrows[0];
    REQUIRE(skip.route.drawable);

    SUBCASE("dashes as long as each other, at every zoom") {
        for (const double zoom : {0.5, 1.0, 3.0}) {
            CAPTURE(zoom);
            Canvas c;
            const CanvasTransform view = viewAt(zoom);
            paintDiff(painter, c.dl, view, d);
            // Along its middle, clear of the lines at the nodes it joins.
            constexpr double step = 0.25;
            const auto points = alongCurve(view, skip.route.line, 0.2, 0.8, step);
            const auto dashes = runs(points, step, [&](Vec2 p) { return red(paintAt(c.dl, p)); });
            REQUIRE(dashes.size() >= 3);
            const auto [shortest, longest] = std::minmax_element(dashes.begin(), dashes.end());
            CHECK(*longest - *shortest <= 1.5);
            CHECK(*shortest >= 5); // dashes, not dots, when zoomed out
            // And the gaps between them show the canvas.
            const auto gaps =
                runs(points, step, [&](Vec2 p) { return ink(paintAt(c.dl, p)) < 60; });
            CHECK(gaps.size() >= 2);

            // The head is red too, and its point is on booking's border.
            const Vec2 nearTip = view.worldToScreen(skip.route.tip) - skip.route.direction * 3.0;
            CHECK(red(paintAt(c.dl, nearTip)));
        }
    }

    SUBCASE("its count is written in red") {
        Canvas c;
        paintDiff(painter, c.dl, viewAt(1.0), d);
        const auto glyphs = glyphColours(c.dl);
        CHECK(glyphsOf(glyphs, colour::overlayNotDrawnText) == visibleCharacters(skip.label));
    }
}

TEST_CASE("an arrow no case follows is thin, pale grey and dotted") {
    Frame frame;
    const Diffed d(placedCtPathway(), ctCases(5, 0, 0).log);
    const OverlayPainter painter(frame.fonts);
    const ArrowOverlay& unused = d.overlay.arrows[d.edge("rej", "end_rejected")];
    REQUIRE(unused.meaning == OverlayMeaning::NeverTaken);

    Canvas c;
    const CanvasTransform view = viewAt(3.0, {560, 160});
    paintDiff(painter, c.dl, view, d);
    constexpr double step = 0.25;
    const auto points = alongCurve(view, unused.line, 0.1, 0.9, step);
    const auto dots = runs(points, step, [&](Vec2 p) { return ink(paintAt(c.dl, p)) > 60; });
    REQUIRE(dots.size() >= 5);
    for (const double dot : dots) CHECK(dot <= 5);
    for (const Vec2 p : points) {
        const Rgba seen = paintAt(c.dl, p);
        if (ink(seen) > 60) CHECK(tintOf(seen, colour::overlayNeverTaken));
    }
    // Thin however close the view: it carries nothing. (A point may fall in a
    // gap between dots, so measure across a few.)
    double widest = 0;
    for (int k = 0; k < 12; ++k)
        widest = std::max(widest, paintedWidth(c.dl, view, unused.line, 0.4 + 0.01 * k));
    CHECK(widest > 0.5);
    CHECK(widest <= 3.5);
}

TEST_CASE("arrows off screen are not drawn at all") {
    Frame frame;
    const Diffed d(placedCtPathway(), ctCases(6, 2, 2).log);
    const OverlayPainter painter(frame.fonts);
    const auto vertices = [&](const CanvasTransform& view) {
        Canvas c;
        paintDiff(painter, c.dl, view, d);
        painter.drawBadges(c.dl, view, d.geometry, d.overlay, {});
        return c.dl.VtxBuffer.Size;
    };
    const int everything = vertices(viewAt(1.0));
    CHECK(everything > 0);
    CHECK(vertices(viewAt(1.0, {5000, 5000})) == 0);
    CHECK(vertices(viewAt(1.0, {-3000, 100})) == 0);

    // A view of the end of the main path only: the arrows into it are drawn,
    // the start of the map is not.
    Canvas c;
    CanvasTransform view;
    view.setViewport({{0, 0}, {300, 200}});
    view.panBy(-(view.worldToScreen({960, 20}) - Vec2{0, 0}));
    paintDiff(painter, c.dl, view, d);
    CHECK(c.dl.VtxBuffer.Size > 0);
    CHECK(c.dl.VtxBuffer.Size < everything / 3);
    for (const ImDrawVert& v : c.dl.VtxBuffer)
        CHECK(v.pos.x > view.worldToScreen({800, 0}).x); // nothing from the map's start
}

TEST_CASE("a chosen variant's path is drawn strong over a faded map") {
    Frame frame;
    const Diffed d(placedCtPathway(), ctCases(20, 2, 2).log);
    const OverlayPainter painter(frame.fonts);
    const CanvasTransform view = viewAt(1.0);
    const auto middleOf = [&](std::size_t edge) {
        return view.worldToScreen(d.overlay.arrows[edge].line.at(0.5));
    };

    Canvas plain;
    paintDiff(painter, plain.dl, view, d);

    SUBCASE("rejected at vetting") {
        const std::vector<std::string> rejected{"RCV", "VET", "REJ"};
        OverlayHighlight h{variantPath(d.overlay, d.geometry, rejected)};
        Canvas c;
        paintDiff(painter, c.dl, view, d, h);
        for (const std::size_t e : h.variant->arrows) {
            CAPTURE(e);
            CHECK(looksLike(paintAt(c.dl, middleOf(e)), colour::overlayVariant));
            CHECK(paintedWidth(c.dl, view, d.overlay.arrows[e].line) >=
                  OverlayPainter::kVariantPathPx - 0.5);
        }
        // Off the path, the same arrows keep a fraction of their ink.
        for (const auto& [from, to] : {std::pair{"bkd", "cmp"}, std::pair{"cmp", "ver"}}) {
            const std::size_t e = d.edge(from, to);
            const double before = ink(paintAt(plain.dl, middleOf(e)));
            const double after = ink(paintAt(c.dl, middleOf(e)));
            CHECK(before > 150);
            CHECK(after < 0.35 * before);
        }
        const Rgba extra = paintAt(c.dl, view.worldToScreen(d.overlay.extraArrows[0].route.tip) -
                                             d.overlay.extraArrows[0].route.direction * 3.0);
        CHECK_FALSE(red(extra));
        CHECK(ink(extra) > 0);

        // Only the path's counts are written in full strength.
        std::size_t pathGlyphs = 0;
        for (const std::size_t e : h.variant->arrows)
            pathGlyphs += visibleCharacters(d.overlay.arrows[e].label);
        std::size_t strong = 0, faint = 0;
        for (const ImU32 col : glyphColours(c.dl)) (unpack(col).a == 255 ? strong : faint) += 1;
        CHECK(strong == pathGlyphs);
        CHECK(faint > 0);
    }
    SUBCASE("booked without vetting: its step off the drawing stays red") {
        const std::vector<std::string> unvetted{"RCV", "BKD", "CMP", "VER"};
        OverlayHighlight h{variantPath(d.overlay, d.geometry, unvetted)};
        REQUIRE(h.variant->extraArrows.size() == 1);
        Canvas c;
        paintDiff(painter, c.dl, view, d, h);
        const ExtraArrow& x = d.overlay.extraArrows[0];
        CHECK(red(paintAt(c.dl, view.worldToScreen(x.route.tip) - x.route.direction * 3.0)));
        CHECK(looksLike(paintAt(c.dl, middleOf(d.edge("bkd", "cmp"))), colour::overlayVariant));
        const double vetting = ink(paintAt(c.dl, middleOf(d.edge("rcv", "vet"))));
        CHECK(vetting < 0.35 * ink(paintAt(plain.dl, middleOf(d.edge("rcv", "vet")))));
    }
}

TEST_CASE("counts are written beside their arrows only where they can be read") {
    Frame frame;
    const Diffed d(placedCtPathway(), ctCases(6, 2, 2).log);
    const OverlayPainter painter(frame.fonts);
    std::size_t expected = 0;
    for (const auto& a : d.overlay.arrows) expected += visibleCharacters(a.label);
    for (const auto& x : d.overlay.extraArrows) expected += visibleCharacters(x.label);
    REQUIRE(expected > 20);

    Canvas close;
    paintDiff(painter, close.dl, viewAt(1.0), d);
    const auto glyphs = glyphColours(close.dl);
    CHECK(glyphs.size() == expected);
    CHECK(glyphsOf(glyphs, colour::text) ==
          expected - visibleCharacters(d.overlay.extraArrows[0].label));

    Canvas far;
    painter.drawLabels(far.dl, viewAt(0.3), d.geometry, d.overlay, {});
    CHECK(far.dl.VtxBuffer.Size == 0);
}

TEST_CASE("badges over an activity say what share of cases skipped it or did it again") {
    Frame frame;
    LogBuilder b = ctCases(6, 2, 2);
    b.addCase({{"RCV", 0}, {"VET", 1}, {"BKD", 2}, {"CMP", 3}, {"CMP", 4}, {"VER", 5}});
    const Diffed d(placedCtPathway(), b.log);
    const OverlayPainter painter(frame.fonts);
    std::size_t skipped = 0, extra = 0;
    for (const ActivityBadges& badge : d.overlay.badges) {
        if (badge.showSkipped) skipped += visibleCharacters(badge.skippedText);
        if (badge.showInserted) extra += visibleCharacters(badge.insertedText);
    }
    REQUIRE(skipped > 0);
    REQUIRE(extra > 0);

    Canvas c;
    const CanvasTransform view = viewAt(1.0);
    painter.drawBadges(c.dl, view, d.geometry, d.overlay, {});
    const auto glyphs = glyphColours(c.dl);
    CHECK(glyphs.size() == skipped + extra);
    CHECK(glyphsOf(glyphs, colour::badgeSkippedText) == skipped);
    CHECK(glyphsOf(glyphs, colour::badgeExtraText) == extra);

    // Above the vetting box, ending at its top-right corner.
    const Shape& vet = d.geometry.nodes[d.node("vet")].shape;
    const Vec2 corner = view.worldToScreen(vet.centre + Vec2{vet.half.x, -vet.half.y});
    const Vec2 left = view.worldToScreen(vet.centre - vet.half);
    bool aboveVet = false;
    for (const ImDrawVert& v : c.dl.VtxBuffer) {
        if (v.col != colour::badgeSkippedText || !isText(v)) continue;
        if (v.pos.x < left.x || v.pos.x > corner.x + 30) continue;
        aboveVet = true;
        CHECK(v.pos.y < corner.y);
        CHECK(v.pos.x <= corner.x);
    }
    CHECK(aboveVet);

    SUBCASE("too small to read: the pill without its text") {
        Canvas small;
        painter.drawBadges(small.dl, viewAt(0.3), d.geometry, d.overlay, {});
        CHECK(glyphColours(small.dl).empty());
        CHECK(small.dl.VtxBuffer.Size > 0);
    }
    SUBCASE("off the chosen variant's path, faded") {
        const std::vector<std::string> rejected{"RCV", "VET", "REJ"};
        Canvas faded;
        painter.drawBadges(faded.dl, view, d.geometry, d.overlay,
                           {variantPath(d.overlay, d.geometry, rejected)});
        const auto colours = glyphColours(faded.dl);
        CHECK(glyphsOf(colours, colour::badgeSkippedText) == skipped); // vetting is on the path
        CHECK(glyphsOf(colours, colour::badgeExtraText) == 0);         // the exam is not
    }
    SUBCASE("below the smallest share, no badge") {
        OverlayStyle style;
        style.smallestBadge = 0.5;
        const Diffed quiet(placedCtPathway(), b.log, style);
        Canvas none;
        painter.drawBadges(none.dl, view, quiet.geometry, quiet.overlay, {});
        CHECK(none.dl.VtxBuffer.Size == 0);
    }
}

TEST_CASE("the legend sits in the canvas's bottom-left corner and names every mark") {
    Frame frame;
    LogBuilder b = ctCases(6, 2, 2);
    b.addCase({{"RCV", 0}, {"VET", 1}, {"BKD", 2}, {"CMP", 3}, {"CMP", 4}, {"VER", 5}});
    const Diffed d(placedCtPathway(), b.log);
    const OverlayPainter painter(frame.fonts);
    const std::string title = "RPA \xC2\xB7 11 cases \xC2\xB7 fitness 0.87";
    const Rect viewport{{200, 100}, {1400, 860}};

    Canvas c;
    const Rect header = painter.drawLegend(c.dl, viewport, d.overlay, title, false).header;
    std::size_t expected = visibleCharacters(title);
    for (const LegendEntry& e : d.overlay.legend) expected += visibleCharacters(e.text);
    CHECK(glyphColours(c.dl).size() == expected);

    Rect drawn;
    bool redSample = false;
    for (const ImDrawVert& v : c.dl.VtxBuffer) {
        drawn.add(vec(v.pos));
        redSample = redSample || (!isText(v) && red(unpack(v.col)) && unpack(v.col).a == 255);
    }
    CHECK(drawn.min.x >= viewport.min.x + 8);
    CHECK(drawn.max.y <= viewport.max.y - 8);
    CHECK(drawn.max.y >= viewport.max.y - 20);
    CHECK(drawn.max.x < viewport.centre().x);
    CHECK(drawn.min.y > viewport.centre().y);
    CHECK(redSample);
    // Compact: a small corner box, not a quarter of the canvas.
    CHECK(drawn.width() * drawn.height() < viewport.width() * viewport.height() / 10);
    // The title line is the header to click, at the legend's top.
    CHECK(header.min.y == doctest::Approx(drawn.min.y).epsilon(0.01));
    CHECK(header.height() < drawn.height() / 3);
}

TEST_CASE("the legend folded away shows its title line only") {
    Frame frame;
    LogBuilder b = ctCases(6, 2, 2);
    const Diffed d(placedCtPathway(), b.log);
    const OverlayPainter painter(frame.fonts);
    const std::string title = "RPA \xC2\xB7 6 cases";
    const Rect viewport{{200, 100}, {1400, 860}};
    Canvas open, folded;
    painter.drawLegend(open.dl, viewport, d.overlay, title, false);
    const Rect header = painter.drawLegend(folded.dl, viewport, d.overlay, title, true).header;
    CHECK(glyphColours(folded.dl).size() == visibleCharacters(title));
    Rect drawn;
    for (const ImDrawVert& v : folded.dl.VtxBuffer) drawn.add(vec(v.pos));
    // All of it is the header, still in the bottom-left corner.
    CHECK(drawn.height() <= header.height() + 1);
    CHECK(drawn.max.y <= viewport.max.y - 8);
    CHECK(drawn.min.x >= viewport.min.x + 8);
    CHECK(folded.dl.VtxBuffer.Size < open.dl.VtxBuffer.Size / 3);
}
