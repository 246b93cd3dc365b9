// The agreed standards in the editor, rendered headless: the Standards tab
// with each rule standard's standing at every trust, as `strawman standard
// check` finds it, in colour and in words; and the badge of a map whose
// published version the network agreed, on the canvas and in the network tree.
#include "gui_runner.h"
#include "process_runner.h"

#include "model/analysis/duration_text.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace strawman;
using namespace strawman::test;

namespace {

// Colours of the standards (editor/panels/theme.h).
constexpr Rgb kNotCompliant{178, 34, 34}; // the pill and the months that did not keep the limit
constexpr Rgb kKeptMonth{120, 178, 138};
constexpr Rgb kAgreedBorder{46, 125, 80}; // a map standard's badge

// A small demo network with event data, made once per test process.
struct SmallDemo {
    TempDir dir;
    std::string ws = dir.file("standards.strawman");
    SmallDemo() {
        const RunResult r =
            run(STRAWMAN_EXE, {"demo", ws, "--cases", "300", "--key-file", dir.file("demo.key")});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    }
};

const SmallDemo& smallDemo() {
    static const SmallDemo d;
    return d;
}

EditorShot render(const std::string& ws, const std::vector<std::string>& extra,
                  const std::string& name) {
    return renderEditor(smallDemo().dir, ws, extra, name);
}

// The value of a report line from `strawman standard check --json`.
std::string valueOf(const nlohmann::json& row) {
    if (row["cases"].get<long>() == 0) return "none";
    const double v = row["value"].get<double>();
    if (row["rule"].get<std::string>().find("->") != std::string::npos)
        return model::durationText(v);
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", v);
    return text;
}

// The report's `standard badge X0 Y0 X1 Y1 TEXT` line, read.
struct BadgeLine {
    Box box{0, 0, 0, 0};
    std::string text;
};
BadgeLine badgeIn(const std::string& report) {
    std::istringstream lines(report);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind("standard badge ", 0) != 0) continue;
        std::istringstream words(line.substr(15));
        BadgeLine b;
        words >> b.box.x0 >> b.box.y0 >> b.box.x1 >> b.box.y1;
        std::getline(words >> std::ws, b.text);
        return b;
    }
    return {};
}

} // namespace

TEST_CASE("the Standards tab shows each trust's standing as strawman standard check finds it") {
    const EditorShot shown = render(smallDemo().ws, {"--standards"}, "standards");
    INFO(shown.report);
    CHECK(shown.says("bottom tab Standards"));
    const RunResult check = run(STRAWMAN_EXE, {"standard", "check", smallDemo().ws, "--json"});
    REQUIRE(check.exitCode == 0);
    const nlohmann::json rows = nlohmann::json::parse(check.out);
    REQUIRE(rows.size() == 5); // the demo's one rule standard at its five trusts
    bool anyNotCompliant = false;
    for (const nlohmann::json& row : rows) {
        const bool compliant = row["compliant"].get<bool>();
        const long cases = row["cases"].get<long>();
        const std::string word = cases == 0  ? "no-cases"
                                 : compliant ? "compliant"
                                             : "not-compliant";
        anyNotCompliant |= cases > 0 && !compliant;
        CHECK_MESSAGE(shown.says("standard " + std::to_string(row["standard"].get<long>()) + " " +
                                 row["trust"].get<std::string>() + " " + word + " " + valueOf(row)),
                      row.dump());
    }
    // The picture: a not-compliant trust's red pill and its months drawn as bars.
    const Box bottom = inset(shown.panels["bottom"], 4, 30);
    CHECK(shown.image.count(bottom, kKeptMonth) > 100);
    if (anyNotCompliant) CHECK(shown.image.count(bottom, kNotCompliant) > 300);
}

TEST_CASE("a map whose published version the network agreed carries a badge that says which") {
    TempDir dir;
    const std::string ws = dir.file("map-standard.strawman");
    std::filesystem::copy_file(smallDemo().ws, ws);
    // `strawman GROUP COMMAND WS ARGS...`
    const auto cli = [&](const std::vector<std::string>& args) {
        std::vector<std::string> all = {args[0], args[1], ws};
        all.insert(all.end(), args.begin() + 2, args.end());
        const RunResult r = run(STRAWMAN_EXE, all);
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        return r.out;
    };
    const EditorShot before = render(ws, {"--map", "1"}, "no-badge");
    CHECK(badgeIn(before.report).text.empty());

    cli({"map", "publish", "1"});
    const std::string opened =
        cli({"proposal", "open", "--as", "Dr Simon Pike", "--title", "The network CT pathway",
             "--adopt-map", "1", "--quorum", "40%"});
    const std::string proposal = opened.substr(0, opened.find_first_not_of("0123456789"));
    REQUIRE_FALSE(proposal.empty());
    for (const char* member : {"Tom Hughes", "Aisha Rahman", "Mark Ellis", "Lucy Grant"})
        cli({"proposal", "vote", proposal, "agree", "--as", member});
    cli({"proposal", "close", proposal, "--as", "Dr Simon Pike", "--outcome", "Adopted"});

    const EditorShot shown = render(ws, {"--map", "1"}, "badge");
    INFO(shown.report);
    const BadgeLine badge = badgeIn(shown.report);
    CHECK(badge.text == "Agreed standard \xC2\xB7 v1");
    // Drawn inside the map's window, in the toolbar above the drawing, bordered in green.
    const Box map = shown.panels["map"];
    CHECK(badge.box.x0 >= map.x0);
    CHECK(badge.box.x1 <= map.x1);
    CHECK(badge.box.y1 < map.y0 + 80);
    CHECK(shown.image.count(badge.box, kAgreedBorder) > 40);
    // And in the network tree, beside the map and its process.
    CHECK(before.image.count(inset(before.panels["network"], 4), kAgreedBorder) == 0);
    CHECK(shown.image.count(inset(shown.panels["network"], 4), kAgreedBorder) > 80);

    // Laid out top to bottom, the map is at version 2: the badge says the standard is the first.
    cli({"map", "layout", "1", "--direction", "TB"});
    const EditorShot moved = render(ws, {"--map", "1"}, "badge-moved");
    CHECK(badgeIn(moved.report).text == "Agreed standard is v1 \xC2\xB7 this is v2");
}

TEST_CASE("the Trusts table adds a column for each rule standard of the process") {
    const std::string ws = smallDemo().ws;
    const std::string script = smallDemo().dir.file("trusts.script");
    std::ofstream(script) << "click ui:compare-trusts\nwait 2\nreport\n";
    const std::string plainPng = smallDemo().dir.file("trusts-plain.png");
    const std::string png = smallDemo().dir.file("trusts.png");
    const RunResult plain = runGui({ws, "--map", "2", "--screenshot", plainPng});
    REQUIRE(plain.exitCode == 0);
    const RunResult r = runGui({ws, "--map", "2", "--script", script, "--screenshot", png});
    INFO("stderr: " << r.err);
    REQUIRE(r.exitCode == 0);
    const Image before(plainPng), after(png);
    REQUIRE(after.loaded());
    const Panels panels = panelsIn(r.out);
    const Box bottom = inset(panels["bottom"], 4, 30);
    // RN7 does not keep the demo's standard: its cell carries the dark red pill.
    CHECK(before.count(bottom, kNotCompliant) == 0);
    CHECK(after.count(bottom, kNotCompliant) > 150);
}
