// Where the forum's threads and posts are kept (forum_records.h). Every change
// is one call, one transaction, with its audit entry (audit_log.h); the rules
// of who may do what are the forum's (forum/), checked before these calls.
#pragma once

#include "forum_records.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace strawman::model {

class AuditLog;
class Database;

class ForumStore {
  public:
    ForumStore(Database& db, AuditLog& audit) : m_db(db), m_audit(audit) {}
    ForumStore(const ForumStore&) = delete;
    ForumStore& operator=(const ForumStore&) = delete;

    struct Started {
        ThreadId thread;
        PostId post;
    };
    // A new thread on `anchor` with its first post. Throws Error for an unknown
    // member, process or map, or empty text.
    Started startThread(const ThreadAnchor& anchor, MemberId author, std::string_view text);
    PostId reply(ThreadId thread, MemberId author, std::string_view text);
    // A new text for a post; the earlier ones are kept. Only its author edits it.
    void editPost(PostId post, MemberId editor, std::string_view text);

    // Threads in the order they were started; with an anchor, only those on
    // it (on a map: also those on its nodes and arrows).
    std::vector<ThreadRecord> threads(const std::optional<ThreadAnchor>& on = std::nullopt) const;
    ThreadRecord thread(ThreadId id) const; // throws Error for an unknown id
    std::vector<PostRecord> posts(ThreadId thread) const;

  private:
    PostId addPost(ThreadId thread, MemberId author, std::string_view text);

    Database& m_db;
    AuditLog& m_audit;
};

} // namespace strawman::model
