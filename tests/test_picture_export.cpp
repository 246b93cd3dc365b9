// The pictures `strawman export` draws, read back as a reader of the file would:
// the SVG parsed (expat), the PNG decoded (stb_image), the PDF through
// poppler's pdfinfo, pdftotext and pdftoppm. On the demo network, whose maps
// have lanes, decisions, conditions, bars and notes, and a year of each trust's
// data for the diff.
#include "picture_reader.h"
#include "process_runner.h"
#include "svg_reader.h"
#include "temp_path.h"

#include "cli/demo_network.h"
#include "editor/geometry/diff_overlay.h"
#include "editor/geometry/map_geometry.h"
#include "editor/geometry/palette.h"
#include "exporters/map_export.h"
#include "forum/standards.h"
#include "model/core/clock.h"
#include "model/core/error.h"
#include "model/maps/content_hash.h"
#include "model/maps/layout.h"
#include "model/store/workspace.h"
#include "model/use_cases/trust_diff.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace strawman;
using exporters::ExportFormat;
using exporters::exportMap;
using exporters::MapExportRequest;
using model::NodeKind;
using test::Image;
using test::Rgb;
using test::SvgDocument;
using test::SvgElement;
namespace palette = editor::palette;

namespace {

// The demo network in memory, made once for the whole test program.
struct DemoNetwork {
    test::TempDir dir;
    model::Workspace ws = model::Workspace::createInMemory();
    DemoNetwork() {
        cli::DemoOptions options;
        options.keyFile = dir.file("demo.key");
        options.casesPerTrust = 500; // enough for every mark of the diff, and quick
        cli::buildDemoNetwork(ws, options);
    }
};

const model::Workspace& demo() {
    static const DemoNetwork network;
    return network.ws;
}

// A trust's CT straw man.
model::MapSummary ctMapOf(const std::string& trust) {
    for (const model::MapSummary& m : demo().maps())
        if (m.trustCode == trust && m.processName == "CT outpatient pathway") return m;
    FAIL("no CT map for " << trust);
    return {};
}

MapExportRequest requestFor(model::MapId map, ExportFormat format) {
    MapExportRequest request;
    request.map = map;
    request.format = format;
    return request;
}

std::string hex(palette::Rgba c) {
    std::array<char, 8> text{};
    std::snprintf(text.data(), text.size(), "#%02x%02x%02x", c.r, c.g, c.b);
    return text.data();
}

Rgb rgb(palette::Rgba c) {
    return {c.r, c.g, c.b};
}

// Text without its spaces (Graphviz writes a double space as a no-break
// space, and a label wraps at spaces): the words as a reader sees them.
std::string squeezed(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == ' ') continue;
        if (text.compare(i, 2, "\xC2\xA0") == 0) {
            ++i;
            continue;
        }
        out += text[i];
    }
    return out;
}

bool startsWith(const std::string& text, const std::string& start) {
    return text.compare(0, start.size(), start) == 0;
}

// The one group with that id; fails the test when there is none or several.
const SvgElement& group(const SvgDocument& svg, const std::string& id) {
    const auto found = svg.withId("g", id);
    REQUIRE_MESSAGE(found.size() == 1, found.size() << " groups with id " << id);
    return *found.front();
}

// The stroke of a line's path (the first <path> of its group).
const SvgElement& lineOf(const SvgElement& g) {
    const auto paths = g.all("path");
    REQUIRE_MESSAGE(!paths.empty(), "no path in " << g.attribute("id"));
    return *paths.front();
}

// The y range of a lane band's polygon (Graphviz's points are "x,y x,y ...").
std::pair<double, double> yRange(const SvgElement& polygon) {
    std::istringstream points(polygon.attribute("points"));
    std::string point;
    double low = 1e18, high = -1e18;
    while (points >> point) {
        const double y = std::stod(point.substr(point.find(',') + 1));
        low = std::min(low, y);
        high = std::max(high, y);
    }
    return {low, high};
}

const model::Node& nodeOf(const model::MapContent& map, model::NodeId id) {
    const model::Node* n = map.findNode(id);
    REQUIRE(n);
    return *n;
}

std::string arrowId(const model::MapContent& map, const model::Edge& e) {
    return nodeOf(map, e.from).key + "-" + nodeOf(map, e.to).key;
}

std::string exportError(const MapExportRequest& request) {
    try {
        exportMap(demo(), request);
    } catch (const model::Error& e) {
        return e.what();
    }
    FAIL("the export was accepted");
    return {};
}

} // namespace

TEST_CASE("an SVG of every demo map is XML with every node's words and activity code as text") {
    for (const model::MapSummary& m : demo().maps()) {
        CAPTURE(m.name);
        const model::MapContent map = demo().content(m.id);
        const SvgDocument svg(exportMap(demo(), requestFor(m.id, ExportFormat::Svg)));
        CHECK(svg.root().name == "svg");

        for (const model::Node& n : map.nodes) {
            CAPTURE(n.key);
            const SvgElement& shape = group(svg, "node-" + n.key);
            switch (n.kind) {
            case NodeKind::Activity:
                // The step's words in the box, its code under them.
                CHECK(squeezed(shape.joinedText()) ==
                      squeezed((n.label.empty() ? n.activity : n.label) + n.activity));
                CHECK(shape.texts().back() == n.activity);
                CHECK(shape.attribute("class") == "node step");
                break;
            case NodeKind::Decision:
            case NodeKind::Note:
                CHECK(squeezed(shape.joinedText()) == squeezed(n.label));
                break;
            case NodeKind::Start:
            case NodeKind::End:
            case NodeKind::Parallel:
                // A start's, end's or bar's name is a caption beside it.
                CHECK(shape.texts().empty());
                if (!n.label.empty())
                    CHECK(squeezed(group(svg, "caption-" + n.key).joinedText()) ==
                          squeezed(n.label));
                break;
            }
        }
        // Every word is text in the pinned font, so it is selectable and the
        // same on every machine.
        const auto texts = svg.root().all("text");
        CHECK(!texts.empty());
        for (const SvgElement* t : texts) CHECK(t->attribute("font-family") == "DejaVu Sans");
    }
}

TEST_CASE("an SVG draws each kind of node in the canvas's shape and colours") {
    // The network's draft has every kind: start, steps, a decision, parallel
    // bars, a note and two ends.
    const auto maps = demo().maps();
    const auto network = std::find_if(maps.begin(), maps.end(), [](const model::MapSummary& m) {
        return m.trustCode.empty() && m.processName == "CT outpatient pathway";
    });
    REQUIRE(network != maps.end());
    const model::MapContent map = demo().content(network->id);
    const SvgDocument svg(exportMap(demo(), requestFor(network->id, ExportFormat::Svg)));

    struct Drawn {
        const char* kind; // the group's class
        const char* element;
        palette::Rgba fill, border;
    };
    const auto drawnAs = [](NodeKind kind) -> Drawn {
        switch (kind) {
        case NodeKind::Start:
            return {"start", "ellipse", palette::startFill, palette::startBorder};
        case NodeKind::End:
            return {"end", "ellipse", palette::endFill, palette::endBorder};
        case NodeKind::Activity:
            return {"step", "path", palette::activityFill, palette::activityBorder};
        case NodeKind::Decision:
            return {"decision", "polygon", palette::decisionFill, palette::decisionBorder};
        case NodeKind::Parallel:
            return {"bar", "polygon", palette::parallelFill, palette::parallelFill};
        case NodeKind::Note:
            return {"note", "polygon", palette::noteFill, palette::noteBorder};
        }
        return {};
    };
    std::set<std::string> kinds;
    for (const model::Node& n : map.nodes) {
        CAPTURE(n.key);
        const Drawn expected = drawnAs(n.kind);
        kinds.insert(expected.kind);
        const SvgElement& g = group(svg, "node-" + n.key);
        CHECK(g.attribute("class") == std::string("node ") + expected.kind);
        const auto outline = g.all(expected.element);
        REQUIRE(!outline.empty());
        CHECK(outline.front()->attribute("fill") == hex(expected.fill));
        CHECK(outline.front()->attribute("stroke") == hex(expected.border));
        if (n.kind == NodeKind::Decision) { // a diamond: four corners and the first again
            const std::string points = outline.front()->attribute("points");
            CHECK(std::count(points.begin(), points.end(), ',') == 5);
        }
        if (n.kind == NodeKind::End) // the thick ring of an end, as on the canvas
            CHECK(std::stod(outline.front()->attribute("stroke-width")) >= 3);
    }
    CHECK(kinds == std::set<std::string>{"start", "end", "step", "decision", "bar", "note"});
}

TEST_CASE("an SVG draws each lane as a band titled with its name, holding its steps") {
    const model::MapSummary rpa = ctMapOf("RPA");
    const model::MapContent map = demo().content(rpa.id);
    const SvgDocument svg(exportMap(demo(), requestFor(rpa.id, ExportFormat::Svg)));

    std::set<std::string> lanes;
    for (const model::Node& n : map.nodes)
        if (!n.lane.empty()) lanes.insert(n.lane);
    REQUIRE(lanes.size() >= 3);

    std::map<std::string, std::pair<double, double>> bands;
    for (const SvgElement* cluster : svg.groupsOfClass("cluster")) {
        const auto polygons = cluster->all("polygon");
        REQUIRE(polygons.size() == 1);
        CHECK(polygons.front()->attribute("fill") == hex(palette::laneFill));
        bands[cluster->joinedText()] = yRange(*polygons.front());
    }
    std::set<std::string> titled;
    for (const auto& [title, range] : bands) titled.insert(title);
    CHECK(titled == lanes);

    // Each step's words sit inside its own lane's band.
    for (const model::Node& n : map.nodes) {
        if (n.lane.empty() || n.kind != NodeKind::Activity) continue;
        CAPTURE(n.key);
        const auto words = group(svg, "node-" + n.key).all("text");
        REQUIRE(!words.empty());
        const double y = std::stod(words.front()->attribute("y"));
        const auto [top, bottom] = bands.at(n.lane);
        CHECK(y > top);
        CHECK(y < bottom);
    }
}

TEST_CASE("an SVG labels each arrow out of a decision with its condition") {
    for (const char* trust : {"RPA", "RN7"}) {
        CAPTURE(trust);
        const model::MapSummary m = ctMapOf(trust);
        const model::MapContent map = demo().content(m.id);
        const SvgDocument svg(exportMap(demo(), requestFor(m.id, ExportFormat::Svg)));
        int conditions = 0;
        for (const model::Edge& e : map.edges) {
            if (e.label.empty()) continue;
            ++conditions;
            CHECK(group(svg, "condition-" + arrowId(map, e)).joinedText() == e.label);
        }
        CHECK(conditions >= 2);
        CHECK(svg.groupsOfClass("condition").size() == static_cast<std::size_t>(conditions));
    }
}

TEST_CASE("an SVG with a trust's diff draws the traffic, the steps not drawn, the arrows not "
          "followed and a legend in the editor's colours") {
    const model::MapSummary rpa = ctMapOf("RPA");
    const model::MapContent map = demo().content(rpa.id);
    const model::TrustDiff diff = model::diffTrust(demo(), map, "RPA", {}, {});
    MapExportRequest request = requestFor(rpa.id, ExportFormat::Svg);
    const SvgDocument plain(exportMap(demo(), request));
    request.diffTrust = "RPA";
    const SvgDocument svg(exportMap(demo(), request));

    // Arrows the cases follow: blue-grey, as wide as their traffic, with the
    // count (and median) beside them.
    std::vector<std::pair<std::int64_t, double>> widths; // occurrences, width
    int oneStep = 0;
    for (const model::ArrowTraffic& a : diff.result.arrows) {
        if (a.occurrences == 0) continue;
        const model::Edge& e = *std::find_if(map.edges.begin(), map.edges.end(),
                                             [&](const model::Edge& x) { return x.id == a.edge; });
        const std::string id = "edge-" + arrowId(map, e);
        CAPTURE(id);
        const SvgElement& g = group(svg, id);
        CHECK(g.attribute("class") == "edge taken");
        CHECK(lineOf(g).attribute("stroke") == hex(palette::overlayTaken));
        widths.emplace_back(a.occurrences, std::stod(lineOf(g).attribute("stroke-width")));
        const std::string traffic = squeezed(group(svg, id + "-traffic").joinedText());
        CHECK(startsWith(traffic, editor::formatCount(a.occurrences)));
        // An arrow that carries one step of the data: that step's count and median.
        if (a.transitions.size() == 1 && a.starts.empty() && a.ends.empty()) {
            ++oneStep;
            const model::ObservedTransition& t = diff.result.transitions[a.transitions.front()];
            CHECK(traffic == squeezed(editor::trafficLabel(t.count, t.duration)));
            CHECK(traffic.find("\xC2\xB7") != std::string::npos); // count · median
        }
    }
    CHECK(oneStep >= 3);
    REQUIRE(widths.size() >= 8);
    std::sort(widths.begin(), widths.end());
    for (std::size_t i = 1; i < widths.size(); ++i) CHECK(widths[i].second >= widths[i - 1].second);
    CHECK(widths.back().second > 2 * widths.front().second);

    // Drawn arrows no case follows: grey and dotted.
    REQUIRE(!diff.result.unusedEdges.empty());
    for (const model::UnusedEdge& u : diff.result.unusedEdges) {
        const model::Edge& e = *std::find_if(map.edges.begin(), map.edges.end(),
                                             [&](const model::Edge& x) { return x.id == u.edge; });
        const SvgElement& g = group(svg, "edge-" + arrowId(map, e));
        CHECK(g.attribute("class") == "edge never-taken");
        CHECK(lineOf(g).attribute("stroke") == hex(palette::overlayNeverTaken));
        CHECK(lineOf(g).attribute("stroke-dasharray") == "1,5");
    }

    // Steps the data takes that the map does not draw: red, dashed, each one
    // a step of the diff with its count beside it.
    const auto notDrawn = svg.groupsOfClass("not-drawn");
    CHECK(notDrawn.size() >= 3);
    for (const SvgElement* g : notDrawn) {
        const std::string id = g->attribute("id");
        CAPTURE(id);
        CHECK(lineOf(*g).attribute("stroke") == hex(palette::overlayNotDrawn));
        CHECK(lineOf(*g).attribute("stroke-dasharray") == "5,2");
        const auto step =
            std::find_if(diff.result.transitions.begin(), diff.result.transitions.end(),
                         [&](const model::ObservedTransition& t) {
                             return id == "not-drawn-" + t.from + "-" + t.to;
                         });
        REQUIRE(step != diff.result.transitions.end());
        CHECK(!step->drawn);
        CHECK(squeezed(group(svg, id + "-traffic").joinedText()) ==
              squeezed(editor::trafficLabel(step->count, step->duration)));
    }

    // The legend: the trust, its cases and fit, and what each mark means.
    const std::string legend = squeezed(group(svg, "legend").joinedText());
    CHECK(legend.find(squeezed(editor::legendTitle("RPA", diff.result))) != std::string::npos);
    const editor::MapGeometry geometry = editor::buildMapGeometry(map);
    const editor::DiffOverlay overlay = editor::buildDiffOverlay(map, geometry, diff.result);
    REQUIRE(overlay.legend.size() >= 4);
    for (const editor::LegendEntry& e : overlay.legend)
        CHECK_MESSAGE(legend.find(squeezed(e.text)) != std::string::npos, e.text);

    // Without a trust, none of it.
    CHECK(plain.groupsOfClass("taken").empty());
    CHECK(plain.groupsOfClass("not-drawn").empty());
    CHECK(plain.groupsOfClass("never-taken").empty());
    CHECK(plain.withId("g", "legend").empty());
}

TEST_CASE("an SVG with the standards carries each agreed rule's badge, with the trust's standing "
          "when its diff is drawn") {
    const model::MapSummary rpa = ctMapOf("RPA");
    const auto standards = forum::agreedStandards(demo());
    const auto rules = forum::ruleStandardsOf(standards, rpa.process);
    REQUIRE(!rules.empty());

    MapExportRequest request = requestFor(rpa.id, ExportFormat::Svg);
    CHECK(SvgDocument(exportMap(demo(), request)).groupsOfClass("standard-kept").empty());
    request.standards = true;
    const SvgDocument svg(exportMap(demo(), request));
    request.diffTrust = "RPA";
    const SvgDocument withDiff(exportMap(demo(), request));

    for (const SvgDocument* picture : {&svg, &withDiff}) {
        auto badges = picture->groupsOfClass("standard-kept");
        const auto moved = picture->groupsOfClass("standard-moved");
        badges.insert(badges.end(), moved.begin(), moved.end());
        for (const forum::StandardView* s : rules) {
            const std::string text = "Standard: " + forum::standardText(*s);
            CAPTURE(text);
            const auto badge = std::find_if(badges.begin(), badges.end(), [&](const SvgElement* b) {
                return startsWith(b->joinedText(), text);
            });
            REQUIRE(badge != badges.end());
            // A rule on an interval sits above the step it ends at.
            const model::MapContent map = demo().content(rpa.id);
            const auto step =
                std::find_if(map.nodes.begin(), map.nodes.end(),
                             [&](const model::Node& n) { return n.activity == s->rule->second; });
            REQUIRE(step != map.nodes.end());
            CHECK(startsWith((*badge)->attribute("id"), "standard-"));
            CHECK((*badge)->attribute("id").ends_with("-" + step->key));
            if (picture == &withDiff) {
                const std::string said = (*badge)->joinedText();
                CHECK(said.find("RPA") != std::string::npos);
                CHECK((said.find(", kept") != std::string::npos ||
                       said.find("not kept") != std::string::npos));
            }
        }
    }
}

TEST_CASE("an SVG with a title says the map's name, version, content hash and the day") {
    const model::MapSummary rpa = ctMapOf("RPA");
    const model::MapContent map = demo().content(rpa.id);
    MapExportRequest request = requestFor(rpa.id, ExportFormat::Svg);
    CHECK(SvgDocument(exportMap(demo(), request)).withId("g", "footer").empty());
    request.title = true;
    const SvgDocument svg(exportMap(demo(), request));
    const std::string footer = squeezed(group(svg, "footer").joinedText());
    CHECK(footer.find(squeezed(rpa.name)) != std::string::npos);
    CHECK(footer.find(squeezed("version " + std::to_string(rpa.versionNumber))) !=
          std::string::npos);
    // A straw man is a draft: the hash of what is drawn.
    const std::string hash = rpa.published ? rpa.hash : model::contentHash(map);
    CHECK(footer.find(hash) != std::string::npos);
    CHECK(footer.find(model::nowUtc().substr(0, 10)) != std::string::npos);
}

TEST_CASE("the same picture exported twice is the same bytes") {
    MapExportRequest request = requestFor(ctMapOf("RPA").id, ExportFormat::Svg);
    request.diffTrust = "RPA";
    request.standards = true;
    CHECK(exportMap(demo(), request) == exportMap(demo(), request));
    request.format = ExportFormat::Png;
    CHECK(exportMap(demo(), request) == exportMap(demo(), request));
}

TEST_CASE("a PNG is drawn at the DPI asked for, on white, with the map's shapes in their colours") {
    const model::MapSummary rpa = ctMapOf("RPA");
    const model::MapContent map = demo().content(rpa.id);
    MapExportRequest request = requestFor(rpa.id, ExportFormat::Png);
    const Image normal = Image::fromBytes(exportMap(demo(), request));
    request.dpi = 192;
    const Image doubled = Image::fromBytes(exportMap(demo(), request));
    REQUIRE(normal.loaded());
    REQUIRE(doubled.loaded());
    CHECK(normal.width() > 600);
    CHECK(doubled.width() == doctest::Approx(2.0 * normal.width()).epsilon(0.01));
    CHECK(doubled.height() == doctest::Approx(2.0 * normal.height()).epsilon(0.01));

    // The SVG says the drawing's size in points: at 96 DPI a point is 4/3 pixel.
    const SvgDocument svg(exportMap(demo(), requestFor(rpa.id, ExportFormat::Svg)));
    const double widthPt = std::stod(svg.root().attribute("width"));
    CHECK(normal.width() == doctest::Approx(widthPt * 96 / 72).epsilon(0.01));

    const test::Box all = normal.all();
    for (const auto& [x, y] : {std::pair{0, 0},
                               {normal.width() - 1, 0},
                               {0, normal.height() - 1},
                               {normal.width() - 1, normal.height() - 1}})
        CHECK(normal.at(x, y) == Rgb{255, 255, 255});
    const auto count = [&](NodeKind kind) {
        return std::count_if(map.nodes.begin(), map.nodes.end(),
                             [&](const model::Node& n) { return n.kind == kind; });
    };
    // A step's box is about 170 x 70 pixels at 96 DPI, its words inside.
    CHECK(normal.blobs(all, rgb(palette::activityFill), 1500) >= count(NodeKind::Activity));
    CHECK(normal.blobs(all, rgb(palette::decisionFill), 800) >= count(NodeKind::Decision));
    CHECK(normal.blobs(all, rgb(palette::endFill), 100) >= count(NodeKind::End));
    CHECK(normal.count(all, rgb(palette::laneFill)) > all.area() / 10);
    CHECK(normal.count(all, rgb(palette::text)) > 500); // the words, in the text colour
    CHECK(normal.distinctColours(all) > 50);
}

TEST_CASE("a PDF is one page whose words are text, and it is not blank") {
    const model::MapSummary rpa = ctMapOf("RPA");
    const model::MapContent map = demo().content(rpa.id);
    MapExportRequest request = requestFor(rpa.id, ExportFormat::Pdf);
    request.diffTrust = "RPA";
    const std::string bytes = exportMap(demo(), request);
    CHECK(startsWith(bytes, "%PDF-"));
    test::TempDir dir;
    const std::string pdf = dir.file("rpa.pdf");
    test::writeFile(pdf, bytes);

    const test::RunResult info = test::run("pdfinfo", {pdf});
    INFO("pdfinfo: " << info.out << info.err);
    REQUIRE_MESSAGE(info.exitCode == 0,
                    "the PDF tests need poppler-utils (scripts/install-deps.sh)");
    CHECK(info.out.find("\nPages:           1\n") != std::string::npos);
    // The page is the drawing with a margin round it: no bigger than half an
    // inch a side more than the SVG's drawing of the same map.
    request.format = ExportFormat::Svg;
    const SvgDocument svg(exportMap(demo(), request));
    const double width = std::stod(svg.root().attribute("width"));
    const double height = std::stod(svg.root().attribute("height"));
    double pageWidth = 0, pageHeight = 0;
    const std::size_t size = info.out.find("Page size:");
    REQUIRE(size != std::string::npos);
    REQUIRE(std::sscanf(info.out.c_str() + size, "Page size: %lf x %lf pts", &pageWidth,
                        &pageHeight) == 2);
    CHECK(pageWidth >= width - 1);
    CHECK(pageWidth <= width + 80);
    CHECK(pageHeight >= height - 1);
    CHECK(pageHeight <= height + 80);

    // Every line of every node's words, and every code, can be selected.
    const test::RunResult text = test::run("pdftotext", {"-raw", pdf, "-"});
    REQUIRE(text.exitCode == 0);
    for (const model::Node& n : map.nodes) {
        CAPTURE(n.key);
        for (const std::string& line : model::wrapLabel(n.label))
            CHECK(text.out.find(line) != std::string::npos);
        if (!n.activity.empty()) CHECK(text.out.find(n.activity) != std::string::npos);
    }
    CHECK(text.out.find("fit the map") != std::string::npos); // the legend

    // The fonts are DejaVu Sans, embedded: the page reads the same on every machine.
    const test::RunResult fonts = test::run("pdffonts", {pdf});
    REQUIRE(fonts.exitCode == 0);
    std::istringstream rows(fonts.out);
    std::string row;
    std::getline(rows, row); // the header
    std::getline(rows, row); // and its rule
    int embedded = 0;
    while (std::getline(rows, row)) {
        CAPTURE(row);
        std::istringstream read(row);
        std::vector<std::string> words;
        for (std::string w; read >> w;) words.push_back(w);
        // name, type (one word or more), encoding, then emb sub uni and the object's id
        REQUIRE(words.size() >= 7);
        CHECK(words.front().find("+DejaVuSans") != std::string::npos);
        CHECK(words[words.size() - 5] == "yes");
        ++embedded;
    }
    CHECK(embedded >= 2); // book and bold

    // And drawn: at 40 DPI the page has the steps' fill and the diff's red.
    REQUIRE(test::run("pdftoppm", {"-r", "40", "-png", "-singlefile", pdf, dir.file("page")})
                .exitCode == 0);
    const Image page(dir.file("page.png"));
    REQUIRE(page.loaded());
    CHECK(page.width() == doctest::Approx(pageWidth * 40 / 72).epsilon(0.02));
    const test::Box all = page.all();
    CHECK(page.at(0, 0) == Rgb{255, 255, 255});
    CHECK(page.count(all, rgb(palette::activityFill)) > 1000);
    CHECK(page.count(all, rgb(palette::overlayNotDrawn)) > 20);
    CHECK(page.distinctColours(all) > 30);
}

TEST_CASE("an export that cannot be made says why") {
    const model::MapId rpa = ctMapOf("RPA").id;
    CHECK(exportError(requestFor(model::MapId{999}, ExportFormat::Svg)) == "no map with id 999");

    MapExportRequest request = requestFor(rpa, ExportFormat::Svg);
    request.diffTrust = "XYZ";
    CHECK(exportError(request) == "no trust with code XYZ");

    request = requestFor(rpa, ExportFormat::Png);
    for (double dpi : {10.0, 5000.0}) {
        request.dpi = dpi;
        CHECK(exportError(request).find("the DPI must be between 24 and 1200") == 0);
    }
    // A PNG is drawn at most 32,767 pixels a side: rather than shrunk to fit
    // behind the user's back, it is refused with the DPI that fits.
    request = requestFor(rpa, ExportFormat::Png);
    request.dpi = 1200;
    const std::string tooLarge = exportError(request);
    CHECK(startsWith(tooLarge, "at 1200 DPI the PNG would be "));
    CHECK(tooLarge.find(" pixels, and it can be at most 32,767 a side: a DPI of at most ") !=
          std::string::npos);
    double fits = 0;
    const std::size_t named = tooLarge.find("a DPI of at most ");
    REQUIRE(named != std::string::npos);
    REQUIRE(std::sscanf(tooLarge.c_str() + named, "a DPI of at most %lf", &fits) == 1);
    const double inches =
        std::stod(SvgDocument(exportMap(demo(), requestFor(rpa, ExportFormat::Svg)))
                      .root()
                      .attribute("width")) /
        72;
    CHECK(fits * inches < 32767);
    CHECK((fits + 10) * inches > 32767);

    // SVG and PDF are drawn in points: a DPI would change nothing, so it is refused.
    for (ExportFormat format : {ExportFormat::Svg, ExportFormat::Pdf}) {
        request = requestFor(rpa, format);
        request.dpi = 150;
        CHECK(exportError(request) ==
              "a DPI is for PNG pictures, not " + std::string(exporters::exportFormatName(format)));
    }
    for (ExportFormat format : {ExportFormat::Dot, ExportFormat::Json}) {
        request = requestFor(rpa, format);
        request.title = true;
        CHECK(exportError(request) ==
              "a diff, standard badges, a DPI and a title are for pictures (svg, png, pdf), not " +
                  std::string(exporters::exportFormatName(format)));
    }
}
