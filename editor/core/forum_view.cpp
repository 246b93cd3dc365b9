#include "forum_view.h"

#include "editor_session.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace strawman::editor {

using model::ThreadAnchor;

namespace {

const model::Node* nodeOf(const model::MapContent& map, const std::string& key) {
    return map.findNodeByKey(key);
}

bool hasArrow(const model::MapContent& map, const std::string& from, const std::string& to) {
    const model::Node* a = nodeOf(map, from);
    const model::Node* b = nodeOf(map, to);
    if (!a || !b) return false;
    return std::any_of(map.edges.begin(), map.edges.end(),
                       [&](const model::Edge& e) { return e.from == a->id && e.to == b->id; });
}

// A node as a row names it: its label on one line, else its key.
std::string nodeName(const model::MapContent& map, const std::string& key) {
    const model::Node* n = nodeOf(map, key);
    if (!n || n->label.empty()) return key;
    std::string label = n->label;
    std::replace(label.begin(), label.end(), '\n', ' ');
    return label;
}

bool gone(const model::MapContent& map, const ThreadAnchor& a) {
    if (a.kind == ThreadAnchor::Kind::Node) return !nodeOf(map, a.node);
    if (a.kind == ThreadAnchor::Kind::Edge) return !hasArrow(map, a.node, a.to);
    return false;
}

constexpr const char* kArrow = " \xE2\x86\x92 "; // →

} // namespace

// [SECTION] Places

ForumPlace placeOf(const Selection& selection) {
    if (selection.nodes.size() == 1 && selection.edges.empty())
        return {ForumPlace::Kind::Node, selection.nodes.front(), {}};
    if (selection.edges.size() == 1 && selection.nodes.empty())
        return {ForumPlace::Kind::Edge, selection.edges.front().from, selection.edges.front().to};
    return {};
}

ForumPlace placeOf(const ThreadAnchor& anchor) {
    if (anchor.kind == ThreadAnchor::Kind::Node) return {ForumPlace::Kind::Node, anchor.node, {}};
    if (anchor.kind == ThreadAnchor::Kind::Edge)
        return {ForumPlace::Kind::Edge, anchor.node, anchor.to};
    return {};
}

Selection selectionOf(const model::MapContent& map, const ForumPlace& place) {
    Selection s;
    if (place.kind == ForumPlace::Kind::Node && nodeOf(map, place.node)) s.nodes = {place.node};
    if (place.kind == ForumPlace::Kind::Edge && hasArrow(map, place.node, place.to))
        s.edges = {{place.node, place.to}};
    return s;
}

ThreadAnchor anchorOf(model::MapId map, const ForumPlace& place) {
    ThreadAnchor a;
    a.map = map;
    a.kind = place.kind == ForumPlace::Kind::Node   ? ThreadAnchor::Kind::Node
             : place.kind == ForumPlace::Kind::Edge ? ThreadAnchor::Kind::Edge
                                                    : ThreadAnchor::Kind::Map;
    if (place.kind != ForumPlace::Kind::Map) a.node = place.node;
    if (place.kind == ForumPlace::Kind::Edge) a.to = place.to;
    return a;
}

// [SECTION] Words

std::string placeText(const model::MapContent& map, const ThreadAnchor& a) {
    switch (a.kind) {
    case ThreadAnchor::Kind::Network:
        return "the network";
    case ThreadAnchor::Kind::Process:
        return "the process";
    case ThreadAnchor::Kind::Map:
        return "the map";
    case ThreadAnchor::Kind::Node:
        return gone(map, a) ? a.node + " (node deleted)" : nodeName(map, a.node);
    case ThreadAnchor::Kind::Edge:
        if (gone(map, a)) return a.node + kArrow + a.to + " (arrow deleted)";
        return nodeName(map, a.node) + kArrow + nodeName(map, a.to);
    }
    return "the map";
}

std::string openingWords(std::string_view text, std::size_t maxChars) {
    // One line: runs of white space, line breaks among them, become one space.
    std::string flat;
    for (const char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
        if (space) {
            if (!flat.empty() && flat.back() != ' ') flat += ' ';
        } else {
            flat += c;
        }
    }
    while (!flat.empty() && flat.back() == ' ') flat.pop_back();
    if (flat.size() <= maxChars) return flat;
    std::size_t cut = flat.rfind(' ', maxChars);
    if (cut == std::string::npos || cut < maxChars / 2) {
        // One long word: cut it, but never inside a UTF-8 character.
        cut = maxChars;
        while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) --cut;
    }
    return flat.substr(0, cut) + "\xE2\x80\xA6"; // …
}

std::string postTime(std::string_view utc) {
    std::tm t{};
    const std::string text(utc);
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &t.tm_year, &t.tm_mon, &t.tm_mday,
                    &t.tm_hour, &t.tm_min, &t.tm_sec) != 6 ||
        t.tm_mon < 1 || t.tm_mon > 12)
        return text;
    t.tm_year -= 1900;
    t.tm_mon -= 1;
    // The store keeps UTC; the reader sees their own clock's time, as the
    // status bar's "saved" does (British Summer Time is an hour on from UTC).
    const std::time_t when = timegm(&t);
    std::tm local{};
    if (when == static_cast<std::time_t>(-1) || !localtime_r(&when, &local)) return text;
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char out[40];
    std::snprintf(out, sizeof out, "%d %s %d %02d:%02d", local.tm_mday, kMonths[local.tm_mon],
                  local.tm_year + 1900, local.tm_hour, local.tm_min);
    return out;
}

std::string memberText(const model::Member& member) {
    return member.name + " (" + model::toText(member.role) + ")";
}

// [SECTION] The map's threads

bool ForumView::refresh(const EditorSession& session) {
    const model::MapSummary* shown = session.selected();
    const std::optional<model::MapId> map =
        shown ? std::optional(shown->id) : std::optional<model::MapId>();
    if (!m_stale && map == m_map && m_seenWorkspace == session.workspaceRevision() &&
        m_seenContent == session.contentRevision())
        return false;
    m_stale = false;
    m_map = map;
    m_seenWorkspace = session.workspaceRevision();
    m_seenContent = session.contentRevision();
    ++m_revision;

    // Emptied first: a read that fails leaves nothing stale, and is not tried
    // again until something changes.
    m_members.clear();
    m_names.clear();
    m_rows.clear();
    m_markers.clear();
    const model::Workspace& ws = session.workspace();
    m_members = ws.members();
    for (const model::Member& m : m_members) m_names[m.id] = m.name;
    if (!map) return true;
    ThreadAnchor on;
    on.kind = ThreadAnchor::Kind::Map;
    on.map = *map;
    const model::MapContent& content = session.content();
    for (const model::ThreadRecord& t : ws.forum().threads(on)) {
        ThreadRow row = rowOf(ws, t);
        row.where = placeText(content, t.anchor);
        row.gone = gone(content, t.anchor);
        if (!row.gone && row.place.kind != ForumPlace::Kind::Map) {
            auto it = std::find_if(m_markers.begin(), m_markers.end(),
                                   [&](const ForumMarker& m) { return m.place == row.place; });
            if (it == m_markers.end())
                m_markers.push_back({row.place, 1});
            else
                ++it->threads;
        }
        m_rows.push_back(std::move(row));
    }
    return true;
}

const model::Member* ForumView::member(model::MemberId id) const {
    for (const model::Member& m : m_members)
        if (m.id == id) return &m;
    return nullptr;
}

std::vector<ThreadRow> ForumView::rows(const ForumPlace& place) const {
    if (place.kind == ForumPlace::Kind::Map) return m_rows;
    std::vector<ThreadRow> out;
    for (const ThreadRow& r : m_rows)
        if (r.place == place) out.push_back(r);
    return out;
}

ThreadRow ForumView::rowOf(const model::Workspace& ws, const model::ThreadRecord& t) const {
    ThreadRow row;
    row.id = t.id;
    row.place = placeOf(t.anchor);
    const auto name = m_names.find(t.startedBy);
    row.startedBy =
        name == m_names.end() ? "member " + std::to_string(t.startedBy.value) : name->second;
    row.posts = t.posts;
    row.lastPost = postTime(t.lastPostAt);
    if (m_reader) {
        const model::ReadState read = ws.forum().readState(t.id, *m_reader);
        row.unread = read.unread;
        row.mentionsUnread = read.mentions;
    }
    const std::vector<model::PostRecord> posts = ws.forum().posts(t.id);
    if (!posts.empty() && !posts.front().texts.empty())
        row.opening = openingWords(posts.front().texts.back().text);
    return row;
}

ThreadRow ForumView::thread(const model::Workspace& ws, model::ThreadId id) const {
    const auto it =
        std::find_if(m_rows.begin(), m_rows.end(), [&](const ThreadRow& r) { return r.id == id; });
    if (it != m_rows.end()) return *it;
    // A thread on another map, or on no map: named by the anchor's own text.
    const model::ThreadRecord t = ws.forum().thread(id);
    ThreadRow row = rowOf(ws, t);
    row.where = placeText(t.anchor.kind == ThreadAnchor::Kind::Node ||
                                  t.anchor.kind == ThreadAnchor::Kind::Edge
                              ? ws.content(t.anchor.map)
                              : model::MapContent{},
                          t.anchor);
    return row;
}

std::vector<PostRow> ForumView::posts(const model::Workspace& ws, model::ThreadId id) const {
    std::vector<PostRow> out;
    for (const model::PostRecord& p : ws.forum().posts(id)) {
        PostRow row;
        row.id = p.id;
        row.authorId = p.author;
        const auto name = m_names.find(p.author);
        row.author =
            name == m_names.end() ? "member " + std::to_string(p.author.value) : name->second;
        row.at = postTime(p.at);
        row.text = p.texts.empty() ? std::string() : p.texts.back().text;
        row.edited = p.texts.size() > 1;
        out.push_back(std::move(row));
    }
    return out;
}

// [SECTION] Writing

} // namespace strawman::editor
