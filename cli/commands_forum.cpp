// strawman forum post | reply | edit | list | show
#include "commands.h"

#include "forum/discussion.h"
#include "forum/threads.h"
#include "model/store/workspace.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <map>

namespace strawman::cli {

using model::Workspace;
using nlohmann::json;

namespace {

struct ForumArgs {
    std::string ws, on, as, text;
    std::int64_t id = 0; // a thread or a post
    bool json = false;
};

CLI::App* withText(CLI::App* cmd, ForumArgs& a) {
    cmd->add_option("--as", a.as, "The member writing, by name or id")->required();
    cmd->add_option("TEXT", a.text, "What to say")->required();
    cmd->add_flag("--json", a.json, "Print JSON");
    return cmd;
}

// [SECTION] forum post | reply | edit

int runPost(const ForumArgs& a) {
    auto ws = Workspace::open(a.ws);
    const model::ThreadAnchor on = forum::parseAnchor(ws, a.on);
    const auto started = forum::startThread(ws, on, forum::memberNamed(ws, a.as), a.text);
    if (a.json)
        std::cout << json{{"thread", started.thread.value}, {"post", started.post.value}}.dump(2)
                  << "\n";
    else
        std::cout << started.thread.value << "\tthread on " << forum::anchorText(ws, on)
                  << ", post " << started.post.value << "\n";
    return 0;
}

int runReply(const ForumArgs& a) {
    auto ws = Workspace::open(a.ws);
    const model::PostId post =
        forum::reply(ws, model::ThreadId{a.id}, forum::memberNamed(ws, a.as), a.text);
    if (a.json)
        std::cout << json{{"thread", a.id}, {"post", post.value}}.dump(2) << "\n";
    else
        std::cout << post.value << "\tpost in thread " << a.id << "\n";
    return 0;
}

int runEdit(const ForumArgs& a) {
    auto ws = Workspace::open(a.ws);
    forum::editPost(ws, model::PostId{a.id}, forum::memberNamed(ws, a.as), a.text);
    if (a.json)
        std::cout << json{{"post", a.id}}.dump(2) << "\n";
    else
        std::cout << a.id << "\tpost edited; its earlier text is kept\n";
    return 0;
}

void addWritingCommands(CLI::App& forumCommand, Invocation& inv) {
    auto post = std::make_shared<ForumArgs>();
    auto* p = forumCommand.add_subcommand("post", "Start a thread with its first post");
    p->add_option("WORKSPACE", post->ws, "Workspace file")->required();
    p->add_option("--on", post->on, "network, process:NAME, map:N, node:N:KEY or edge:N:FROM:TO")
        ->required();
    withText(p, *post);
    p->callback([&inv, post] { inv.run = [post] { return runPost(*post); }; });

    auto reply = std::make_shared<ForumArgs>();
    auto* r = forumCommand.add_subcommand("reply", "Add a post to a thread");
    r->add_option("WORKSPACE", reply->ws, "Workspace file")->required();
    r->add_option("THREAD", reply->id, "Thread id")->required();
    withText(r, *reply);
    r->callback([&inv, reply] { inv.run = [reply] { return runReply(*reply); }; });

    auto edit = std::make_shared<ForumArgs>();
    auto* e = forumCommand.add_subcommand("edit", "Give a post new text (its author only)");
    e->add_option("WORKSPACE", edit->ws, "Workspace file")->required();
    e->add_option("POST", edit->id, "Post id")->required();
    withText(e, *edit);
    e->callback([&inv, edit] { inv.run = [edit] { return runEdit(*edit); }; });
}

// [SECTION] forum list | show

json threadJson(const Workspace& ws, const model::ThreadRecord& t,
                const forum::MemberNames& names) {
    return {{"id", t.id.value},
            {"on", forum::anchorText(ws, t.anchor)},
            {"anchor_gone", forum::anchorGone(ws, t.anchor)},
            {"posts", t.posts},
            {"started_by", names(t.startedBy)},
            {"started_at", t.startedAt},
            {"last_post_at", t.lastPostAt}};
}

int runList(const ForumArgs& a) {
    const auto ws = Workspace::open(a.ws);
    const forum::MemberNames names(ws);
    const auto on = a.on.empty() ? std::nullopt : std::optional(forum::parseAnchor(ws, a.on));
    const auto reader = a.as.empty() ? std::nullopt : std::optional(forum::memberNamed(ws, a.as));
    json out = json::array();
    for (const model::ThreadRecord& t : ws.forum().threads(on)) {
        json row = threadJson(ws, t, names);
        model::ReadState read;
        if (reader) {
            read = ws.forum().readState(t.id, reader->id);
            row["unread"] = read.unread;
            row["mentions_unread"] = read.mentions;
        }
        if (a.json) {
            out.push_back(row);
            continue;
        }
        std::cout << t.id.value << "\t" << row["on"].get<std::string>()
                  << (row["anchor_gone"] == true ? " (deleted from the map)" : "") << "\t"
                  << t.posts << (t.posts == 1 ? " post" : " posts") << "\tstarted by "
                  << row["started_by"].get<std::string>() << ", last " << t.lastPostAt;
        if (read.unread > 0) std::cout << "\t" << read.unread << " unread";
        if (read.mentions > 0) std::cout << ", " << read.mentions << " mentioning you";
        std::cout << "\n";
    }
    if (a.json) std::cout << out.dump(2) << "\n";
    return 0;
}

int runShow(const ForumArgs& a) {
    auto ws = Workspace::open(a.ws);
    const forum::MemberNames names(ws);
    const model::ThreadRecord t = ws.forum().thread(model::ThreadId{a.id});
    json out = threadJson(ws, t, names);
    json posts = json::array();
    // Shown to a member, the thread is read.
    const auto shown = a.as.empty() ? ws.forum().posts(t.id)
                                    : forum::readThread(ws, t.id, forum::memberNamed(ws, a.as));
    for (const model::PostRecord& p : shown) {
        json mentions = json::array();
        for (model::MemberId m : p.mentions) mentions.push_back(names(m));
        json texts = json::array();
        for (const model::PostText& x : p.texts)
            texts.push_back({{"text", x.text}, {"written_at", x.writtenAt}});
        posts.push_back({{"id", p.id.value},
                         {"author", names(p.author)},
                         {"at", p.at},
                         {"text", p.texts.back().text},
                         {"edited", p.texts.size() > 1},
                         {"mentions", mentions},
                         {"texts", texts}});
    }
    out["posts"] = posts;
    if (a.json) {
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::cout << "Thread " << t.id.value << " on " << out["on"].get<std::string>()
              << (out["anchor_gone"] == true ? " (deleted from the map since)" : "") << "\n";
    for (const json& p : posts)
        std::cout << "\n#" << p["id"].get<std::int64_t>() << "  " << p["author"].get<std::string>()
                  << ", " << p["at"].get<std::string>() << (p["edited"] == true ? " (edited)" : "")
                  << "\n"
                  << p["text"].get<std::string>() << "\n";
    return 0;
}

void addReadingCommands(CLI::App& forumCommand, Invocation& inv) {
    auto list = std::make_shared<ForumArgs>();
    auto* l = forumCommand.add_subcommand("list", "List the threads, or those on one place");
    l->add_option("WORKSPACE", list->ws, "Workspace file")->required();
    l->add_option("--on", list->on, "Only threads on this place (as forum post takes it)");
    l->add_option("--as", list->as, "Count what this member has not read (by name or id)");
    l->add_flag("--json", list->json, "Print JSON");
    l->callback([&inv, list] { inv.run = [list] { return runList(*list); }; });

    auto show = std::make_shared<ForumArgs>();
    auto* s = forumCommand.add_subcommand("show", "A thread and its posts");
    s->add_option("WORKSPACE", show->ws, "Workspace file")->required();
    s->add_option("THREAD", show->id, "Thread id")->required();
    s->add_option("--as", show->as, "The member reading it: marks it read (by name or id)");
    s->add_flag("--json", show->json, "Print JSON");
    s->callback([&inv, show] { inv.run = [show] { return runShow(*show); }; });
}

} // namespace

void addForumCommands(CLI::App& app, Invocation& inv) {
    auto* forumCommand =
        app.add_subcommand("forum", "Threads on the network, a process, a map, a node or an arrow");
    forumCommand->require_subcommand(1);
    addWritingCommands(*forumCommand, inv);
    addReadingCommands(*forumCommand, inv);
}

} // namespace strawman::cli
