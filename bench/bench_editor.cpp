// CPU time of one editor frame (ImGui::NewFrame, every panel and the canvas,
// ImGui::Render: the draw lists the GPU is then given) for a 500-node map, with
// and without the diff drawn on it. No window or OpenGL: the budget (docs/design.md,
// ≤ 4 ms per frame with the overlay) is about our CPU work, and the GPU side is
// the driver's. The map and its data are generated: a pathway of 500 nodes
// (activities with decisions that branch and rejoin, a rework loop every few
// steps), laid out by Graphviz, and 20,000 cases in 60 variants that follow it
// with skips, repeats and steps it does not draw.
//
// Run: build/bench/bench_editor --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include "editor/core/editor_session.h"
#include "editor/editor_frame.h"
#include "editor/panels/diff_panel.h"
#include "editor/panels/fonts.h"

#include "model/conformance/diff.h"
#include "model/events/event_log.h"
#include "model/maps/layout.h"
#include "model/store/workspace.h"

#include "bench_random.h"
#include "scratch.h"

#include <benchmark/benchmark.h>
#include <imgui.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <numeric>
#include <optional>
#include <string>

namespace {

using namespace strawman;

using bench::Random;

std::string code(int i) {
    char text[16];
    std::snprintf(text, sizeof text, "S%03d", i);
    return text;
}

// Start, then groups of [step, decision -> (step | step) -> step], then end: 500 nodes.
model::MapContent bigMap(int nodes, std::vector<std::string>& pathCodes) {
    model::MapContent map;
    auto add = [&](model::NodeKind kind, const std::string& activity, const std::string& label) {
        model::Node n;
        n.id = model::NodeId{static_cast<std::int64_t>(map.nodes.size() + 1)};
        n.kind = kind;
        n.key = "n" + std::to_string(map.nodes.size() + 1);
        n.activity = activity;
        n.label = label;
        map.nodes.push_back(n);
        return n.id;
    };
    auto edge = [&](model::NodeId a, model::NodeId b, const char* label = "") {
        map.edges.push_back(
            {model::EdgeId{static_cast<std::int64_t>(map.edges.size() + 1)}, a, b, label});
    };
    model::NodeId last = add(model::NodeKind::Start, "", "Request made");
    int next = 0;
    while (static_cast<int>(map.nodes.size()) + 6 < nodes) {
        const std::string a = code(next++), b = code(next++), c = code(next++), d = code(next++);
        const auto step = add(model::NodeKind::Activity, a, "Step " + a);
        const auto choice = add(model::NodeKind::Decision, "", "Ready?");
        const auto left = add(model::NodeKind::Activity, b, "Usual way " + b);
        const auto right = add(model::NodeKind::Activity, c, "Other way " + c);
        const auto merge = add(model::NodeKind::Activity, d, "Joined " + d);
        edge(last, step);
        edge(step, choice);
        edge(choice, left, "yes");
        edge(choice, right, "no");
        edge(left, merge);
        edge(right, merge);
        pathCodes.push_back(a);
        pathCodes.push_back(b);
        pathCodes.push_back(d);
        last = merge;
    }
    edge(last, add(model::NodeKind::End, "", "Reported"));
    model::layout(map);
    return map;
}

// Cases along the usual way in 60 variants (a variant is aligned once, however
// many cases share it): each skips one or two steps, some repeat one, some
// take a step the map does not have.
model::EventLog cases(const std::vector<std::string>& path, int count) {
    model::EventLog log;
    log.activities = path;
    log.activities.push_back("XTRA");
    log.attributeSets.emplace_back();
    log.resources.emplace_back();
    Random random;
    const auto steps = static_cast<std::uint32_t>(path.size());
    std::vector<std::vector<std::uint32_t>> variants;
    for (int v = 0; v < 60; ++v) {
        std::vector<std::uint32_t> trace;
        const auto skip = static_cast<std::uint32_t>(random.next() % steps);
        const auto repeat = static_cast<std::uint32_t>(random.next() % steps);
        const auto extra = static_cast<std::uint32_t>(random.next() % steps);
        for (std::uint32_t i = 0; i < steps; ++i) {
            if (i == skip && v % 2 == 0) continue;
            trace.push_back(i);
            if (i == repeat && v % 3 == 0) trace.push_back(i);
            if (i == extra && v % 5 == 0) trace.push_back(steps); // XTRA
        }
        variants.push_back(std::move(trace));
    }
    std::int64_t t = 1'700'000'000'000;
    for (int c = 0; c < count; ++c) {
        log.caseStart.push_back(static_cast<std::uint32_t>(log.events.size()));
        // Skewed: the first variants are the common ones.
        const std::size_t v = static_cast<std::size_t>(random.next() % 60) *
                              static_cast<std::size_t>(random.next() % 60) / 60;
        for (std::uint32_t a : variants[v]) {
            model::LoggedEvent e{};
            e.time = t += 60'000;
            e.activity = a;
            log.events.push_back(e);
        }
        model::Pseudonym p{};
        std::memcpy(p.data(), &c, sizeof c);
        log.casePseudonyms.push_back(p);
        log.patients.push_back({});
    }
    log.caseStart.push_back(static_cast<std::uint32_t>(log.events.size()));
    return log;
}

// The workspace and the diff, made once for every benchmark in the run.
struct Data {
    std::filesystem::path file;
    model::MapId id;
    model::DiffResult result;

    Data() {
        file = bench::scratchPath("editor.strawman");
        std::filesystem::remove(file);
        std::vector<std::string> path;
        const model::MapContent map = bigMap(500, path);
        auto ws = model::Workspace::create(file);
        for (const model::Node& n : map.nodes)
            if (!n.activity.empty() && !ws.hasActivity(n.activity))
                ws.addActivity(n.activity, "step " + n.activity);
        ws.addTrust("RXX", "Benchmark trust");
        id = ws.createMap(ws.addProcess("Long pathway"), std::nullopt, "500 nodes", map);
        const model::EventLog log = cases(path, 20'000);
        std::vector<std::uint32_t> all(log.caseCount());
        std::iota(all.begin(), all.end(), 0u);
        result = model::diff(ws.content(id), log, all);
    }
    ~Data() {
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(file.string() + suffix);
    }
};

const Data& data() {
    static const Data d;
    return d;
}

struct Editor {
    std::unique_ptr<editor::EditorSession> session;
    std::unique_ptr<editor::EditorFrame> frame;
    editor::Fonts fonts;

    Editor(bool overlay, std::optional<double> zoom) {
        session = std::make_unique<editor::EditorSession>(model::Workspace::open(data().file));
        session->select(data().id);

        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1600, 1000);
        io.DeltaTime = 1.0f / 60.0f;
        fonts = editor::loadFonts(io, 16.0f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        frame = std::make_unique<editor::EditorFrame>(*session, fonts, ImGui::GetStyle());
        if (zoom) frame->canvas().setZoomAfterFit(*zoom);
        if (overlay) {
            editor::DiffView view;
            view.choice.trust = "RXX";
            view.map = data().id;
            view.casesInLog = data().result.cases;
            view.result = data().result;
            frame->diff().show(*session, std::move(view));
            frame->showDiff();
        }
        // The mouse over the canvas, so hover and handle tests run as they do in use.
        io.MousePos = ImVec2(800, 400);
        for (int i = 0; i < 5; ++i) draw();
    }
    ~Editor() {
        frame.reset();
        ImGui::DestroyContext();
    }
    void draw() {
        ImGui::NewFrame();
        frame->draw();
        ImGui::Render();
        benchmark::DoNotOptimize(ImGui::GetDrawData()->TotalVtxCount);
    }
};

void frame(benchmark::State& state, bool overlay, std::optional<double> zoom) {
    Editor editor(overlay, zoom);
    for (auto _ : state) editor.draw();
    state.counters["vertices"] = ImGui::GetDrawData()->TotalVtxCount;
}

// The whole map fitted to the view (every node on screen, labels small), and at
// 100% (a part of it, labels readable), without and with the diff.
void BM_Frame500NodesFitted(benchmark::State& state) {
    frame(state, false, std::nullopt);
}
void BM_Frame500NodesFittedWithDiff(benchmark::State& state) {
    frame(state, true, std::nullopt);
}
void BM_Frame500NodesAt100(benchmark::State& state) {
    frame(state, false, 1.0);
}
void BM_Frame500NodesAt100WithDiff(benchmark::State& state) {
    frame(state, true, 1.0);
}
void BM_Frame500NodesAt40WithDiff(benchmark::State& state) {
    frame(state, true, 0.4);
}

BENCHMARK(BM_Frame500NodesFitted)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_Frame500NodesFittedWithDiff)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_Frame500NodesAt100)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_Frame500NodesAt100WithDiff)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_Frame500NodesAt40WithDiff)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

} // namespace

BENCHMARK_MAIN();
