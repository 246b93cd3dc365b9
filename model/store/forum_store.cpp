#include "forum_store.h"

#include "audit_log.h"
#include "database.h"
#include "model/core/clock.h"
#include "model/core/error.h"

#include <nlohmann/json.hpp>

namespace strawman::model {

namespace {

std::string_view kindName(ThreadAnchor::Kind kind) {
    switch (kind) {
    case ThreadAnchor::Kind::Network:
        return "network";
    case ThreadAnchor::Kind::Process:
        return "process";
    case ThreadAnchor::Kind::Map:
        return "map";
    case ThreadAnchor::Kind::Node:
        return "node";
    case ThreadAnchor::Kind::Edge:
        return "edge";
    }
    return "network";
}

ThreadAnchor::Kind kindNamed(const std::string& name) {
    for (auto k : {ThreadAnchor::Kind::Network, ThreadAnchor::Kind::Process,
                   ThreadAnchor::Kind::Map, ThreadAnchor::Kind::Node, ThreadAnchor::Kind::Edge})
        if (kindName(k) == name) return k;
    return ThreadAnchor::Kind::Network;
}

nlohmann::json anchorJson(const ThreadAnchor& a) {
    nlohmann::json j{{"on", kindName(a.kind)}};
    if (a.kind == ThreadAnchor::Kind::Process) j["process"] = a.process.value;
    if (a.kind >= ThreadAnchor::Kind::Map) j["map"] = a.map.value;
    if (a.kind >= ThreadAnchor::Kind::Node) j["node"] = a.node;
    if (a.kind == ThreadAnchor::Kind::Edge) j["to"] = a.to;
    return j;
}

void requireRow(Database& db, const char* table, std::int64_t id, const std::string& what) {
    auto s = db.prepare(std::string("SELECT 1 FROM ") + table + " WHERE id = :id");
    s.bind(":id", id);
    if (!s.step()) throw Error("no " + what + " with id " + std::to_string(id));
}

nlohmann::json mentionIds(const std::vector<MemberId>& mentions) {
    nlohmann::json ids = nlohmann::json::array();
    for (MemberId m : mentions) ids.push_back(m.value);
    return ids;
}

void requireText(std::string_view text) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw Error("a post needs some text");
}

constexpr std::string_view kThreadSql = R"sql(
SELECT t.id, t.anchor_kind, coalesce(t.process_id, 0), coalesce(t.map_id, 0), t.node_key,
       t.edge_to, t.started_by, t.started_at,
       (SELECT count(*) FROM post p WHERE p.thread_id = t.id),
       (SELECT max(p.created_at) FROM post p WHERE p.thread_id = t.id)
FROM thread t
)sql";

ThreadRecord readThread(const Statement& s) {
    ThreadRecord t;
    t.id = ThreadId{s.integer(0)};
    t.anchor.kind = kindNamed(s.text(1));
    t.anchor.process = ProcessId{s.integer(2)};
    t.anchor.map = MapId{s.integer(3)};
    t.anchor.node = s.text(4);
    t.anchor.to = s.text(5);
    t.startedBy = MemberId{s.integer(6)};
    t.startedAt = s.text(7);
    t.posts = s.integer(8);
    t.lastPostAt = s.text(9);
    return t;
}

} // namespace

PostId ForumStore::addPost(ThreadId thread, MemberId author, std::string_view text) {
    const std::string now = nowUtc();
    m_db.prepare("INSERT INTO post(thread_id, author, created_at) VALUES(:t, :a, :at)")
        .bind(":t", thread.value)
        .bind(":a", author.value)
        .bind(":at", now)
        .run();
    const PostId id{m_db.lastInsertId()};
    m_db.prepare("INSERT INTO post_text(post_id, version, text, written_at) "
                 "VALUES(:p, 1, :text, :at)")
        .bind(":p", id.value)
        .bind(":text", text)
        .bind(":at", now)
        .run();
    return id;
}

void ForumStore::setMentions(PostId post, const std::vector<MemberId>& mentions) {
    m_db.prepare("DELETE FROM post_mention WHERE post_id = :p").bind(":p", post.value).run();
    for (MemberId m : mentions) {
        requireRow(m_db, "member", m.value, "member");
        m_db.prepare("INSERT OR IGNORE INTO post_mention(post_id, member_id) VALUES(:p, :m)")
            .bind(":p", post.value)
            .bind(":m", m.value)
            .run();
    }
}

ForumStore::Started ForumStore::startThread(const ThreadAnchor& anchor, MemberId author,
                                            std::string_view text,
                                            const std::vector<MemberId>& mentions) {
    requireText(text);
    requireRow(m_db, "member", author.value, "member");
    if (anchor.kind == ThreadAnchor::Kind::Process)
        requireRow(m_db, "process", anchor.process.value, "process");
    if (anchor.kind >= ThreadAnchor::Kind::Map) requireRow(m_db, "map", anchor.map.value, "map");
    if (anchor.kind >= ThreadAnchor::Kind::Node && anchor.node.empty())
        throw Error("a thread on a node or an arrow names its key");
    Database::Transaction tx(m_db);
    m_db.prepare("INSERT INTO thread(anchor_kind, process_id, map_id, node_key, edge_to, "
                 "started_by, started_at) VALUES(:kind, :process, :map, :node, :to, :by, :at)")
        .bind(":kind", kindName(anchor.kind))
        .bind(":process", anchor.kind == ThreadAnchor::Kind::Process
                              ? std::optional(anchor.process.value)
                              : std::nullopt)
        .bind(":map", anchor.kind >= ThreadAnchor::Kind::Map ? std::optional(anchor.map.value)
                                                             : std::nullopt)
        .bind(":node", anchor.node)
        .bind(":to", anchor.to)
        .bind(":by", author.value)
        .bind(":at", nowUtc())
        .run();
    const ThreadId thread{m_db.lastInsertId()};
    const PostId post = addPost(thread, author, text);
    setMentions(post, mentions);
    nlohmann::json detail = anchorJson(anchor);
    detail["thread"] = thread.value;
    detail["post"] = post.value;
    detail["text"] = text;
    if (!mentions.empty()) detail["mentions"] = mentionIds(mentions);
    m_audit.append("thread started", detail.dump());
    tx.commit();
    return {thread, post};
}

PostId ForumStore::reply(ThreadId thread, MemberId author, std::string_view text,
                         const std::vector<MemberId>& mentions) {
    requireText(text);
    requireRow(m_db, "thread", thread.value, "thread");
    requireRow(m_db, "member", author.value, "member");
    Database::Transaction tx(m_db);
    const PostId post = addPost(thread, author, text);
    setMentions(post, mentions);
    nlohmann::json detail{{"thread", thread.value}, {"post", post.value}, {"text", text}};
    if (!mentions.empty()) detail["mentions"] = mentionIds(mentions);
    m_audit.append("post added", detail.dump());
    tx.commit();
    return post;
}

void ForumStore::editPost(PostId post, MemberId editor, std::string_view text,
                          const std::vector<MemberId>& mentions) {
    requireText(text);
    auto s = m_db.prepare("SELECT author, (SELECT max(version) FROM post_text WHERE post_id = "
                          ":id) FROM post WHERE id = :id");
    s.bind(":id", post.value);
    if (!s.step()) throw Error("no post with id " + std::to_string(post.value));
    if (MemberId{s.integer(0)} != editor) throw Error("only its author edits a post");
    const std::int64_t version = s.integer(1) + 1;
    Database::Transaction tx(m_db);
    m_db.prepare("INSERT INTO post_text(post_id, version, text, written_at) "
                 "VALUES(:p, :v, :text, :at)")
        .bind(":p", post.value)
        .bind(":v", version)
        .bind(":text", text)
        .bind(":at", nowUtc())
        .run();
    setMentions(post, mentions);
    nlohmann::json detail{{"post", post.value}, {"version", version}, {"text", text}};
    if (!mentions.empty()) detail["mentions"] = mentionIds(mentions);
    m_audit.append("post edited", detail.dump());
    tx.commit();
}

std::vector<ThreadRecord> ForumStore::threads(const std::optional<ThreadAnchor>& on) const {
    std::vector<ThreadRecord> out;
    auto s = m_db.prepare(std::string(kThreadSql) + " ORDER BY t.id");
    while (s.step()) {
        ThreadRecord t = readThread(s);
        // On a map: its own threads and those on its nodes and arrows.
        const bool onTheMap = on && on->kind == ThreadAnchor::Kind::Map &&
                              t.anchor.kind >= ThreadAnchor::Kind::Map && t.anchor.map == on->map;
        if (!on || t.anchor == *on || onTheMap) out.push_back(std::move(t));
    }
    return out;
}

ThreadRecord ForumStore::thread(ThreadId id) const {
    auto s = m_db.prepare(std::string(kThreadSql) + " WHERE t.id = :id");
    s.bind(":id", id.value);
    if (!s.step()) throw Error("no thread with id " + std::to_string(id.value));
    return readThread(s);
}

std::vector<PostRecord> ForumStore::posts(ThreadId thread) const {
    std::vector<PostRecord> out;
    auto s = m_db.prepare("SELECT p.id, p.author, p.created_at, x.text, x.written_at FROM post p "
                          "JOIN post_text x ON x.post_id = p.id WHERE p.thread_id = :t "
                          "ORDER BY p.id, x.version");
    s.bind(":t", thread.value);
    while (s.step()) {
        const PostId id{s.integer(0)};
        if (out.empty() || out.back().id != id)
            out.push_back({id, thread, MemberId{s.integer(1)}, s.text(2), {}, {}});
        out.back().texts.push_back({s.text(3), s.text(4)});
    }
    auto m = m_db.prepare("SELECT m.post_id, m.member_id FROM post_mention m JOIN post p ON "
                          "p.id = m.post_id WHERE p.thread_id = :t ORDER BY m.member_id");
    m.bind(":t", thread.value);
    while (m.step())
        for (PostRecord& p : out)
            if (p.id == PostId{m.integer(0)}) p.mentions.push_back(MemberId{m.integer(1)});
    return out;
}

void ForumStore::markRead(ThreadId thread, MemberId reader) {
    requireRow(m_db, "thread", thread.value, "thread");
    requireRow(m_db, "member", reader.value, "member");
    // Reading changes no one's record: a read mark has no audit entry.
    m_db.prepare("INSERT INTO thread_read(member_id, thread_id, last_post_id) "
                 "SELECT :m, :t, coalesce(max(id), 0) FROM post WHERE thread_id = :t "
                 "ON CONFLICT(member_id, thread_id) DO UPDATE SET last_post_id = "
                 "excluded.last_post_id")
        .bind(":m", reader.value)
        .bind(":t", thread.value)
        .run();
}

ReadState ForumStore::readState(ThreadId thread, MemberId reader) const {
    auto s = m_db.prepare(R"sql(
SELECT count(*),
       coalesce(sum(EXISTS(SELECT 1 FROM post_mention m
                           WHERE m.post_id = p.id AND m.member_id = :m)), 0)
FROM post p
WHERE p.thread_id = :t AND p.author != :m
  AND p.id > coalesce((SELECT last_post_id FROM thread_read r
                       WHERE r.member_id = :m AND r.thread_id = :t), 0)
)sql");
    s.bind(":m", reader.value).bind(":t", thread.value);
    s.step();
    return {s.integer(0), s.integer(1)};
}

} // namespace strawman::model
