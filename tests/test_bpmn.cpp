// BPMN 2.0 out and in: a map's round trip, files from other tools, refusals and
// bad input, and the diff of an imported model. That the files open in the BPMN
// tools themselves is checked by tests/interop (bpmn-moddle, bpmnlint, bpmn-js).
#include "log_builder.h"
#include "map_fixtures.h"
#include "temp_path.h"

#include "exporters/bpmn_reader.h"
#include "exporters/bpmn_writer.h"
#include "exporters/dot_format.h"
#include "exporters/map_import.h"
#include "model/conformance/diff.h"
#include "model/core/error.h"
#include "model/maps/layout.h"
#include "model/store/workspace.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <numeric>
#include <string>
#include <tuple>
#include <vector>

using namespace strawman;
using model::NodeKind;

namespace {

const std::string kData = std::string(STRAWMAN_TEST_DATA) + "/bpmn/";

std::string dataFile(const std::string& name) {
    return test::readFile(kData + name);
}

model::MapContent fromDotFile(const std::string& path) {
    return exporters::fromDot(test::readFile(path), path, nullptr).content;
}

// A map with everything BPMN must carry: lanes, a decision with named ways, a
// loop back, a step with two ways out and two in, a bar that joins and forks, a
// note on a step, a start and an end nobody named.
model::MapContent everythingMap() {
    test::MapBuilder b;
    const auto s = b.node(NodeKind::Start, "s");
    const auto a = b.node(NodeKind::Activity, "a", "Vetted", "VET");
    const auto d = b.node(NodeKind::Decision, "d", "Justified?");
    const auto p = b.node(NodeKind::Activity, "p", "Protocolled", "PRO");
    const auto split = b.node(NodeKind::Parallel, "split");
    const auto c = b.node(NodeKind::Activity, "c", "Consent", "CON");
    const auto k = b.node(NodeKind::Activity, "k", "Cannula", "CAN");
    const auto both = b.node(NodeKind::Parallel, "both", "Both done");
    const auto x = b.node(NodeKind::Activity, "x", "", "SCN");
    const auto y = b.node(NodeKind::Activity, "y key with spaces", "Images", "IMG");
    const auto join = b.node(NodeKind::Parallel, "join");
    const auto r = b.node(NodeKind::Activity, "r", "Reported", "REP");
    const auto e = b.node(NodeKind::End, "e");
    const auto note = b.node(NodeKind::Note, "n", "Within\n2 days");
    b.edge(s, a).edge(a, d).edge(d, p, "yes").edge(d, a, "ask again");
    b.edge(p, split).edge(split, c).edge(split, k).edge(c, both).edge(k, both);
    b.edge(both, x).edge(both, y).edge(x, join).edge(y, join).edge(join, r).edge(x, x, "repeat");
    b.edge(r, e).edge(note, a, "applies here");
    model::MapContent map = b.map();
    for (model::Node& n : map.nodes) {
        if (n.key == "a" || n.key == "d") n.lane = "Radiologist";
        if (n.key == "c" || n.key == "k") n.lane = "Nurse";
        if (n.key == "x" || n.key == "y key with spaces") n.lane = "Radiographer";
        if (n.key == "r") n.lane = "Radiologist";
    }
    return map;
}

using EdgeKey = std::tuple<std::string, std::string, std::string>;

std::vector<EdgeKey> edgesOf(const model::MapContent& map) {
    std::vector<EdgeKey> out;
    for (const model::Edge& e : map.edges)
        out.emplace_back(map.findNode(e.from)->key, map.findNode(e.to)->key, e.label);
    std::sort(out.begin(), out.end());
    return out;
}

// Same nodes (by key: kind, label, code, lane, position, size) and arrows.
void checkSameMap(const model::MapContent& before, const model::MapContent& after) {
    REQUIRE(after.nodes.size() == before.nodes.size());
    for (const model::Node& n : before.nodes) {
        CAPTURE(n.key);
        const model::Node* m = after.findNodeByKey(n.key);
        REQUIRE(m);
        CHECK(m->kind == n.kind);
        CHECK(m->label == n.label);
        CHECK(m->activity == n.activity);
        CHECK(m->lane == n.lane);
        CHECK(m->x == doctest::Approx(n.x).epsilon(1e-9));
        CHECK(m->y == doctest::Approx(n.y).epsilon(1e-9));
        CHECK(m->width == doctest::Approx(n.width).epsilon(1e-9));
        CHECK(m->height == doctest::Approx(n.height).epsilon(1e-9));
    }
    CHECK(edgesOf(after) == edgesOf(before));
}

model::MapContent roundTrip(const model::MapContent& map) {
    const exporters::BpmnImport back =
        exporters::fromBpmn(exporters::toBpmn(map, "A map"), "map.bpmn", nullptr);
    CHECK(back.placed);
    CHECK(back.processName == "A map");
    CHECK(back.flattened.empty());
    return back.content;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

std::vector<std::uint32_t> all(const model::EventLog& log) {
    std::vector<std::uint32_t> cases(log.caseCount());
    std::iota(cases.begin(), cases.end(), 0u);
    return cases;
}

} // namespace

TEST_CASE(
    "every demo map comes back from BPMN with the same nodes, arrows, codes, lanes and positions") {
    int maps = 0;
    for (const auto& file :
         std::filesystem::directory_iterator(std::string(STRAWMAN_ASSETS_DIR) + "/demo")) {
        CAPTURE(file.path().string());
        model::MapContent map = fromDotFile(file.path().string());
        model::layout(map);
        checkSameMap(map, roundTrip(map));
        ++maps;
    }
    CHECK(maps >= 8);
}

TEST_CASE("maps with decisions, bars, loops, lanes and notes come back from BPMN the same, either "
          "way laid out") {
    std::vector<model::MapContent> maps = {everythingMap(), test::ctPathway(),
                                           test::parallelBlock()};
    for (const auto& file : std::filesystem::directory_iterator(kData + "maps"))
        maps.push_back(fromDotFile(file.path().string()));
    for (model::MapContent& map : maps)
        for (auto direction :
             {model::LayoutDirection::LeftRight, model::LayoutDirection::TopBottom}) {
            model::layout(map, direction);
            checkSameMap(map, roundTrip(map));
        }
}

TEST_CASE("BPMN carries codes, lanes and notes where BPMN tools show them, with gateways where "
          "BPMN needs them") {
    model::MapContent map = everythingMap();
    model::layout(map);
    const std::string xml = exporters::toBpmn(map, "Everything");
    CHECK(xml == exporters::toBpmn(map, "Everything")); // the same map, the same bytes
    CHECK(count(xml, "<bpmn:task ") == 7);
    CHECK(xml.find("name=\"Vetted\" strawman:activity=\"VET\"") != std::string::npos);
    CHECK(xml.find("<bpmn:exclusiveGateway id=\"d\" name=\"Justified?\"") != std::string::npos);
    // "a" has two ways in (from the start, and back from the decision): a merge;
    // "x" two ways out (to itself and on) and two in: a choice and a merge;
    // "both" joins and forks: a join before it.
    CHECK(count(xml, "strawman:added=\"merge\"") == 2);
    CHECK(count(xml, "strawman:added=\"choice\"") == 1);
    CHECK(count(xml, "strawman:added=\"join\"") == 1);
    CHECK(count(xml, "<bpmn:parallelGateway ") == 4);
    CHECK(count(xml, "<bpmn:lane ") == 3);
    CHECK(xml.find("<bpmn:text>Within\n2 days</bpmn:text>") != std::string::npos);
    CHECK(count(xml, "<bpmn:association ") == 1);
    // A decision's named ways carry their name as a condition.
    CHECK(xml.find("name=\"yes\"") != std::string::npos);
    CHECK(count(xml, "<bpmn:conditionExpression") >= 2);
    // Every shape has bounds, every flow waypoints.
    CHECK(count(xml, "<bpmndi:BPMNShape ") == count(xml, "<dc:Bounds "));
    CHECK(count(xml, "<bpmndi:BPMNEdge ") ==
          count(xml, "<bpmn:sequenceFlow ") + count(xml, "<bpmn:association "));
    CHECK(count(xml, "<bpmndi:BPMNShape ") ==
          map.nodes.size() + 4 /* added gateways */ + 3 /* lanes */ + 1 /* pool */);
}

TEST_CASE("a bpmn.io file with a pool, lanes, conditions and a note imports with its positions") {
    const exporters::BpmnImport in =
        exporters::fromBpmn(dataFile("bpmnio-lanes.bpmn"), "bpmnio-lanes.bpmn", nullptr);
    CHECK(in.placed);
    CHECK(in.processName == "MRI referral"); // the pool's name: the process has none
    CHECK(in.content.nodes.size() == 7);
    const model::Node* vet = in.content.findNodeByKey("Activity_vet");
    REQUIRE(vet);
    CHECK(vet->kind == NodeKind::Activity);
    CHECK(vet->label == "Vet referral");
    CHECK(vet->lane == "Radiologist");
    CHECK(vet->x == 330);
    CHECK(vet->y == 160);
    CHECK(vet->width == 100);
    CHECK(in.content.findNodeByKey("Activity_book")->lane == "Booking clerk");
    CHECK(in.content.findNodeByKey("Gateway_ok")->kind == NodeKind::Decision);
    CHECK(in.content.findNodeByKey("TextAnnotation_1")->label == "Urgent referrals first");
    const std::vector<EdgeKey> edges = edgesOf(in.content);
    CHECK(std::count(edges.begin(), edges.end(), EdgeKey{"Gateway_ok", "Activity_book", "yes"}) ==
          1);
    CHECK(std::count(edges.begin(), edges.end(), EdgeKey{"Gateway_ok", "Event_rejected", "no"}) ==
          1);
    CHECK(std::count(edges.begin(), edges.end(), EdgeKey{"Activity_vet", "TextAnnotation_1", ""}) ==
          1);
    CHECK(edges.size() == 6);
}

TEST_CASE("a Signavio file (BPMN as the default namespace, other prefixes) imports with its bars") {
    const exporters::BpmnImport in =
        exporters::fromBpmn(dataFile("signavio-parallel.bpmn"), "signavio.bpmn", nullptr);
    CHECK(in.placed);
    CHECK(in.processName == "CT scan");
    CHECK(in.content.nodes.size() == 7);
    CHECK(in.content.edges.size() == 7);
    CHECK(in.content.findNodeByKey("sid-split")->kind == NodeKind::Parallel);
    CHECK(in.content.findNodeByKey("sid-cannula")->kind == NodeKind::Activity);
    CHECK(in.content.findNodeByKey("sid-scan")->label == "Scan");
    CHECK(in.content.findNodeByKey("sid-end")->x == 639);
}

TEST_CASE("a file without diagram interchange has no positions, and its sub-process and timer are "
          "flattened with a word") {
    const exporters::BpmnImport in =
        exporters::fromBpmn(dataFile("camunda-no-di.bpmn"), "camunda-no-di.bpmn", nullptr);
    CHECK_FALSE(in.placed);
    for (const model::Node& n : in.content.nodes) CHECK(n.width == 0);
    CHECK(edgesOf(in.content) == std::vector<EdgeKey>{{"draft", "verify", ""},
                                                      {"start", "wait", ""},
                                                      {"verify", "end", ""},
                                                      {"wait", "draft", ""}});
    CHECK(in.content.findNodeByKey("wait")->kind == NodeKind::Activity);
    REQUIRE(in.flattened.size() == 2);
    CHECK(in.flattened[0].find("intermediateCatchEvent \"wait\"") != std::string::npos);
    CHECK(in.flattened[0].find("timerEventDefinition") != std::string::npos);
    CHECK(in.flattened[1].find("subProcess \"report\"") != std::string::npos);

    // Stored, it is laid out as a DOT file without positions is.
    auto ws = model::Workspace::createInMemory();
    exporters::MapImportOptions options;
    options.process = "Reporting";
    const model::MapId id =
        exporters::importBpmnMap(ws, dataFile("camunda-no-di.bpmn"), "camunda-no-di.bpmn", options);
    const model::MapContent stored = ws.content(id);
    CHECK(stored.nodes.size() == 5);
    for (const model::Node& n : stored.nodes) CHECK(n.width > 0);
    CHECK(ws.map(id).name == "Reporting");
}

TEST_CASE("elements a map cannot hold are refused by id and type, none dropped") {
    try {
        exporters::fromBpmn(dataFile("unsupported.bpmn"), "unsupported.bpmn", nullptr);
        FAIL("no error");
    } catch (const model::InputError& e) {
        CHECK(e.file() == "unsupported.bpmn");
        CHECK(e.line() == 8);
        CHECK(e.reason().find("boundaryEvent \"Event_timeout\"") != std::string::npos);
        CHECK(e.reason().find("dataObjectReference \"DataObjectReference_images\" (line 11)") !=
              std::string::npos);
        CHECK(e.reason().find("dataObject \"DataObject_images\"") != std::string::npos);
    }
    const std::string inclusive =
        "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process id=\"p\">\n"
        "<startEvent id=\"s\"/>\n<inclusiveGateway id=\"g\"/>\n</process></definitions>";
    CHECK_THROWS_WITH_AS(exporters::fromBpmn(inclusive, "x.bpmn", nullptr),
                         doctest::Contains("x.bpmn:3: cannot import inclusiveGateway \"g\""),
                         model::InputError);
}

TEST_CASE("bad BPMN is reported with file, line and reason, and nothing is stored") {
    auto ws = model::Workspace::createInMemory();
    exporters::MapImportOptions options;
    options.process = "Bad";
    const std::size_t mapsBefore = ws.maps().size();
    const std::vector<std::tuple<std::string, int, std::string>> cases = {
        {"missing-target.bpmn", 7,
         "sequence flow \"f2\" goes to \"Event_gone\", which is not in the process"},
        {"gateway-no-way-out.bpmn", 6, "exclusiveGateway \"ok\" has no way out"},
        {"malformed.bpmn", 6, "not well-formed XML: mismatched tag"},
    };
    for (const auto& [file, line, reason] : cases) {
        CAPTURE(file);
        try {
            exporters::importBpmnMap(ws, dataFile(file), file, options);
            FAIL("no error");
        } catch (const model::InputError& e) {
            CHECK(e.file() == file);
            CHECK(e.line() == line);
            CHECK(e.reason().find(reason) != std::string::npos);
        }
    }
    CHECK_THROWS_WITH_AS(exporters::importBpmnMap(ws, "<graph/>", "g.bpmn", options),
                         doctest::Contains("g.bpmn:1: not a BPMN 2.0 file"), model::InputError);
    CHECK(ws.maps().size() == mapsBefore);
    CHECK_FALSE(ws.findProcess("Bad"));
}

TEST_CASE("an activity code the workspace does not know is refused unless it is to be added") {
    auto ws = model::Workspace::createInMemory();
    model::MapContent map = test::ctPathway();
    for (model::Node& n : map.nodes)
        if (n.activity == "RCV") n.activity = "ZZ9";
    model::layout(map);
    const std::string xml = exporters::toBpmn(map, "CT");
    exporters::MapImportOptions options;
    options.process = "CT";
    try {
        exporters::importBpmnMap(ws, xml, "ct.bpmn", options);
        FAIL("no error");
    } catch (const model::InputError& e) {
        CHECK(e.reason().find("unknown activity code \"ZZ9\"") != std::string::npos);
        CHECK(e.remedy() == model::Remedy::AddActivities);
    }
    CHECK(ws.maps().empty());
    options.addActivities = true;
    const model::MapId id = exporters::importBpmnMap(ws, xml, "ct.bpmn", options);
    checkSameMap(map, ws.content(id));
    CHECK(ws.hasActivity("ZZ9"));
}

TEST_CASE("the BPMN model of a map fits a log exactly as the map does") {
    model::MapContent map = everythingMap();
    model::layout(map);
    const model::MapContent back = roundTrip(map);
    test::LogBuilder b;
    for (int i = 0; i < 3; ++i)
        b.addCase({{"VET", 0}, {"PRO", 10}, {"CON", 20}, {"CAN", 25}, {"SCN", 40}, {"REP", 60}});
    b.addCase(
        {{"VET", 0}, {"VET", 5}, {"PRO", 10}, {"CAN", 20}, {"CON", 25}, {"IMG", 40}, {"REP", 60}});
    b.addCase({{"VET", 0}, {"CON", 20}, {"SCN", 40}, {"SCN", 45}, {"XXX", 50}, {"REP", 60}});
    b.addCase({{"PRO", 0}, {"REP", 60}});
    const model::DiffResult want = model::diff(map, b.log, all(b.log));
    const model::DiffResult got = model::diff(back, b.log, all(b.log));
    CHECK(want.logFitness < 1); // the log departs from the map: the comparison means something
    CHECK(got.logFitness == want.logFitness);
    CHECK(got.averageTraceFitness == want.averageTraceFitness);
    CHECK(got.percentageFitting == want.percentageFitting);
    CHECK(got.variants == want.variants);
    CHECK(got.deviations.size() == want.deviations.size());
    CHECK(got.unmodelled.size() == want.unmodelled.size());
    CHECK(got.unusedEdges.size() == want.unusedEdges.size());
    // Traffic on each arrow, found by the keys of its ends.
    auto traffic = [](const model::MapContent& m, const model::DiffResult& r) {
        std::map<EdgeKey, std::int64_t> out;
        for (const model::ArrowTraffic& a : r.arrows)
            for (const model::Edge& e : m.edges)
                if (e.id == a.edge)
                    out[{m.findNode(e.from)->key, m.findNode(e.to)->key, e.label}] = a.occurrences;
        return out;
    };
    CHECK(traffic(back, got) == traffic(map, want));
}

TEST_CASE("a model discovered by PM4Py (diagram first, unnamed gateways) imports whole") {
    const exporters::BpmnImport in =
        exporters::fromBpmn(dataFile("pm4py-discovered.bpmn"), "pm4py.bpmn", nullptr);
    CHECK(in.placed);
    CHECK(in.processName.empty()); // PM4Py names no process: the file name will
    CHECK(in.content.nodes.size() == 10);
    CHECK(in.content.edges.size() == 11);
    CHECK(in.content.findNodeByKey("idxor1")->kind == NodeKind::Decision);
    CHECK(in.content.findNodeByKey("idxor1")->label.empty());
    CHECK(in.content.findNodeByKey("idand2")->kind == NodeKind::Parallel);
    CHECK(in.content.findNodeByKey("idreq")->label == "REQ");
    CHECK(in.content.findNodeByKey("idreq")->x == 120);
    CHECK(in.content.findNodeByKey("idreq")->activity.empty());

    // Its tasks are named by the log's activity codes: those the workspace knows are codes.
    const exporters::BpmnImport known =
        exporters::fromBpmn(dataFile("pm4py-discovered.bpmn"), "pm4py.bpmn",
                            [](std::string_view code) { return code == "REQ" || code == "CON"; });
    CHECK(known.content.findNodeByKey("idreq")->activity == "REQ");
    CHECK(known.content.findNodeByKey("idcon")->activity == "CON");
    CHECK(known.content.findNodeByKey("idxray")->activity.empty());
}
