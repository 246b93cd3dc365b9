#include "discussion.h"

#include <algorithm>
#include <cctype>

namespace strawman::forum {

namespace {

char lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

bool startsWithName(std::string_view text, std::string_view name) {
    if (name.empty() || text.size() < name.size()) return false;
    for (std::size_t i = 0; i < name.size(); ++i)
        if (lower(text[i]) != lower(name[i])) return false;
    // "@Tom Hughes2" is not Tom Hughes.
    return text.size() == name.size() ||
           !std::isalnum(static_cast<unsigned char>(text[name.size()]));
}

} // namespace

std::vector<model::MemberId> mentionsIn(const std::vector<model::Member>& members,
                                        std::string_view text) {
    std::vector<model::MemberId> found;
    for (std::size_t at = text.find('@'); at != std::string_view::npos;
         at = text.find('@', at + 1)) {
        const std::string_view rest = text.substr(at + 1);
        const model::Member* best = nullptr;
        for (const model::Member& m : members)
            if (startsWithName(rest, m.name) && (!best || m.name.size() > best->name.size()))
                best = &m;
        if (best && std::find(found.begin(), found.end(), best->id) == found.end())
            found.push_back(best->id);
    }
    return found;
}

model::ForumStore::Started startThread(model::Workspace& ws, const model::ThreadAnchor& on,
                                       const model::Member& author, std::string_view text) {
    ws.audit().actAs(author.name);
    return ws.forum().startThread(on, author.id, text, mentionsIn(ws.members(), text));
}

model::PostId reply(model::Workspace& ws, model::ThreadId thread, const model::Member& author,
                    std::string_view text) {
    ws.audit().actAs(author.name);
    return ws.forum().reply(thread, author.id, text, mentionsIn(ws.members(), text));
}

void editPost(model::Workspace& ws, model::PostId post, const model::Member& editor,
              std::string_view text) {
    ws.audit().actAs(editor.name);
    ws.forum().editPost(post, editor.id, text, mentionsIn(ws.members(), text));
}

std::vector<model::PostRecord> readThread(model::Workspace& ws, model::ThreadId thread,
                                          const model::Member& reader) {
    auto posts = ws.forum().posts(thread);
    ws.forum().markRead(thread, reader.id);
    return posts;
}

} // namespace strawman::forum
