// The Forum tab and the speech bubbles on the map, rendered headless on a copy
// of the demo network with threads posted through the CLI: the threads listed,
// a reply typed and posted with the mouse as the member given with --as, and
// a bubble clicked to open its thread.
#include "gui_demo.h"
#include "gui_runner.h"
#include "process_runner.h"

#include "model/store/workspace.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace strawman;
using namespace strawman::test;

namespace {

constexpr Rgb kBubble{94, 53, 177}; // editor/panels/theme.h: colour::forumBubble

// A copy of the demo (whose own forum has threads on map 2 already) with more on map 2: two on the
// vetting step, one on the arrow from vetting to its decision, one on the map.
struct Forum {
    TempDir dir;
    std::string ws = dir.file("forum.strawman");
    std::string onVet, onVetAgain, onArrow, onMap;

    Forum() {
        std::filesystem::copy_file(demo().ws, ws);
        onVet = post("node:2:vet", "Tom Hughes", "Who vets CT requests here, and how quickly?");
        onVetAgain = post("node:2:vet", "Dr Helen Marsh", "Vetting at weekends is by the on-call");
        onArrow = post("edge:2:vet:ok", "Tom Hughes", "Are requests ever refused after booking?");
        onMap = post("map:2", "Priya Nair", "Is this the pathway we agreed in March?");
    }

    std::string post(const std::string& on, const std::string& as, const std::string& text) {
        const RunResult r = run(STRAWMAN_EXE, {"forum", "post", ws, "--on", on, "--as", as, text});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        return r.out.substr(0, r.out.find('\t')); // the thread's id first
    }

    // Runs the editor (on map 2 unless told not to) with `extra` options,
    // plays `script`, then a report, and takes the picture.
    EditorShot render(const std::vector<std::string>& extra, const std::string& name,
                      const std::string& script = "", bool onMap2 = true) {
        std::vector<std::string> args = extra;
        if (onMap2) args.insert(args.begin(), {"--map", "2"});
        return renderEditor(dir, ws, args, name, script);
    }

    // How many threads `forum list` finds (on a place, or all); the demo's own
    // forum has threads on map 2 too.
    std::size_t threadsOn(const std::string& on = "") const {
        std::vector<std::string> args = {"forum", "list", ws, "--json"};
        if (!on.empty()) args.insert(args.end(), {"--on", on});
        const RunResult r = run(STRAWMAN_EXE, args);
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        return nlohmann::json::parse(r.out).size();
    }
    // The ids the next thread and post will get: both count up from 1.
    std::string nextThread() const { return std::to_string(threadsOn() + 1); }
    std::string nextPost() const {
        const RunResult r = run(STRAWMAN_EXE, {"forum", "list", ws, "--json"});
        std::int64_t posts = 0;
        for (const auto& t : nlohmann::json::parse(r.out)) posts += t["posts"].get<std::int64_t>();
        return std::to_string(posts + 1);
    }

    nlohmann::json thread(const std::string& id) const {
        const RunResult r = run(STRAWMAN_EXE, {"forum", "show", ws, id, "--json"});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        return nlohmann::json::parse(r.out);
    }
};

} // namespace

TEST_CASE("the Forum tab lists the map's threads, with a speech bubble on each place that has "
          "some") {
    Forum f;
    const auto shown = f.render({"--forum"}, "list");
    INFO(shown.report);
    CHECK(shown.has("side tab Forum"));
    CHECK(shown.has("forum list map " + std::to_string(f.threadsOn("map:2"))));
    CHECK(shown.has("forum acting as nobody"));
    CHECK(shown.has("marker node vet " + std::to_string(f.threadsOn("node:2:vet"))));
    CHECK(shown.has("marker edge vet>ok 1"));
    // The demo's own thread on the arrow from booking to vetting.
    CHECK(shown.has("marker edge bkd>vet 1"));
    // The rows are text on the side panel; the bubbles, violet, on the map.
    const Box side = inset(shown.panels["side"], 12, 80);
    CHECK(shown.image.ink(side) > 4000);
    CHECK(shown.image.blobs(inset(shown.panels["map"], 10, 50), kBubble, 60) == 3);
}

TEST_CASE("a reply typed into a thread and posted with the mouse is stored as the member acted "
          "as") {
    Forum f;
    const auto shown = f.render({"--forum", "--as", "Dr Helen Marsh"}, "reply",
                                "click ui:forum-thread-" + f.onVet +
                                    "\nwait 2\n"
                                    "click ui:forum-compose\n"
                                    "type A radiologist, within 48 hours\n"
                                    "click ui:forum-post-reply\n"
                                    "wait 3\n");
    INFO(shown.report);
    CHECK(shown.has("forum thread " + f.onVet));
    CHECK(shown.has("forum acting as Dr Helen Marsh"));
    const nlohmann::json thread = f.thread(f.onVet);
    REQUIRE(thread["posts"].size() == 2);
    CHECK(thread["posts"][1]["author"] == "Dr Helen Marsh");
    CHECK(thread["posts"][1]["text"] == "A radiologist, within 48 hours");
    // The audit record names her too.
    const RunResult audit = run(STRAWMAN_EXE, {"audit", "list", f.ws});
    CHECK(audit.out.rfind("Dr Helen Marsh") != std::string::npos);
}

TEST_CASE("a new thread started on the step selected, and its first post edited by its author") {
    Forum f;
    const std::string started = f.nextThread(), post = f.nextPost();
    const auto shown = f.render({"--forum", "--as", "Priya Nair"}, "new-thread",
                                "click node:arr\nwait 1\n"
                                "click ui:forum-new-thread\nwait 1\n"
                                "click ui:forum-compose\n"
                                "type Patients arrive 15 minutes early\n"
                                "click ui:forum-start-thread\nwait 2\n"
                                "report\n"
                                "click ui:forum-edit-" +
                                    post +
                                    "\nwait 1\n"
                                    "click ui:forum-edit-text\n"
                                    "key end\n"
                                    "type  for a cannula\n"
                                    "click ui:forum-save-edit\nwait 2\n");
    INFO(shown.report);
    CHECK(shown.has("forum thread " + started));
    const RunResult list =
        run(STRAWMAN_EXE, {"forum", "list", f.ws, "--on", "node:2:arr", "--json"});
    const nlohmann::json threads = nlohmann::json::parse(list.out);
    REQUIRE(threads.size() == 1);
    CHECK(threads[0]["started_by"] == "Priya Nair");
    const nlohmann::json thread = f.thread(threads[0]["id"].dump());
    REQUIRE(thread["posts"].size() == 1);
    CHECK(thread["posts"][0]["text"] == "Patients arrive 15 minutes early for a cannula");
    CHECK(thread["posts"][0]["edited"] == true);
}

TEST_CASE("with nobody acted as, nothing is posted and the tab says where to choose") {
    Forum f;
    const auto shown = f.render({"--thread", f.onMap}, "nobody",
                                "click ui:forum-compose\ntype Nobody wrote this\n"
                                "click ui:forum-post-reply\nwait 2\n");
    INFO(shown.report);
    CHECK(shown.has("side tab Forum"));
    CHECK(shown.has("forum thread " + f.onMap));
    CHECK(f.thread(f.onMap)["posts"].size() == 1);
}

TEST_CASE("clicking a speech bubble selects its place and opens its thread, or lists them") {
    Forum f;
    SUBCASE("one thread on the arrow: it opens") {
        const auto shown = f.render({}, "arrow-bubble", "click ui:marker-vet>ok\nwait 2\n");
        INFO(shown.report);
        CHECK(shown.has("side tab Forum"));
        CHECK(shown.has("selection edge vet>ok"));
        CHECK(shown.has("forum thread " + f.onArrow));
    }
    SUBCASE("several threads on the step: the list of them") {
        const auto shown = f.render({}, "node-bubble", "click ui:marker-vet\nwait 2\n");
        INFO(shown.report);
        CHECK(shown.has("selection node vet"));
        CHECK(shown.has("forum list node vet " + std::to_string(f.threadsOn("node:2:vet"))));
        // And back to all of the map's.
        const auto all = f.render(
            {}, "all", "click ui:marker-vet\nwait 2\nclick ui:forum-all-threads\nwait 1\n");
        CHECK(all.has("forum list map " + std::to_string(f.threadsOn("map:2"))));
    }
}

TEST_CASE("the Inspector counts the threads on the step selected and opens them in the Forum tab") {
    Forum f;
    const auto shown = f.render(
        {}, "inspector", "click node:vet\nwait 1\nreport\nclick ui:inspector-threads\nwait 2\n");
    INFO(shown.report);
    CHECK(shown.has("side tab Inspector")); // the first report, before the click
    const std::string after = shown.report.substr(shown.report.rfind("window "));
    CHECK(after.find("side tab Forum\n") != std::string::npos);
    CHECK(after.find("forum list node vet " + std::to_string(f.threadsOn("node:2:vet")) + "\n") !=
          std::string::npos);
}

TEST_CASE("a thread opened by its id shows its map, its place selected") {
    Forum f;
    const std::string onRpa = f.post("node:5:vet", "Lucy Grant", "Do we vet CT the same way?");
    const auto shown = f.render({"--thread", onRpa}, "thread-elsewhere", "", false);
    INFO(shown.report);
    CHECK(shown.has("shown map 5"));
    CHECK(shown.has("selection node vet"));
    CHECK(shown.has("forum thread " + onRpa));
    const auto arrow = f.render({"--thread", f.onArrow}, "thread-arrow");
    CHECK(arrow.has("shown map 2"));
    CHECK(arrow.has("selection edge vet>ok"));
    CHECK(arrow.has("forum thread " + f.onArrow));
}

TEST_CASE("the member acted as is chosen in the status bar, and every change is by them") {
    Forum f;
    std::int64_t tom = 0;
    for (const model::Member& m : model::Workspace::open(f.ws).members())
        if (m.name == "Tom Hughes") tom = m.id.value;
    REQUIRE(tom != 0);
    // Then a step added to the map: the audit record names him for that too.
    const auto shown =
        f.render({"--forum"}, "choose-member",
                 "click ui:acting-as\nwait 1\nclick ui:acting-as-" + std::to_string(tom) +
                     "\nwait 1\nmove 700,600\nkey a\nwait 2\n");
    INFO(shown.report);
    CHECK(shown.has("forum acting as Tom Hughes"));
    const RunResult audit = run(STRAWMAN_EXE, {"audit", "list", f.ws});
    const std::string last = audit.out.substr(audit.out.rfind('\n', audit.out.size() - 2) + 1);
    CHECK(last.find("\tTom Hughes\tmap changed") != std::string::npos);
}

TEST_CASE("a member the network does not have, or a thread it does not, is refused by name") {
    Forum f;
    const RunResult who =
        runGui({f.ws, "--forum", "--as", "Nobody Known", "--screenshot", f.dir.file("bad.png")});
    CHECK(who.exitCode != 0);
    CHECK(who.err.find("\"Nobody Known\" is not a member") != std::string::npos);
    const RunResult thread =
        runGui({f.ws, "--thread", "999", "--screenshot", f.dir.file("bad2.png")});
    CHECK(thread.exitCode != 0);
    CHECK(thread.err.find("999") != std::string::npos);
}

TEST_CASE("the member acted as sees what they have not read, and a thread opened is read") {
    Forum f;
    // The demo's thread on RN7's vetting: Tom mentions Dr Helen Marsh, Priya replies.
    const auto shown = f.render({"--forum", "--as", "Dr Helen Marsh"}, "unread",
                                "report\nclick ui:forum-thread-1\nwait 2\n"
                                "click ui:forum-back\nwait 2\n");
    INFO(shown.report);
    const std::string before = shown.report.substr(0, shown.report.rfind("window "));
    const std::string after = shown.report.substr(shown.report.rfind("window "));
    CHECK(before.find("forum unread 1 2 mentions 1\n") != std::string::npos);
    CHECK(after.find("forum unread 1 ") == std::string::npos);
    const RunResult list =
        run(STRAWMAN_EXE, {"forum", "list", f.ws, "--as", "Dr Helen Marsh", "--json"});
    REQUIRE(list.exitCode == 0);
    const nlohmann::json threads = nlohmann::json::parse(list.out);
    CHECK(threads[0]["unread"] == 0);
    CHECK(threads[0]["mentions_unread"] == 0);
}
