// Threads and posts (model/store/forum_store.h, forum/threads.h): anchored
// where members point, edits keep every text, anchors on a node outlive map
// versions and say when the node is gone, and every post is in the audit record.
#include "map_fixtures.h"

#include "forum/threads.h"
#include "model/core/error.h"
#include "model/maps/map_change.h"
#include "model/maps/map_edit.h"
#include "model/store/workspace.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace strawman;
using namespace strawman::model;
using model::ThreadAnchor;

namespace {

struct Network {
    Workspace ws = Workspace::createInMemory();
    TrustId rwf = ws.addTrust("RWF", "Maidstone");
    MemberId ada = ws.addMember("Ada Byrne", rwf, Role::ForumMember);
    MemberId lee = ws.addMember("Lee Hart", rwf, Role::Lead);
    ProcessId ct = ws.addProcess("CT outpatient pathway");
    MapId map = ws.createMap(ct, rwf, "CT (RWF)", test::ctPathway());
    std::string firstKey = ws.content(map).nodes[1].key;
};

} // namespace

TEST_CASE("a thread is anchored where the member points, written back the same") {
    Network n;
    const std::string node = "node:" + std::to_string(n.map.value) + ":" + n.firstKey;
    for (const std::string& text :
         {std::string("network"), std::string("process:CT outpatient pathway"),
          "map:" + std::to_string(n.map.value), node}) {
        INFO(text);
        CHECK(forum::anchorText(n.ws, forum::parseAnchor(n.ws, text)) == text);
    }
    const MapContent content = n.ws.content(n.map);
    const Node* from = nullptr;
    const Node* to = nullptr;
    for (const Node& x : content.nodes) {
        if (x.id == content.edges[0].from) from = &x;
        if (x.id == content.edges[0].to) to = &x;
    }
    REQUIRE(from);
    REQUIRE(to);
    const std::string edge =
        "edge:" + std::to_string(n.map.value) + ":" + from->key + ":" + to->key;
    const ThreadAnchor onEdge = forum::parseAnchor(n.ws, edge);
    CHECK(onEdge.kind == ThreadAnchor::Kind::Edge);
    CHECK(forum::anchorText(n.ws, onEdge) == edge);

    CHECK_THROWS_WITH_AS(forum::parseAnchor(n.ws, "process:MR"), "no process called \"MR\"", Error);
    CHECK_THROWS_AS(forum::parseAnchor(n.ws, "map:99"), Error);
    CHECK_THROWS_WITH_AS(forum::parseAnchor(n.ws, "node:" + std::to_string(n.map.value) + ":zz"),
                         ("map " + std::to_string(n.map.value) + " has no node \"zz\"").c_str(),
                         Error);
    CHECK_THROWS_AS(forum::parseAnchor(n.ws, "edge:" + std::to_string(n.map.value) + ":" + to->key +
                                                 ":" + from->key),
                    Error);
    CHECK_THROWS_AS(forum::parseAnchor(n.ws, "trust:RWF"), Error);
    CHECK(forum::memberNamed(n.ws, "Ada Byrne").id == n.ada);
    CHECK(forum::memberNamed(n.ws, std::to_string(n.lee.value)).id == n.lee);
    CHECK_THROWS_WITH_AS(forum::memberNamed(n.ws, "Eve"), "\"Eve\" is not a member of this network",
                         Error);
}

TEST_CASE("posts are kept in order, an edit keeps every earlier text, only the author edits") {
    Network n;
    const auto started = n.ws.forum().startThread(forum::parseAnchor(n.ws, "network"), n.ada,
                                                  "Shall we agree a vetting standard?");
    const PostId reply = n.ws.forum().reply(started.thread, n.lee, "Yes: 48 h, @Ada Byrne?");
    n.ws.forum().editPost(started.post, n.ada, "Shall we agree a vetting standard of 48 h?");
    CHECK_THROWS_WITH_AS(n.ws.forum().editPost(reply, n.ada, "no"), "only its author edits a post",
                         Error);
    CHECK_THROWS_AS(n.ws.forum().reply(started.thread, n.lee, "  "), Error);
    CHECK_THROWS_AS(n.ws.forum().reply(ThreadId{99}, n.lee, "hello"), Error);

    const auto posts = n.ws.forum().posts(started.thread);
    REQUIRE(posts.size() == 2);
    REQUIRE(posts[0].texts.size() == 2);
    CHECK(posts[0].texts[0].text == "Shall we agree a vetting standard?");
    CHECK(posts[0].texts[1].text == "Shall we agree a vetting standard of 48 h?");
    CHECK(posts[1].author == n.lee);
    CHECK(posts[1].texts.size() == 1);
    const ThreadRecord t = n.ws.forum().thread(started.thread);
    CHECK(t.posts == 2);
    CHECK(t.startedBy == n.ada);

    std::vector<std::string> actions;
    for (const AuditEntry& e : n.ws.audit().entries()) actions.push_back(e.action);
    CHECK(std::vector(actions.end() - 3, actions.end()) ==
          std::vector<std::string>{"thread started", "post added", "post edited"});
    CHECK(n.ws.audit().verify().ok());
}

TEST_CASE("a thread on a node holds across versions while the key exists, and says when it is "
          "gone") {
    Network n;
    const ThreadAnchor on =
        forum::parseAnchor(n.ws, "node:" + std::to_string(n.map.value) + ":" + n.firstKey);
    const auto started = n.ws.forum().startThread(on, n.ada, "Who vets here?");
    n.ws.publish(n.map);
    MapContent moved = n.ws.content(n.map);
    moved.nodes[1].x += 50;
    n.ws.applyChange(n.map, diffContent(n.ws.content(n.map), moved)); // a new draft version
    CHECK(n.ws.map(n.map).versionNumber == 2);
    CHECK_FALSE(forum::anchorGone(n.ws, on));
    CHECK(n.ws.forum().threads(on).size() == 1);
    // The map's threads include those on its nodes.
    CHECK(n.ws.forum()
              .threads(forum::parseAnchor(n.ws, "map:" + std::to_string(n.map.value)))
              .size() == 1);

    MapContent without = n.ws.content(n.map);
    removeItems(without, {n.firstKey}, {});
    n.ws.applyChange(n.map, diffContent(n.ws.content(n.map), without));
    CHECK(forum::anchorGone(n.ws, on));
    CHECK(n.ws.forum().thread(started.thread).anchor == on); // the thread is still there
    CHECK(n.ws.forum().threads(forum::parseAnchor(n.ws, "network")).empty());
}
