// `strawman export --format bpmn` and `strawman map import FILE.bpmn`, run as a user would.
#include "cli_runner.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>
#include <vector>

using strawman::test::cli;
using strawman::test::jsonOf;
using strawman::test::readFile;
using strawman::test::TempDir;
using strawman::test::writeFile;

namespace {

const char* kXray = R"(digraph "GP X-ray" {
  s [kind=start];
  req [activity=REQ, label="Request made", lane="Referrer"];
  walk [kind=decision, label="Walk-in?"];
  bkd [activity=BKD, label="Booked", lane="Booking clerk"];
  cmp [activity=CMP, label="X-ray taken", lane="Radiographer"];
  e [kind=end];
  n [kind=note, label="Same day if walk-in"];
  s -> req -> walk;
  walk -> cmp [label="yes"];
  walk -> bkd [label="no"];
  bkd -> cmp -> e;
  n -> walk;
}
)";

std::string firstLine(const std::string& s) {
    return s.substr(0, s.find('\n'));
}

} // namespace

TEST_CASE("a map exported as BPMN imports back as the same map, by extension or --format") {
    TempDir dir;
    const auto ws = dir.file("net.strawman");
    REQUIRE(cli({"init", ws}).exitCode == 0);
    writeFile(dir.file("xray.dot"), kXray);
    const auto imported = cli(
        {"map", "import", ws, "--trust", "network", "--process", "X-ray", dir.file("xray.dot")});
    INFO(imported.err);
    REQUIRE(imported.exitCode == 0);
    const std::string id = firstLine(imported.out);

    REQUIRE(cli({"export", ws, id, "-o", dir.file("a.bpmn")}).exitCode == 0);
    REQUIRE(cli({"export", ws, id, "--format", "bpmn", "-o", dir.file("b.txt")}).exitCode == 0);
    const std::string bpmn = readFile(dir.file("a.bpmn"));
    CHECK(bpmn == readFile(dir.file("b.txt")));
    CHECK(bpmn.find("<bpmn:task id=\"req\" name=\"Request made\" strawman:activity=\"REQ\"") !=
          std::string::npos);

    const auto byExtension =
        cli({"map", "import", ws, "--trust", "network", "--process", "X-ray", dir.file("a.bpmn")});
    INFO(byExtension.err);
    REQUIRE(byExtension.exitCode == 0);
    CHECK(byExtension.err.empty()); // nothing flattened in our own file
    const auto byFormat = cli({"map", "import", ws, "--trust", "network", "--process", "X-ray",
                               "--format", "bpmn", "--name", "GP X-ray", dir.file("b.txt")});
    REQUIRE(byFormat.exitCode == 0);

    // The same DOT (nodes, arrows, codes, lanes, positions) but for the order of arrows.
    auto sortedLines = [](std::string text) {
        std::vector<std::string> lines;
        for (std::size_t at; (at = text.find('\n')) != std::string::npos; text.erase(0, at + 1))
            lines.push_back(text.substr(0, at));
        std::sort(lines.begin(), lines.end());
        return lines;
    };
    const auto original = sortedLines(cli({"map", "export", ws, id}).out);
    CHECK(sortedLines(cli({"map", "export", ws, firstLine(byExtension.out)}).out) == original);
    CHECK(sortedLines(cli({"map", "export", ws, firstLine(byFormat.out)}).out) == original);
}

TEST_CASE("map import says what it flattened, and refuses bad BPMN naming file and line, storing "
          "nothing") {
    TempDir dir;
    const auto ws = dir.file("net.strawman");
    REQUIRE(cli({"init", ws}).exitCode == 0);
    const std::string data = std::string(STRAWMAN_TEST_DATA) + "/bpmn/";

    const auto flattened = cli({"map", "import", ws, "--trust", "network", "--process", "Reporting",
                                data + "camunda-no-di.bpmn", "--json"});
    INFO(flattened.err);
    REQUIRE(flattened.exitCode == 0);
    CHECK(jsonOf(flattened)["nodes"] == 5);
    CHECK(flattened.err.find("camunda-no-di.bpmn: flattened: subProcess \"report\"") !=
          std::string::npos);

    const std::string before = readFile(ws);
    const auto refused = cli({"map", "import", ws, "--trust", "network", "--process", "Other",
                              data + "unsupported.bpmn"});
    CHECK(refused.exitCode != 0);
    CHECK(refused.err.find("unsupported.bpmn:8: cannot import boundaryEvent \"Event_timeout\"") !=
          std::string::npos);
    const auto missing = cli({"map", "import", ws, "--trust", "network", "--process", "Other",
                              data + "missing-target.bpmn"});
    CHECK(missing.exitCode != 0);
    CHECK(missing.err.find("missing-target.bpmn:7:") != std::string::npos);
    // A BPMN file read as DOT is a DOT error, not a guess.
    const auto asDot = cli({"map", "import", ws, "--trust", "network", "--process", "Other",
                            "--format", "dot", data + "bpmnio-lanes.bpmn"});
    CHECK(asDot.exitCode != 0);
    CHECK(readFile(ws) == before);
}
