// GUI smoke tests: build a workspace through the model, render the editor with
// `strawman gui --screenshot` under xvfb-run, and look at the picture.
//
// The colours below are the editor's theme (editor/theme.h); the checks look
// for flat fills, which anti-aliasing does not touch away from shape edges.
#include "process_runner.h"

#include "model/layout.h"
#include "model/workspace.h"

#include <doctest/doctest.h>
#include <stb_image.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace strawman;
using model::NodeKind;

namespace {

// [SECTION] Pictures

struct Rgb {
    int r = 0, g = 0, b = 0;
    bool operator<(const Rgb& o) const { return r != o.r ? r < o.r : g != o.g ? g < o.g : b < o.b; }
    bool operator==(const Rgb&) const = default;
};

constexpr Rgb kActivityFill{220, 230, 241};
constexpr Rgb kDecisionFill{253, 240, 212};
constexpr Rgb kParallelFill{55, 71, 87};
constexpr Rgb kStartFill{214, 238, 222};
constexpr Rgb kEndFill{247, 219, 219};
constexpr Rgb kCanvas{255, 255, 255};
constexpr Rgb kGridMinor{242, 244, 247};
constexpr Rgb kGridMajor{222, 227, 234};

bool close(Rgb a, Rgb b, int tolerance = 2) {
    return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance &&
           std::abs(a.b - b.b) <= tolerance;
}

struct Box {
    int x0, y0, x1, y1; // half-open
    long area() const { return static_cast<long>(x1 - x0) * (y1 - y0); }
};

class Image {
  public:
    explicit Image(const std::string& file) {
        unsigned char* data = stbi_load(file.c_str(), &m_width, &m_height, &m_channels, 3);
        if (!data) return;
        m_rgb.assign(data, data + static_cast<std::size_t>(m_width) * m_height * 3);
        stbi_image_free(data);
    }
    bool loaded() const { return !m_rgb.empty(); }
    int width() const { return m_width; }
    int height() const { return m_height; }
    Rgb at(int x, int y) const {
        const std::size_t i = (static_cast<std::size_t>(y) * m_width + x) * 3;
        return {m_rgb[i], m_rgb[i + 1], m_rgb[i + 2]};
    }

    long count(const Box& box, Rgb colour) const {
        long n = 0;
        for (int y = box.y0; y < box.y1; ++y)
            for (int x = box.x0; x < box.x1; ++x)
                n += close(at(x, y), colour);
        return n;
    }
    std::size_t distinctColours(const Box& box) const {
        std::map<Rgb, int> seen;
        for (int y = box.y0; y < box.y1; ++y)
            for (int x = box.x0; x < box.x1; ++x)
                seen[at(x, y)]++;
        return seen.size();
    }
    Rgb commonest(const Box& box) const {
        std::map<Rgb, long> seen;
        for (int y = box.y0; y < box.y1; ++y)
            for (int x = box.x0; x < box.x1; ++x)
                seen[at(x, y)]++;
        Rgb best;
        long most = -1;
        for (const auto& [c, n] : seen)
            if (n > most) best = c, most = n;
        return best;
    }
    // Pixels that are neither the canvas nor its grid: shapes, lines and text.
    long ink(const Box& box) const {
        long n = 0;
        for (int y = box.y0; y < box.y1; ++y)
            for (int x = box.x0; x < box.x1; ++x) {
                const Rgb c = at(x, y);
                n += !close(c, kCanvas, 3) && !close(c, kGridMinor, 3) && !close(c, kGridMajor, 3);
            }
        return n;
    }
    // Separate patches of `colour` of at least `minPixels` (4-connected), e.g.
    // one per activity box.
    int blobs(const Box& box, Rgb colour, int minPixels) const {
        std::vector<char> seen(static_cast<std::size_t>(m_width) * m_height, 0);
        int found = 0;
        std::vector<std::pair<int, int>> stack;
        for (int y = box.y0; y < box.y1; ++y) {
            for (int x = box.x0; x < box.x1; ++x) {
                if (seen[idx(x, y)] || !close(at(x, y), colour)) continue;
                int size = 0;
                stack.assign(1, {x, y});
                seen[idx(x, y)] = 1;
                while (!stack.empty()) {
                    const auto [px, py] = stack.back();
                    stack.pop_back();
                    ++size;
                    const int nx[] = {px + 1, px - 1, px, px}, ny[] = {py, py, py + 1, py - 1};
                    for (int k = 0; k < 4; ++k) {
                        if (nx[k] < box.x0 || nx[k] >= box.x1 || ny[k] < box.y0 || ny[k] >= box.y1)
                            continue;
                        if (seen[idx(nx[k], ny[k])] || !close(at(nx[k], ny[k]), colour)) continue;
                        seen[idx(nx[k], ny[k])] = 1;
                        stack.push_back({nx[k], ny[k]});
                    }
                }
                found += size >= minPixels;
            }
        }
        return found;
    }

  private:
    std::size_t idx(int x, int y) const { return static_cast<std::size_t>(y) * m_width + x; }

    int m_width = 0, m_height = 0, m_channels = 0;
    std::vector<unsigned char> m_rgb;
};

// At 1600 x 1000 the Network panel is about 350 px wide and the canvas fills
// the rest between the toolbar line and the status bar. These boxes stay well
// inside each so the test does not depend on exact pixel positions.
constexpr int kWidth = 1600, kHeight = 1000;
constexpr Box kPanel{0, 0, 300, 940};
constexpr Box kCanvasArea{420, 80, 1580, 940};

// [SECTION] Workspaces

// A CT outpatient pathway with one of every kind that matters: start, end,
// activities, a decision with conditions, and a parallel split and join, laid
// out by the model (Graphviz dot, left to right) as `strawman map layout` does.
model::MapContent ctPathway() {
    model::MapContent map;
    auto node = [&](NodeKind kind, const char* key, const char* label, const char* code) {
        model::Node n;
        n.id = model::NodeId{static_cast<std::int64_t>(map.nodes.size() + 1)};
        n.kind = kind;
        n.key = key;
        n.label = label;
        n.activity = code;
        map.nodes.push_back(n);
        return n.id;
    };
    auto edge = [&](model::NodeId a, model::NodeId b, const char* label = "") {
        map.edges.push_back(
            {model::EdgeId{static_cast<std::int64_t>(map.edges.size() + 1)}, a, b, label});
    };
    const auto start = node(NodeKind::Start, "start", "Request made", "");
    const auto rcv = node(NodeKind::Activity, "rcv", "Request received", "RCV");
    const auto vet = node(NodeKind::Activity, "vet", "Vetted", "VET");
    const auto ok = node(NodeKind::Decision, "ok", "Justified?", "");
    const auto rej = node(NodeKind::Activity, "rej", "Rejected at vetting", "REJ");
    const auto split = node(NodeKind::Parallel, "split", "", "");
    const auto pro = node(NodeKind::Activity, "pro", "Protocolled", "PRO");
    const auto bkd = node(NodeKind::Activity, "bkd", "Booked", "BKD");
    const auto join = node(NodeKind::Parallel, "join", "", "");
    const auto cmp = node(NodeKind::Activity, "cmp", "Exam completed", "CMP");
    const auto end = node(NodeKind::End, "end", "Reported", "");
    edge(start, rcv);
    edge(rcv, vet);
    edge(vet, ok);
    edge(ok, split, "yes");
    edge(ok, rej, "no");
    edge(split, pro);
    edge(split, bkd);
    edge(pro, join);
    edge(bkd, join);
    edge(join, cmp);
    edge(cmp, end);
    model::layout(map);
    return map;
}

struct Fixture {
    test::TempDir dir;
    std::string workspace = dir.path("network.strawman");
    model::MapId pathway, emptyMap;

    Fixture() {
        auto ws = model::Workspace::create(workspace);
        const auto rpa = ws.addTrust("RPA", "Medway NHS Foundation Trust");
        ws.addTrust("RN7", "Dartford and Gravesham NHS Trust");
        const auto ct = ws.addProcess("CT outpatient pathway");
        pathway =
            ws.createMap(ct, rpa, "CT outpatient pathway", ctPathway(), model::MapStatus::StrawMan);
        emptyMap = ws.createMap(ct, std::nullopt, "CT pathway (network standard)", {});
    }
};

bool haveXvfbRun() {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    for (std::size_t start = 0; start <= dirs.size();) {
        const std::size_t colon = std::min(dirs.find(':', start), dirs.size());
        if (std::filesystem::exists(std::filesystem::path(dirs.substr(start, colon - start)) /
                                    "xvfb-run"))
            return true;
        start = colon + 1;
    }
    return false;
}

test::RunResult screenshot(const std::string& workspace, std::optional<model::MapId> map,
                           const std::string& png) {
    REQUIRE_MESSAGE(haveXvfbRun(), "the GUI tests need xvfb-run (apt install xvfb)");
    std::vector<std::string> args = {"-a",         "-s",  "-screen 0 1600x1000x24",
                                     STRAWMAN_EXE, "gui", workspace};
    if (map) args.insert(args.end(), {"--map", std::to_string(map->value)});
    args.insert(args.end(), {"--screenshot", png, "--size", "1600x1000"});
    return test::run("xvfb-run", args);
}

} // namespace

// [SECTION] Tests

TEST_CASE("the editor draws a map under xvfb-run and saves it as a PNG") {
    Fixture f;
    const std::string png = f.dir.path("pathway.png");
    const auto result = screenshot(f.workspace, f.pathway, png);
    INFO("stderr: " << result.err);
    REQUIRE(result.exitCode == 0);
    const Image image(png);
    REQUIRE(image.loaded());
    CHECK(image.width() == kWidth);
    CHECK(image.height() == kHeight);

    // A real frame, not a cleared buffer: many colours, and the panel looks
    // different from the canvas.
    const Box whole{0, 0, kWidth, kHeight};
    CHECK(image.distinctColours(whole) > 50);
    CHECK(image.commonest(kCanvasArea) == kCanvas);
    CHECK_FALSE(image.commonest(kPanel) == image.commonest(kCanvasArea));
    CHECK(image.ink(kPanel) > 500); // the tree's text

    // Six activity boxes, each its own patch of fill; together a plausible
    // share of the canvas (fitted to view, so neither specks nor a flood).
    const int boxes = image.blobs(kCanvasArea, kActivityFill, 400);
    CHECK(boxes >= 5);
    CHECK(boxes <= 6);
    const double coverage = static_cast<double>(image.count(kCanvasArea, kActivityFill)) /
                            static_cast<double>(kCanvasArea.area());
    CHECK(coverage > 0.01);
    CHECK(coverage < 0.4);

    // Every other kind of node is drawn too.
    CHECK(image.blobs(kCanvasArea, kDecisionFill, 100) == 1);
    CHECK(image.blobs(kCanvasArea, kParallelFill, 100) == 2);
    CHECK(image.count(kCanvasArea, kStartFill) > 100);
    CHECK(image.count(kCanvasArea, kEndFill) > 100);
}

TEST_CASE("a map with nodes puts more on the canvas than an empty map") {
    Fixture f;
    const std::string full = f.dir.path("full.png"), empty = f.dir.path("empty.png");
    REQUIRE(screenshot(f.workspace, f.pathway, full).exitCode == 0);
    REQUIRE(screenshot(f.workspace, f.emptyMap, empty).exitCode == 0);
    const Image fullImage(full), emptyImage(empty);
    REQUIRE(fullImage.loaded());
    REQUIRE(emptyImage.loaded());
    CHECK(emptyImage.count(kCanvasArea, kActivityFill) == 0);
    CHECK(emptyImage.ink(kCanvasArea) > 0); // it says the map is empty
    CHECK(fullImage.ink(kCanvasArea) > 4 * emptyImage.ink(kCanvasArea));
}

TEST_CASE("a workspace with no maps opens and shows no map") {
    test::TempDir dir;
    const std::string workspace = dir.path("new.strawman");
    model::Workspace::create(workspace);
    const std::string png = dir.path("nothing.png");
    const auto result = screenshot(workspace, std::nullopt, png);
    INFO("stderr: " << result.err);
    REQUIRE(result.exitCode == 0);
    const Image image(png);
    REQUIRE(image.loaded());
    CHECK(image.count(kCanvasArea, kActivityFill) == 0);
    CHECK(image.ink(kCanvasArea) > 0); // it says there are no maps
}

TEST_CASE("asking for a map the workspace does not have fails") {
    Fixture f;
    const auto result = screenshot(f.workspace, model::MapId{9999}, f.dir.path("no.png"));
    CHECK(result.exitCode != 0);
    CHECK(result.err.find("9999") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(f.dir.path("no.png")));
}

TEST_CASE("without a display the editor fails and says to use xvfb-run") {
    Fixture f;
    // Take the display away from the child only for this run.
    struct Unset {
        std::string name;
        std::optional<std::string> old;
        explicit Unset(std::string n) : name(std::move(n)) {
            if (const char* v = std::getenv(name.c_str())) old = v;
            unsetenv(name.c_str());
        }
        ~Unset() {
            if (old) setenv(name.c_str(), old->c_str(), 1);
        }
    } display("DISPLAY"), wayland("WAYLAND_DISPLAY");
    const auto result =
        test::run(STRAWMAN_EXE, {"gui", f.workspace, "--screenshot", f.dir.path("never.png")});
    CHECK(result.exitCode != 0);
    CHECK(result.err.find("xvfb-run") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(f.dir.path("never.png")));
}
