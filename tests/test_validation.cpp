#include "map_fixtures.h"

#include "model/maps/validation.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace strawman;
using namespace strawman::model;

namespace {
bool has(const std::vector<Problem>& problems, std::string_view code) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const Problem& p) { return p.code == code; });
}
auto anyCode = [](std::string_view) { return true; };
} // namespace

TEST_CASE("a well-formed pathway has no problems") {
    const auto problems = validate(test::ctPathway(), anyCode);
    for (const auto& p : problems) INFO(p.message);
    CHECK(problems.empty());
}

TEST_CASE("a map needs exactly one start and at least one end") {
    test::MapBuilder b;
    auto a = b.activity("a", "REQ");
    SUBCASE("none") {
        const auto p = validate(b.map(), anyCode);
        CHECK(has(p, "no-start"));
        CHECK(has(p, "no-end"));
    }
    SUBCASE("two starts") {
        auto s1 = b.node(NodeKind::Start, "s1");
        auto s2 = b.node(NodeKind::Start, "s2");
        auto e = b.node(NodeKind::End, "e");
        b.edge(s1, a).edge(s2, a).edge(a, e);
        const auto p = validate(b.map(), anyCode);
        CHECK(has(p, "several-starts"));
        CHECK_FALSE(has(p, "no-end"));
    }
}

TEST_CASE("steps off the path are reported") {
    test::MapBuilder b;
    auto s = b.node(NodeKind::Start, "s");
    auto a = b.activity("a", "REQ");
    auto orphan = b.activity("orphan", "VET");
    auto stuck = b.activity("stuck", "BKD");
    auto e = b.node(NodeKind::End, "e");
    b.node(NodeKind::Note, "note", "Vetting is done by the duty radiologist");
    b.edge(s, a).edge(a, e).edge(orphan, e).edge(a, stuck);
    const auto p = validate(b.map(), anyCode);
    auto find = [&](std::string_view code) {
        return std::find_if(p.begin(), p.end(), [&](const Problem& x) { return x.code == code; });
    };
    REQUIRE(find("unreachable") != p.end());
    CHECK(find("unreachable")->node == orphan);
    CHECK(find("unreachable")->message.find("cannot be reached from the start") !=
          std::string::npos);
    REQUIRE(find("dead-end") != p.end());
    CHECK(find("dead-end")->node == stuck);
    CHECK(p.size() == 2); // the note is neither unreachable nor a dead end
}

TEST_CASE("activities need a known activity code") {
    test::MapBuilder b;
    auto s = b.node(NodeKind::Start, "s");
    auto a = b.node(NodeKind::Activity, "a", "Vet request");
    auto x = b.activity("x", "XYZ");
    auto e = b.node(NodeKind::End, "e");
    b.edge(s, a).edge(a, x).edge(x, e);
    const auto p = validate(b.map(), [](std::string_view code) { return code != "XYZ"; });
    CHECK(has(p, "no-activity-code"));
    CHECK(has(p, "unknown-activity-code"));
    CHECK(p.size() == 2);
    CHECK_FALSE(has(validate(b.map(), nullptr), "unknown-activity-code"));
}

TEST_CASE("a gateway with one way in and one way out is reported") {
    for (NodeKind kind : {NodeKind::Decision, NodeKind::Parallel}) {
        test::MapBuilder b;
        auto s = b.node(NodeKind::Start, "s");
        auto g = b.node(kind, "g");
        auto e = b.node(NodeKind::End, "e");
        b.edge(s, g).edge(g, e);
        const auto p = validate(b.map(), anyCode);
        CHECK(has(p, "gateway-one-way"));
        CHECK(p.size() == 1);
    }
}

TEST_CASE("an arrow from a step to itself is reported") {
    test::MapBuilder b;
    auto s = b.node(NodeKind::Start, "s");
    auto a = b.activity("a", "DNA");
    auto e = b.node(NodeKind::End, "e");
    b.edge(s, a).edge(a, a).edge(a, e);
    const auto p = validate(b.map(), anyCode);
    REQUIRE(p.size() == 1);
    CHECK(p[0].code == "self-loop");
    CHECK(p[0].edge == EdgeId{2});
}
