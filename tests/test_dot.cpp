#include "map_fixtures.h"
#include "temp_path.h"

#include "exporters/dot_format.h"
#include "model/core/error.h"
#include "model/maps/graphviz_compat.h"

#include <doctest/doctest.h>

#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

using namespace strawman;
using namespace strawman::model;
using exporters::fromDot;
using exporters::toDot;

namespace {

using strawman::test::readFile;

const auto anyActivity = nullptr;

// Reads DOT that must fail, and gives the error.
InputError importError(std::string_view text, std::string_view file = "map.dot",
                       const std::function<bool(std::string_view)>& known = nullptr) {
    try {
        fromDot(text, file, known);
    } catch (const InputError& e) {
        return e;
    }
    FAIL("the DOT text was accepted: " << text);
    return InputError("", 0, "");
}

Node& place(MapContent& map, NodeId id, double x, double y, double w, double h) {
    Node* node = map.findNode(id);
    REQUIRE(node != nullptr);
    node->x = x;
    node->y = y;
    node->width = w;
    node->height = h;
    return *node;
}

} // namespace

TEST_CASE("a map written as DOT reads back to the same bytes") {
    test::MapBuilder b;
    std::string graphName = "CT outpatient pathway";

    SUBCASE("plain") {
        auto start = b.node(NodeKind::Start, "start");
        auto req = b.activity("req", "REQ");
        auto ok = b.node(NodeKind::Decision, "ok", "Justified?");
        auto split = b.node(NodeKind::Parallel, "split");
        auto note = b.node(NodeKind::Note, "note", "Agreed at the forum");
        auto end = b.node(NodeKind::End, "end");
        (void)note;
        b.edge(start, req)
            .edge(req, ok)
            .edge(ok, split, "yes")
            .edge(split, end)
            .edge(ok, end, "no");
    }
    SUBCASE("quoted keys") {
        auto a = b.activity("request received", "RCV");
        auto c = b.activity("node", "VET");     // a DOT keyword
        auto d = b.activity("2nd-look", "VER"); // not an identifier
        auto e = b.activity("", "CMP");         // empty
        auto f = b.activity("a\"b\\c", "REP");
        b.edge(a, c).edge(c, d).edge(d, e).edge(e, f);
        graphName = "Trust \"RN7\" \\ network";
    }
    SUBCASE("escapes in labels") {
        auto a = b.node(NodeKind::Activity, "a", "Say \"booked\"", "BKD");
        auto c = b.node(NodeKind::Activity, "c", "C:\\reports\\new", "REP");
        auto d = b.node(NodeKind::Activity, "d", "two\nlines\n", "CMP");
        auto e = b.node(NodeKind::Activity, "e", "ends in a backslash\\", "VER");
        auto f = b.node(NodeKind::Activity, "f", "\\N is not the key here", "ADD");
        auto g = b.node(NodeKind::Activity, "g", "literal \\n, not a line break", "CAN");
        b.edge(a, c, "quote \" and \\ and\nbreak").edge(c, d).edge(d, e).edge(e, f).edge(f, g);
    }
    SUBCASE("unicode") {
        auto a =
            b.node(NodeKind::Activity, "überweisung", "Überweisung geprüft – “dringend”", "VET");
        auto c = b.node(NodeKind::Activity, "检查", "检查已完成 ✓", "CMP");
        b.edge(a, c, "ja — sofort");
        graphName = "Röntgen 🩻";
    }
    SUBCASE("positions") {
        auto a = b.activity("a", "REQ");
        auto c = b.activity("c", "RCV");
        auto d = b.node(NodeKind::Start, "d");
        auto e = b.activity("e", "VET");
        b.edge(a, c).edge(d, a);
        MapContent map = b.map();
        place(map, a, 63, 27, 126, 54);
        place(map, c, 250.126, 27.5, 127, 54.75);
        place(map, d, 0, 0, 36, 36);
        place(map, e, -40.5, -12.25, 126, 54); // dragged above and left of the origin
        const std::string first = toDot(map, graphName);
        const auto imported = fromDot(first, "positions.dot", anyActivity);
        CHECK(toDot(imported.content, imported.graphName) == first);
        const Node* back = imported.content.findNodeByKey("c");
        REQUIRE(back != nullptr);
        CHECK(back->x == 250.13); // positions keep hundredths of a point
        CHECK(back->y == doctest::Approx(27.5));
        CHECK(back->width == 127);
        CHECK(back->height == 54.75); // sizes in hundredths of a point come back exactly
        CHECK(imported.content.findNodeByKey("e")->y == doctest::Approx(-12.25));
        return;
    }
    SUBCASE("lanes") {
        auto a = b.activity("a", "VET");
        auto c = b.activity("c", "BKD");
        b.edge(a, c);
        MapContent map = b.map();
        map.nodes[0].lane = "Consultant radiologist";
        map.nodes[1].lane = "Booking \"hub\"";
        const std::string first = toDot(map, graphName);
        const auto imported = fromDot(first, "lanes.dot", anyActivity);
        CHECK(toDot(imported.content, imported.graphName) == first);
        CHECK(imported.content.nodes[1].lane == "Booking \"hub\"");
        return;
    }
    SUBCASE("conditions") {
        auto ok = b.node(NodeKind::Decision, "ok", "Priority?");
        auto urgent = b.activity("urgent", "BKD");
        auto routine = b.activity("routine", "BKD");
        auto other = b.activity("other", "BKD");
        b.edge(ok, urgent, "2WW").edge(ok, routine, "routine").edge(ok, other);
        b.edge(ok, routine, "second edge, same nodes");
    }
    SUBCASE("repeated keys are made unique") {
        auto a = b.activity("step", "REQ");
        auto c = b.activity("step", "RCV");
        auto d = b.activity("step_2", "VET");
        b.edge(a, c).edge(c, d);
        const MapContent map = b.map();
        const std::string first = toDot(map, graphName);
        CHECK(first.find("step_2_2 [kind=activity") != std::string::npos);
        CHECK(first.find("step_3 [kind=activity") != std::string::npos);
        const auto imported = fromDot(first, "keys.dot", anyActivity);
        CHECK(imported.content.nodes.size() == 3);
        CHECK(toDot(imported.content, imported.graphName) == first);
        return;
    }

    const MapContent map = b.map();
    const std::string first = toDot(map, graphName);
    const auto imported = fromDot(first, "map.dot", anyActivity);
    CHECK(imported.graphName == graphName);
    CHECK(toDot(imported.content, imported.graphName) == first);

    // And the content itself came back, not just the same text.
    REQUIRE(imported.content.nodes.size() == map.nodes.size());
    for (std::size_t i = 0; i < map.nodes.size(); ++i) {
        const Node& want = map.nodes[i];
        const Node& got = imported.content.nodes[i];
        INFO("node " << want.key);
        CHECK(got.key == want.key);
        CHECK(got.kind == want.kind);
        CHECK(got.label == want.label);
        CHECK(got.activity == want.activity);
    }
    REQUIRE(imported.content.edges.size() == map.edges.size());
    for (std::size_t i = 0; i < map.edges.size(); ++i) {
        const Edge& want = map.edges[i];
        const Edge& got = imported.content.edges[i];
        CHECK(imported.content.findNode(got.from)->key == map.findNode(want.from)->key);
        CHECK(imported.content.findNode(got.to)->key == map.findNode(want.to)->key);
        CHECK(got.label == want.label);
    }
}

TEST_CASE("DOT is written in a fixed form that Graphviz draws as a flowchart") {
    test::MapBuilder b;
    auto start = b.node(NodeKind::Start, "start", "Referral");
    auto vet = b.node(NodeKind::Activity, "vet", "Vetted", "VET");
    auto ok = b.node(NodeKind::Decision, "ok", "Justified?");
    auto end = b.node(NodeKind::End, "the end");
    b.edge(start, vet).edge(vet, ok).edge(ok, end, "yes");
    MapContent map = b.map();
    place(map, start, 18, 18, 36, 36);
    place(map, vet, 120.5, 18.25, 126, 54).lane = "Radiologist";

    CHECK(toDot(map, "CT") ==
          "digraph \"CT\" {\n"
          "  start [kind=start, label=\"Referral\", shape=circle, pos=\"18,-18\", width=0.5, "
          "height=0.5];\n"
          "  vet [kind=activity, activity=\"VET\", label=\"Vetted\", lane=\"Radiologist\", "
          "shape=box, style=rounded, pos=\"120.5,-18.25\", width=1.75, height=0.75];\n"
          "  ok [kind=decision, label=\"Justified?\", shape=diamond];\n"
          "  \"the end\" [kind=end, shape=doublecircle];\n"
          "  start -> vet;\n"
          "  vet -> ok;\n"
          "  ok -> \"the end\" [label=\"yes\"];\n"
          "}\n");
}

TEST_CASE("a hand-written DOT file imports, with activity as the default kind") {
    const std::string text = readFile(STRAWMAN_TEST_DATA "/dot/hand_written.dot");
    const auto imported = fromDot(text, "hand_written.dot", anyActivity);
    const MapContent& map = imported.content;
    CHECK(imported.graphName == "GP direct-access X-ray");

    // Numbered 1..n in the order the file first mentions them, cluster included.
    const std::vector<std::string> keys{"start", "request", "received", "arrived",
                                        "done",  "walkin",  "booked",   "end"};
    REQUIRE(map.nodes.size() == keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
        CHECK(map.nodes[i].key == keys[i]);
        CHECK(map.nodes[i].id == NodeId(static_cast<std::int64_t>(i + 1)));
    }
    const Node& request = *map.findNodeByKey("request");
    CHECK(request.kind == NodeKind::Activity);
    CHECK(request.activity == "REQ");
    CHECK(request.label == "Request made\nby the GP");
    CHECK(map.findNodeByKey("received")->lane == "Booking clerk");
    CHECK(map.findNodeByKey("arrived")->lane == "Radiographer"); // from the cluster's defaults
    CHECK(map.findNodeByKey("done")->label.empty());             // no label: none, not the key
    CHECK(map.findNodeByKey("walkin")->kind == NodeKind::Decision);
    CHECK(map.findNodeByKey("start")->kind == NodeKind::Start);
    CHECK(map.findNodeByKey("end")->kind == NodeKind::End);
    CHECK(map.findNodeByKey("end")->width == 0); // no position in the file: not placed

    REQUIRE(map.edges.size() == 8);
    CHECK(map.edges[0].id == EdgeId(1));
    CHECK(map.findNode(map.edges[3].from)->key == "walkin");
    CHECK(map.findNode(map.edges[3].to)->key == "arrived");
    CHECK(map.edges[3].label == "yes");
    CHECK(map.edges[4].label == "no");
}

TEST_CASE("a syntax error is reported with the file name and the right line") {
    const std::string text = "digraph g {\n"
                             "  a -> b;\n"
                             "  b -> c [label=\"ok\"\n"
                             "  c -> ;\n"
                             "}\n";
    const InputError error = importError(text, "broken.dot");
    CHECK(error.file() == "broken.dot");
    CHECK(error.line() == 4);
    CHECK(error.reason().find("syntax error") != std::string::npos);
    CHECK(error.reason().find("line") == std::string::npos); // the line is in line(), once
    CHECK(std::string(error.what()).rfind("broken.dot:4: ", 0) == 0);

    SUBCASE("the next file counts its lines from 1 again") {
        const InputError again = importError("digraph g {\n  a -> ;\n}\n", "second.dot");
        CHECK(again.line() == 2);
        CHECK(again.file() == "second.dot");
    }
    SUBCASE("a good file reads after a bad one") {
        CHECK(fromDot("digraph g { a -> b }", "good.dot", anyActivity).content.nodes.size() == 2);
    }
    SUBCASE("an unclosed string") {
        const InputError open = importError("digraph g {\n  a [label=\"never closed];\n}\n");
        CHECK(open.line() > 0);
    }
}

TEST_CASE("an unknown kind is refused, naming the node and the allowed kinds") {
    const InputError error = importError("digraph g {\n"
                                         "  a [kind=start];\n"
                                         "  // n3 is mentioned here first\n"
                                         "  n3 [kind=gateway];\n"
                                         "  a -> n3;\n"
                                         "}\n");
    CHECK(error.reason().find("\"n3\"") != std::string::npos);
    CHECK(error.reason().find("\"gateway\"") != std::string::npos);
    CHECK(error.reason().find("start, end, activity, decision, parallel, note") !=
          std::string::npos);
    CHECK(error.line() == 4);
}

TEST_CASE("an unknown activity code is refused unless any code is accepted") {
    const std::string text = "digraph g {\n"
                             "  n1 [activity=REQ];\n"
                             "  n2 [activity=VET];\n"
                             "  n3 [activity=XYZ];\n"
                             "  n1 -> n2 -> n3;\n"
                             "}\n";
    auto known = [](std::string_view code) { return code == "REQ" || code == "VET"; };
    const InputError error = importError(text, "map.dot", known);
    CHECK(error.reason() == "unknown activity code \"XYZ\" on node \"n3\"");
    CHECK(error.remedy() == model::Remedy::AddActivities);
    CHECK(error.line() == 4);

    const auto accepted = fromDot(text, "map.dot", nullptr);
    CHECK(accepted.content.nodes[2].activity == "XYZ");

    SUBCASE("a step without a code is not an import error") {
        CHECK_NOTHROW(fromDot("digraph g { a; b [activity=REQ] }", "map.dot", known));
    }
}

TEST_CASE("an undirected graph is refused: a map is a directed flowchart") {
    const InputError error = importError("\n// a comment\ngraph g {\n  a -- b;\n}\n");
    CHECK(error.reason().find("undirected") != std::string::npos);
    CHECK(error.line() == 3);
    CHECK(importError("strict graph { a -- b }").reason().find("undirected") != std::string::npos);
}

TEST_CASE("empty text is refused: no graph found") {
    for (const char* text : {"", "   \n\n", "// only a comment\n/* and another */\n"}) {
        const InputError error = importError(text, "empty.dot");
        CHECK(error.reason().find("no graph found") != std::string::npos);
        CHECK(error.file() == "empty.dot");
    }
}

TEST_CASE("a file with more than one graph is refused") {
    const InputError error = importError("digraph a {\n  x -> y\n}\ndigraph b {\n  z\n}\n");
    CHECK(error.line() == 4);
    CHECK(error.reason().find("second graph") != std::string::npos);

    const InputError trailing = importError("digraph a { x -> y }\n\n junk");
    CHECK(trailing.line() == 3);

    SUBCASE("and the next read is not confused by what was left over") {
        const auto next = fromDot("digraph c { p -> q }", "next.dot", anyActivity);
        CHECK(next.graphName == "c");
        CHECK(next.content.nodes.size() == 2);
    }
}

TEST_CASE("edges keep the order of the file, not the order of their tail nodes") {
    const auto imported = fromDot("digraph g {\n"
                                  "  a; b; c;\n"
                                  "  b -> c [label=\"1\"];\n"
                                  "  a -> b [label=\"2\"];\n"
                                  "  c -> a [label=\"3\"];\n"
                                  "  b -> a [label=\"4\"];\n"
                                  "  a -> c [label=\"5\"];\n"
                                  "}\n",
                                  "order.dot", anyActivity);
    const auto& edges = imported.content.edges;
    REQUIRE(edges.size() == 5);
    for (std::size_t i = 0; i < edges.size(); ++i) {
        CHECK(edges[i].label == std::to_string(i + 1));
        CHECK(edges[i].id == EdgeId(static_cast<std::int64_t>(i + 1)));
    }
}

TEST_CASE("positions in Graphviz's own form are read") {
    const auto imported = fromDot("digraph g {\n"
                                  "  a [pos=\"10,-20!\", width=2, height=1];\n"
                                  "  b [pos=\"30.5,-40.25\"];\n"
                                  "}\n",
                                  "pos.dot", anyActivity);
    const Node& a = imported.content.nodes[0];
    CHECK(a.x == 10);
    CHECK(a.y == 20);
    CHECK(a.width == 144);
    CHECK(a.height == 72);
    const Node& b = imported.content.nodes[1];
    CHECK(b.y == doctest::Approx(40.25));
    double w = 0, h = 0;
    defaultSize(NodeKind::Activity, w, h);
    CHECK(b.width == w); // placed without a size: the default size
}

TEST_CASE("a malformed position or size is refused, naming the node") {
    const InputError pos = importError("digraph g {\n  a;\n  b [pos=\"ten,20\"];\n}\n");
    CHECK(pos.reason().find("\"b\"") != std::string::npos);
    CHECK(pos.reason().find("pos") != std::string::npos);
    CHECK(pos.line() == 3);
    const InputError size = importError("digraph g { c [width=-1] }");
    CHECK(size.reason().find("width") != std::string::npos);
}

TEST_CASE("a file saved with a byte order mark imports") {
    const auto imported = fromDot("\xEF\xBB\xBF"
                                  "digraph g {\n  a -> b;\n}\n",
                                  "notepad.dot", anyActivity);
    CHECK(imported.content.nodes.size() == 2);
    const InputError error = importError("\xEF\xBB\xBF"
                                         "digraph g {\n  a -> ;\n}\n");
    CHECK(error.line() == 2);
}

TEST_CASE("a laid-out graph renders through the Graphviz helper") {
    // No text in the drawing: measuring text starts fontconfig, whose caches live
    // until exit and which LeakSanitizer reports unless tests/lsan.supp is used.
    graphviz::GraphPtr graph(
        agmemread("digraph render { node [label=\"\"]; a -> b -> c; a -> c }"));
    REQUIRE(graph);
    GVC_t* gvc = graphviz::context();
    REQUIRE(gvLayout(gvc, graph.get(), "dot") == 0);
    const std::string svg = graphviz::renderToString(gvc, graph.get(), "svg");
    CHECK(svg.find("<svg") != std::string::npos);
    CHECK(svg.find("</svg>") != std::string::npos);
    try {
        graphviz::renderToString(gvc, graph.get(), "no-such-format");
        FAIL("an unknown format was rendered");
    } catch (const Error& e) {
        CHECK(std::string(e.what()).find("no-such-format") != std::string::npos);
    }
    gvFreeLayout(gvc, graph.get());
}
