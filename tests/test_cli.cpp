// Runs the built `strawman` on temporary workspaces, as a user or a script would.
#include "cli_runner.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

using nlohmann::json;
using strawman::test::cli;
using strawman::test::jsonOf;
using strawman::test::readFile;
using strawman::test::RunResult;
using strawman::test::TempDir;
using strawman::test::writeFile;

namespace {

const char* kSimpleDot = R"(digraph "GP X-ray" {
  s [kind=start];
  req [activity=REQ, label="Request made"];
  cmp [activity=CMP, label="X-ray taken"];
  e [kind=end];
  s -> req -> cmp -> e;
}
)";

} // namespace

TEST_CASE("strawman --version and --help answer") {
    const auto v = cli({"--version"});
    CHECK(v.exitCode == 0);
    CHECK(v.out.find("strawman 0.") != std::string::npos);
    for (const char* cmd :
         {"init", "demo", "trust", "member", "process", "activity", "map", "gui"}) {
        const auto h = cli({cmd, "--help"});
        INFO(cmd);
        CHECK(h.exitCode == 0);
        CHECK(h.out.find("Usage") != std::string::npos);
    }
    const auto mh = cli({"map", "import", "--help"});
    CHECK(mh.out.find("--add-activities") != std::string::npos);
}

TEST_CASE("init creates a workspace and refuses to overwrite it") {
    TempDir dir;
    const auto ws = dir.file("net.strawman");
    CHECK(cli({"init", ws}).exitCode == 0);
    const auto again = cli({"init", ws});
    CHECK(again.exitCode != 0);
    CHECK(again.err.find("already exists") != std::string::npos);
    CHECK(jsonOf(cli({"trust", "list", ws, "--json"})).empty());
}

TEST_CASE("trusts, members and processes are added and listed") {
    TempDir dir;
    const auto ws = dir.file("net.strawman");
    REQUIRE(cli({"init", ws}).exitCode == 0);
    CHECK(cli({"trust", "add", ws, "RPA", "Medway NHS Foundation Trust"}).exitCode == 0);
    CHECK(cli({"member", "add", ws, "Sam Okafor", "--trust", "RPA", "--role", "lead"}).exitCode ==
          0);
    CHECK(cli({"process", "add", ws, "CT outpatient pathway"}).exitCode == 0);

    const json trusts = jsonOf(cli({"trust", "list", ws, "--json"}));
    REQUIRE(trusts.size() == 1);
    CHECK(trusts[0]["code"] == "RPA");
    const json members = jsonOf(cli({"member", "list", ws, "--json"}));
    REQUIRE(members.size() == 1);
    CHECK(members[0]["role"] == "lead");
    CHECK(members[0]["trust"] == "RPA");
    CHECK(jsonOf(cli({"process", "list", ws, "--json"}))[0]["name"] == "CT outpatient pathway");

    const auto unknown = cli({"member", "add", ws, "X", "--trust", "ZZZ"});
    CHECK(unknown.exitCode != 0);
    CHECK(unknown.err.find("ZZZ") != std::string::npos);
    const auto badRole = cli({"member", "add", ws, "X", "--trust", "RPA", "--role", "boss"});
    CHECK(badRole.exitCode != 0);
}

TEST_CASE("the demo network has five trusts and valid, laid-out CT maps") {
    TempDir dir;
    const auto ws = dir.file("demo.strawman");
    const auto made = cli({"demo", ws, "--cases", "300", "--key-file", dir.file("network.key")});
    INFO(made.err);
    REQUIRE(made.exitCode == 0);
    CHECK(cli({"demo", ws, "--cases", "0"}).exitCode != 0); // never overwrites

    const json trusts = jsonOf(cli({"trust", "list", ws, "--json"}));
    std::vector<std::string> codes;
    for (const auto& t : trusts) codes.push_back(t["code"]);
    CHECK(codes == std::vector<std::string>{"RN7", "RPA", "RPC", "RVV", "RWF"});
    CHECK(jsonOf(cli({"process", "list", ws, "--json"})).size() == 4);
    CHECK(jsonOf(cli({"member", "list", ws, "--json"})).size() >= 10);

    const json maps = jsonOf(cli({"map", "list", ws, "--json"}));
    int ctTrustMaps = 0, networkCt = 0;
    std::set<std::int64_t> ctEdgeShapes;
    for (const auto& m : maps) {
        INFO(m.dump());
        const auto id = std::to_string(m["id"].get<std::int64_t>());
        CHECK(cli({"map", "validate", ws, id}).exitCode == 0);
        if (m["process"] != "CT outpatient pathway") continue;
        if (m["trust"].is_null()) {
            ++networkCt;
        } else {
            ++ctTrustMaps;
            CHECK(m["status"] == "straw man");
        }
        // Laid out: every node has a size and a place.
        const json full = jsonOf(cli({"map", "export", ws, id, "--format", "json"}));
        for (const auto& n : full["nodes"]) CHECK(n["width"].get<double>() > 0);
        ctEdgeShapes.insert(m["nodes"].get<std::int64_t>() * 100 + m["edges"].get<std::int64_t>());
    }
    CHECK(ctTrustMaps == 5);
    CHECK(networkCt == 1);

    // A year of data per trust, through the CSV, XES and HL7 importers.
    const json imports = jsonOf(cli({"import", "list", ws, "--json"}));
    std::set<std::string> formats;
    for (const auto& i : imports) formats.insert(i["format"].get<std::string>());
    CHECK(imports.size() == 5);
    CHECK(formats == std::set<std::string>{"csv", "hl7", "xes"});
    for (const char* trust : {"RN7", "RVV", "RWF", "RPA", "RPC"}) {
        INFO(trust);
        const json stats = jsonOf(cli({"log", "stats", ws, "--trust", trust, "--json"}));
        CHECK(stats["cases"] == 300);
        CHECK(stats["events"].get<int>() > 300 * 5);
        CHECK(stats["first"].get<std::string>().rfind("2025-", 0) == 0);
        CHECK(stats["activities"].contains("VER"));
    }
    CHECK(ctEdgeShapes.size() >= 4); // the trusts' maps really differ
}

TEST_CASE("a DOT map is imported, exported and imported again unchanged") {
    TempDir dir;
    const auto ws = dir.file("net.strawman");
    REQUIRE(cli({"init", ws}).exitCode == 0);
    REQUIRE(cli({"trust", "add", ws, "RVV", "East Kent"}).exitCode == 0);
    writeFile(dir.file("xray.dot"), kSimpleDot);

    const auto imported = cli({"map", "import", ws, "--trust", "RVV", "--process",
                               "GP direct-access X-ray", dir.file("xray.dot")});
    INFO(imported.err);
    REQUIRE(imported.exitCode == 0);
    const std::string id = imported.out.substr(0, imported.out.find('\n'));
    CHECK(std::stoi(id) > 0);

    const json maps = jsonOf(cli({"map", "list", ws, "--json"}));
    REQUIRE(maps.size() == 1);
    CHECK(maps[0]["trust"] == "RVV");
    CHECK(maps[0]["name"] == "GP X-ray");
    CHECK(maps[0]["nodes"] == 4);
    CHECK(maps[0]["edges"] == 3);

    REQUIRE(cli({"map", "export", ws, id, "--format", "dot", "-o", dir.file("a.dot")}).exitCode ==
            0);
    const auto second = cli({"map", "import", ws, "--trust", "network", "--process",
                             "GP direct-access X-ray", dir.file("a.dot")});
    REQUIRE(second.exitCode == 0);
    const std::string id2 = second.out.substr(0, second.out.find('\n'));
    REQUIRE(cli({"map", "export", ws, id2, "-o", dir.file("b.dot")}).exitCode == 0);
    CHECK(readFile(dir.file("a.dot")) == readFile(dir.file("b.dot")));
    CHECK(cli({"map", "export", ws, id}).out == readFile(dir.file("a.dot")));
}

TEST_CASE("bad DOT is refused with file, line and reason, and nothing is stored") {
    TempDir dir;
    const auto ws = dir.file("net.strawman");
    REQUIRE(cli({"init", ws}).exitCode == 0);
    const std::string before = readFile(ws);

    SUBCASE("a syntax error") {
        writeFile(dir.file("broken.dot"), "digraph g {\n  a -> b;\n  c -> ;\n}\n");
        const auto r = cli(
            {"map", "import", ws, "--trust", "network", "--process", "CT", dir.file("broken.dot")});
        CHECK(r.exitCode != 0);
        CHECK(r.err.find("broken.dot:3") != std::string::npos);
    }
    SUBCASE("an unknown kind") {
        writeFile(dir.file("kind.dot"), "digraph g {\n  a [kind=gateway];\n}\n");
        const auto r = cli(
            {"map", "import", ws, "--trust", "network", "--process", "CT", dir.file("kind.dot")});
        CHECK(r.exitCode != 0);
        CHECK(r.err.find("kind.dot") != std::string::npos);
        CHECK(r.err.find("gateway") != std::string::npos);
    }
    SUBCASE("an unknown activity code, unless --add-activities") {
        writeFile(dir.file("act.dot"),
                  "digraph g {\n  s [kind=start];\n  x [activity=TRIAGE];\n  e [kind=end];\n"
                  "  s -> x -> e;\n}\n");
        const auto r = cli(
            {"map", "import", ws, "--trust", "network", "--process", "CT", dir.file("act.dot")});
        CHECK(r.exitCode != 0);
        CHECK(r.err.find("TRIAGE") != std::string::npos);
        CHECK(r.err.find("act.dot") != std::string::npos);
        CHECK(r.err.find("or use --add-activities") != std::string::npos);
        CHECK(jsonOf(cli({"map", "list", ws, "--json"})).empty());
        CHECK(jsonOf(cli({"process", "list", ws, "--json"})).empty());

        const auto ok = cli({"map", "import", ws, "--trust", "network", "--process", "CT",
                             "--add-activities", dir.file("act.dot")});
        CHECK(ok.exitCode == 0);
        CHECK(jsonOf(cli({"map", "list", ws, "--json"})).size() == 1);
        return;
    }
    SUBCASE("an unknown trust") {
        writeFile(dir.file("ok.dot"), kSimpleDot);
        const auto r =
            cli({"map", "import", ws, "--trust", "XYZ", "--process", "CT", dir.file("ok.dot")});
        CHECK(r.exitCode != 0);
        CHECK(r.err.find("XYZ") != std::string::npos);
    }
    CHECK(jsonOf(cli({"map", "list", ws, "--json"})).empty());
    CHECK(jsonOf(cli({"process", "list", ws, "--json"})).empty());
}

TEST_CASE("validate, layout and publish a map") {
    TempDir dir;
    const auto ws = dir.file("net.strawman");
    REQUIRE(cli({"init", ws}).exitCode == 0);
    writeFile(dir.file("bad.dot"),
              "digraph g {\n  s [kind=start];\n  a [activity=REQ];\n  lost [activity=VET];\n"
              "  e [kind=end];\n  s -> a -> e;\n}\n");
    const auto imported =
        cli({"map", "import", ws, "--trust", "network", "--process", "CT", dir.file("bad.dot")});
    REQUIRE(imported.exitCode == 0);
    const std::string id = imported.out.substr(0, imported.out.find('\n'));

    const auto v = cli({"map", "validate", ws, id, "--json"});
    CHECK(v.exitCode == 1);
    const json problems = json::parse(v.out);
    CHECK(problems["valid"] == false);
    CHECK(problems["problems"][0]["node"] == "lost");
    CHECK(cli({"map", "validate", ws, id}).out.find("cannot be reached") != std::string::npos);

    CHECK(cli({"map", "layout", ws, id, "--direction", "TB"}).exitCode == 0);
    const json laid = jsonOf(cli({"map", "export", ws, id, "--format", "json"}));
    double startY = 0, endY = 0;
    for (const auto& n : laid["nodes"]) {
        if (n["key"] == "s") startY = n["y"];
        if (n["key"] == "e") endY = n["y"];
    }
    CHECK(startY < endY); // top to bottom

    const auto p = cli({"map", "publish", ws, id});
    REQUIRE(p.exitCode == 0);
    const json published = jsonOf(cli({"map", "publish", ws, id, "--json"})); // again: same hash
    CHECK(published["published"] == true);
    CHECK(published["hash"] == p.out.substr(0, p.out.find('\n')));
    CHECK(p.out.rfind("sha256:", 0) == 0);
    const json listed = jsonOf(cli({"map", "list", ws, "--json"}));
    CHECK(listed[0]["published"] == true);
    CHECK(listed[0]["hash"] == p.out.substr(0, p.out.find('\n')));

    // Laying out a published map continues in version 2.
    CHECK(cli({"map", "layout", ws, id}).exitCode == 0);
    CHECK(jsonOf(cli({"map", "list", ws, "--json"}))[0]["version"] == 2);
}

TEST_CASE("errors go to stderr with a non-zero exit code") {
    TempDir dir;
    const auto missing = cli({"map", "list", dir.file("nope.strawman")});
    CHECK(missing.exitCode != 0);
    CHECK(missing.out.empty());
    CHECK(missing.err.find("nope.strawman") != std::string::npos);

    writeFile(dir.file("notes.txt"), "not a workspace");
    const auto notWs = cli({"trust", "list", dir.file("notes.txt")});
    CHECK(notWs.exitCode != 0);
    CHECK(notWs.err.find("not a Strawman workspace") != std::string::npos);
    CHECK(readFile(dir.file("notes.txt")) == "not a workspace");

    const auto ws = dir.file("net.strawman");
    REQUIRE(cli({"init", ws}).exitCode == 0);
    const auto noMap = cli({"map", "export", ws, "42"});
    CHECK(noMap.exitCode != 0);
    CHECK(noMap.err.find("no map with id 42") != std::string::npos);
    CHECK(cli({"map", "frobnicate", ws}).exitCode != 0);
}

TEST_CASE("a demo network killed while being created leaves all or nothing") {
    // Kill `strawman demo` at moments spread over its run; each time the file is
    // either absent or a complete network, never half made.
    TempDir dir;
    const std::vector<std::string> extra{"--cases", "50", "--key-file", dir.file("network.key")};
    auto demoArgs = [&](const std::string& ws) {
        std::vector<std::string> args{"demo", ws};
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    };
    const auto started = std::chrono::steady_clock::now();
    REQUIRE(cli(demoArgs(dir.file("timing.strawman"))).exitCode == 0);
    const auto full = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - started);

    int killedPartWay = 0;
    const int runs = 12;
    for (int i = 0; i < runs; ++i) {
        const auto ws = dir.file("demo" + std::to_string(i) + ".strawman");
        const bool killed =
            strawman::test::runAndKill(STRAWMAN_EXE, demoArgs(ws), full * (i + 1) / runs);
        if (!std::filesystem::exists(ws)) {
            CHECK(killed);
            ++killedPartWay;
            continue;
        }
        CHECK(jsonOf(cli({"map", "list", ws, "--json"})).size() == 8);
        CHECK(jsonOf(cli({"import", "list", ws, "--json"})).size() == 5);
    }
    MESSAGE("killed before completion " << killedPartWay << " of " << runs << " times");
}

TEST_CASE("a DOT file laid out by Graphviz itself is moved onto the canvas") {
    // `dot -Tdot` writes positions with the origin bottom-left (y up).
    TempDir dir;
    const auto ws = dir.file("net.strawman");
    REQUIRE(cli({"init", ws}).exitCode == 0);
    writeFile(dir.file("laid.dot"), "digraph g {\n"
                                    "  s [kind=start, pos=\"27,90\", width=0.5, height=0.5];\n"
                                    "  a [activity=REQ, pos=\"27,45\", width=1.5, height=0.5];\n"
                                    "  e [kind=end, pos=\"27,18\", width=0.5, height=0.5];\n"
                                    "  s -> a -> e;\n}\n");
    const auto r =
        cli({"map", "import", ws, "--trust", "network", "--process", "CT", dir.file("laid.dot")});
    REQUIRE(r.exitCode == 0);
    const json map = jsonOf(cli({"map", "export", ws, "1", "--format", "json"}));
    std::map<std::string, double> y;
    for (const auto& n : map["nodes"]) {
        CHECK(n["x"].get<double>() - n["width"].get<double>() / 2 >= -0.01);
        CHECK(n["y"].get<double>() - n["height"].get<double>() / 2 >= -0.01);
        y[n["key"]] = n["y"];
    }
    CHECK(y["s"] < y["a"]); // the top of the drawing is still the top
    CHECK(y["a"] < y["e"]);
}

TEST_CASE("the activity vocabulary can be listed and extended") {
    TempDir dir;
    const auto ws = dir.file("net.strawman");
    REQUIRE(cli({"init", ws}).exitCode == 0);
    const json before = jsonOf(cli({"activity", "list", ws, "--json"}));
    CHECK(before.size() == 14);
    CHECK(before[2]["code"] == "VET");
    CHECK(cli({"activity", "add", ws, "TRI", "triaged"}).exitCode == 0);
    const auto again = cli({"activity", "add", ws, "TRI", "triaged"});
    CHECK(again.exitCode != 0);
    CHECK(again.err.find("TRI") != std::string::npos);
    const json after = jsonOf(cli({"activity", "list", ws, "--json"}));
    REQUIRE(after.size() == 15);
    CHECK(after.back()["name"] == "triaged");

    // A map may now use the new code without --add-activities.
    writeFile(dir.file("tri.dot"),
              "digraph g { s [kind=start]; t [activity=TRI]; e [kind=end]; s -> t -> e; }\n");
    const json imported = jsonOf(cli({"map", "import", ws, "--trust", "network", "--process",
                                      "Triage", "--json", dir.file("tri.dot")}));
    CHECK(imported["nodes"] == 3);
    CHECK(imported["process"] == "Triage");
}

TEST_CASE("audit verify walks the record, the sqlite3 shell's tampering is named or caught") {
    TempDir dir;
    const auto ws = dir.file("net.strawman");
    REQUIRE(cli({"demo", ws, "--cases", "100", "--key-file", dir.file("network.key")}).exitCode ==
            0);
    const json listed = jsonOf(cli({"audit", "list", ws, "--json"}));
    REQUIRE(listed.size() > 20);
    CHECK(listed[0]["action"] == "workspace created");
    std::set<std::string> actions;
    for (const json& e : listed) actions.insert(e["action"].get<std::string>());
    for (const char* a : {"trust added", "member added", "process added", "map created", "import",
                          "code mapping changed"}) {
        INFO(a);
        CHECK(actions.count(a) == 1);
    }

    const json ok = jsonOf(cli({"audit", "verify", ws, "--json"}));
    CHECK(ok["ok"] == true);
    CHECK(ok["entries"] == listed.size());
    const std::string head = ok["head"];
    CHECK(head == listed.back()["hash"]);
    const auto plain = cli({"audit", "verify", ws});
    CHECK(plain.exitCode == 0);
    CHECK(plain.out == std::to_string(listed.size()) + " entries, head " + head + "\n");

    // A later change moves the head on; the one recorded before is still reached.
    REQUIRE(cli({"process", "add", ws, "MR outpatient pathway"}).exitCode == 0);
    CHECK(cli({"audit", "verify", ws, "--head", head}).exitCode == 0);

    // The tail deleted with the sqlite3 shell: the chain left is whole, but it
    // no longer reaches the head recorded before.
    const auto sql = [&](const std::string& statement) {
        return strawman::test::run("sqlite3", {ws, statement}).exitCode;
    };
    REQUIRE(sql("DELETE FROM audit WHERE id >= " + std::to_string(listed.size())) == 0);
    CHECK(cli({"audit", "verify", ws}).exitCode == 0);
    const auto cut = cli({"audit", "verify", ws, "--head", head});
    CHECK(cut.exitCode == 1);
    CHECK(cut.out.find("no longer reaches the head " + head) != std::string::npos);

    // One entry's text changed: verify fails and names it.
    REQUIRE(sql("UPDATE audit SET actor = 'someone else' WHERE id = 7") == 0);
    const auto changed = cli({"audit", "verify", ws});
    CHECK(changed.exitCode == 1);
    CHECK(changed.out == "entry 7 does not match: its contents do not match its hash\n");
    const auto failed = cli({"audit", "verify", ws, "--json"});
    CHECK(failed.exitCode == 1);
    CHECK(json::parse(failed.out)["first_bad"] == 7);
}

TEST_CASE("forum threads through the CLI: post, reply, edit, list and show, as a member") {
    TempDir dir;
    const auto ws = dir.file("net.strawman");
    REQUIRE(cli({"demo", ws, "--cases", "0", "--key-file", dir.file("network.key")}).exitCode == 0);
    const json maps = jsonOf(cli({"map", "list", ws, "--json"}));
    const std::string map = std::to_string(maps[0]["id"].get<std::int64_t>());
    const json members = jsonOf(cli({"member", "list", ws, "--json"}));
    const std::string someone = members[0]["name"];
    // The demo's own forum has threads on the map already.
    const auto onTheMap = jsonOf(cli({"forum", "list", ws, "--on", "map:" + map, "--json"})).size();

    const auto posted = cli({"forum", "post", ws, "--on", "map:" + map, "--as", someone,
                             "Is vetting before booking everywhere?"});
    REQUIRE(posted.exitCode == 0);
    const std::string thread = posted.out.substr(0, posted.out.find('\t'));
    CHECK(posted.out.find("thread on map:" + map + ", post ") != std::string::npos);
    const json replied =
        jsonOf(cli({"forum", "reply", ws, thread, "--as", someone, "It is at RWF.", "--json"}));
    const std::string post = std::to_string(replied["post"].get<std::int64_t>());
    CHECK(cli({"forum", "edit", ws, post, "--as", someone, "It is at RWF and RPA."}).exitCode == 0);

    const json shown = jsonOf(cli({"forum", "show", ws, thread, "--json"}));
    REQUIRE(shown["posts"].size() == 2);
    CHECK(shown["on"] == "map:" + map);
    CHECK(shown["posts"][0]["author"] == someone);
    CHECK(shown["posts"][1]["text"] == "It is at RWF and RPA.");
    CHECK(shown["posts"][1]["texts"][0]["text"] == "It is at RWF.");
    CHECK(shown["posts"][1]["edited"] == true);
    const json listed = jsonOf(cli({"forum", "list", ws, "--on", "map:" + map, "--json"}));
    REQUIRE(listed.size() == onTheMap + 1);
    CHECK(listed.back()["posts"] == 2);
    CHECK(jsonOf(cli({"forum", "list", ws, "--on", "network", "--json"})).empty());

    // Refusals change nothing: a non-member, an unknown place, empty text.
    const auto stranger = cli({"forum", "reply", ws, thread, "--as", "Eve", "hello"});
    CHECK(stranger.exitCode != 0);
    CHECK(stranger.err.find("\"Eve\" is not a member of this network") != std::string::npos);
    CHECK(cli({"forum", "post", ws, "--on", "ward:3", "--as", someone, "x"}).exitCode != 0);
    CHECK(cli({"forum", "reply", ws, thread, "--as", someone, " "}).exitCode != 0);
    CHECK(jsonOf(cli({"forum", "show", ws, thread, "--json"}))["posts"].size() == 2);

    // The audit record names the member, not the login running the program.
    const json audit = jsonOf(cli({"audit", "list", ws, "--json"}));
    CHECK(audit.back()["action"] == "post edited");
    CHECK(audit.back()["actor"] == someone);
}
