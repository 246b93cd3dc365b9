// The Forum tab's logic without a window: which threads a selection lists,
// the speech bubbles' counts, the words of a row, and writes that name the
// member acted as.
#include "map_fixtures.h"
#include "temp_path.h"

#include "editor/core/editor_session.h"
#include "editor/core/forum_view.h"
#include "editor/core/map_editor.h"
#include "forum/discussion.h"

#include "model/core/error.h"
#include "model/store/workspace.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>
#include <memory>
#include <optional>
#include <string>

using namespace strawman;
using namespace strawman::editor;
using model::ThreadAnchor;

namespace {

// Sets the local time zone for one test and puts the old one back.
class LocalZone {
  public:
    explicit LocalZone(const char* zone) {
        if (const char* old = std::getenv("TZ")) m_old = old;
        setenv("TZ", zone, 1);
        tzset();
    }
    ~LocalZone() {
        if (m_old)
            setenv("TZ", m_old->c_str(), 1);
        else
            unsetenv("TZ");
        tzset();
    }
    LocalZone(const LocalZone&) = delete;
    LocalZone& operator=(const LocalZone&) = delete;

  private:
    std::optional<std::string> m_old;
};

// A network with two members and the CT pathway, threads on the map, on
// `vet` (two) and on the arrow vet -> accepted, opened in an editor.
struct Forum {
    test::TempDir dir;
    std::filesystem::path path = dir.file("network.strawman");
    model::MapId map;
    model::Member tom, ada;
    model::ThreadId onMap, onVet, onVetAgain, onArrow;
    std::unique_ptr<EditorSession> session;
    std::unique_ptr<MapEditor> editor;

    Forum() {
        auto ws = model::Workspace::create(path);
        const auto rwf = ws.addTrust("RWF", "Maidstone");
        tom = {ws.addMember("Tom Hughes", rwf, model::Role::ForumMember), "Tom Hughes", rwf,
               model::Role::ForumMember};
        ada = {ws.addMember("Ada Byrne", rwf, model::Role::Lead), "Ada Byrne", rwf,
               model::Role::Lead};
        const auto ct = ws.addProcess("CT outpatient");
        map = ws.createMap(ct, rwf, "CT (RWF)", test::ctPathway());
        onMap =
            forum::startThread(ws, anchorOf(map, {}), ada, "Is this the pathway we agreed?").thread;
        onVet = forum::startThread(ws, anchorOf(map, {ForumPlace::Kind::Node, "vet", {}}), tom,
                                   "Vetting   takes two days\nat Maidstone, longer at weekends")
                    .thread;
        onVetAgain = forum::startThread(ws, anchorOf(map, {ForumPlace::Kind::Node, "vet", {}}), ada,
                                        "Who vets?")
                         .thread;
        onArrow = forum::startThread(ws, anchorOf(map, {ForumPlace::Kind::Edge, "vet", "accepted"}),
                                     tom, "Rejections come back here")
                      .thread;
        session = std::make_unique<EditorSession>(model::Workspace::open(path));
        REQUIRE(session->select(map));
        editor = std::make_unique<MapEditor>(*session);
    }

    static std::vector<model::ThreadId> ids(const std::vector<ThreadRow>& rows) {
        std::vector<model::ThreadId> out;
        for (const ThreadRow& r : rows) out.push_back(r.id);
        return out;
    }
};

} // namespace

TEST_CASE("the Forum tab lists the map's threads, or those on the node or arrow selected") {
    Forum f;
    ForumView view;
    CHECK(view.refresh(*f.session));
    CHECK_FALSE(view.refresh(*f.session)); // nothing changed: not read again

    using V = std::vector<model::ThreadId>;
    CHECK(Forum::ids(view.rows(placeOf(f.editor->selection()))) ==
          V{f.onMap, f.onVet, f.onVetAgain, f.onArrow});
    f.editor->select({{"vet"}, {}});
    CHECK(Forum::ids(view.rows(placeOf(f.editor->selection()))) == V{f.onVet, f.onVetAgain});
    f.editor->select({{}, {{"vet", "accepted"}}});
    CHECK(Forum::ids(view.rows(placeOf(f.editor->selection()))) == V{f.onArrow});
    f.editor->select({{"rcv"}, {}});
    CHECK(view.rows(placeOf(f.editor->selection())).empty());
    // Two things selected name no one place: the map's threads.
    f.editor->select({{"rcv", "vet"}, {}});
    CHECK(placeOf(f.editor->selection()) == ForumPlace{});
}

TEST_CASE("a row says where the thread is, its opening words, who started it and its posts") {
    Forum f;
    ForumView view;
    view.refresh(*f.session);
    const std::vector<ThreadRow> rows = view.rows({});
    REQUIRE(rows.size() == 4);
    CHECK(rows[0].where == "the map");
    CHECK(rows[0].startedBy == "Ada Byrne");
    CHECK(rows[1].where == "vet"); // an activity with no label of its own: its key
    CHECK(rows[1].opening == "Vetting takes two days at Maidstone, longer at weekends");
    CHECK(rows[1].startedBy == "Tom Hughes");
    CHECK(rows[1].posts == 1);
    CHECK(rows[3].where == "vet \xE2\x86\x92 Justified?"); // the decision by its label
    CHECK_FALSE(rows[3].gone);
    CHECK(rows[3].lastPost.find(" 20") != std::string::npos); // "6 Dec 2026 14:05"
}

TEST_CASE("a speech bubble counts the threads on each node and arrow the map still has") {
    Forum f;
    ForumView view;
    view.refresh(*f.session);
    const auto& markers = view.markers();
    REQUIRE(markers.size() == 2);
    CHECK(markers[0].place == ForumPlace{ForumPlace::Kind::Node, "vet", {}});
    CHECK(markers[0].threads == 2);
    CHECK(markers[1].place == ForumPlace{ForumPlace::Kind::Edge, "vet", "accepted"});
    CHECK(markers[1].threads == 1);

    SUBCASE("a node deleted from the map keeps its threads, said to be deleted, and no bubble") {
        f.editor->select({{"vet"}, {}});
        f.editor->deleteSelection();
        CHECK(view.refresh(*f.session));
        CHECK(view.markers().empty());
        const std::vector<ThreadRow> rows = view.rows({});
        REQUIRE(rows.size() == 4);
        CHECK(rows[1].where == "vet (node deleted)");
        CHECK(rows[1].gone);
        CHECK(rows[3].where == "vet \xE2\x86\x92 accepted (arrow deleted)");
    }
}

TEST_CASE("a reply and a new thread name the member acted as in the audit record") {
    Forum f;
    ForumView view;
    view.refresh(*f.session);
    model::Workspace& ws = f.session->workspaceForWrite();
    const model::PostId reply = forum::reply(ws, f.onMap, f.tom, "It is, with vetting first");
    CHECK(ws.audit().entries().back().actor == "Tom Hughes");
    const model::ThreadId started =
        forum::startThread(ws, anchorOf(f.map, {ForumPlace::Kind::Node, "bkd", {}}), f.ada,
                           "Booking by phone?")
            .thread;
    CHECK(ws.audit().entries().back().actor == "Ada Byrne");
    forum::editPost(ws, reply, f.tom, "It is, with vetting first (agreed in March)");

    view.invalidate();
    CHECK(view.refresh(*f.session));
    const std::vector<PostRow> posts = view.posts(ws, f.onMap);
    REQUIRE(posts.size() == 2);
    CHECK(posts[1].author == "Tom Hughes");
    CHECK(posts[1].text == "It is, with vetting first (agreed in March)");
    CHECK(posts[1].edited);
    CHECK_FALSE(posts[0].edited);
    CHECK(view.rows({ForumPlace::Kind::Node, "bkd", {}}).front().id == started);

    // Refused by the store: nothing written, the reason as an error.
    CHECK_THROWS_AS(forum::reply(ws, f.onMap, f.tom, ""), model::Error);
    CHECK_THROWS_AS(forum::editPost(ws, reply, f.ada, "not hers to edit"), model::Error);
    CHECK_THROWS_AS(view.thread(ws, model::ThreadId(999)), model::Error);
}

TEST_CASE("opening words, times and members as the Forum tab words them") {
    CHECK(openingWords("short") == "short");
    CHECK(openingWords("  line one\n\nline two  ") == "line one line two");
    CHECK(openingWords("the quick brown fox jumps", 12) == "the quick\xE2\x80\xA6");
    CHECK(openingWords(std::string(30, 'x'), 10) == std::string(10, 'x') + "\xE2\x80\xA6");
    {
        // Times are shown on the reader's clock: London's, an hour on in summer.
        const LocalZone london("Europe/London");
        CHECK(postTime("2026-12-06T14:05:09Z") == "6 Dec 2026 14:05");
        CHECK(postTime("2026-06-06T14:05:09Z") == "6 Jun 2026 15:05");
        CHECK(postTime("2026-03-29T00:59:00Z") == "29 Mar 2026 00:59"); // the hour before BST
        CHECK(postTime("2026-03-29T01:00:00Z") == "29 Mar 2026 02:00");
        CHECK(postTime("2026-01-31T23:30:00Z") == "31 Jan 2026 23:30");
    }
    CHECK(postTime("yesterday") == "yesterday");
    CHECK(postTime("2026-13-01T00:00:00Z") == "2026-13-01T00:00:00Z");
    model::Member m;
    m.name = "Tom Hughes";
    m.role = model::Role::ForumMember;
    CHECK(memberText(m) == "Tom Hughes (" + model::toText(model::Role::ForumMember) + ")");
}
