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
    // A new thread on `anchor` with its first post, which mentions `mentions`
    // (forum/discussion.h finds them in the text). Throws Error for an unknown
    // member, process or map, or empty text.
    Started startThread(const ThreadAnchor& anchor, MemberId author, std::string_view text,
                        const std::vector<MemberId>& mentions = {});
    PostId reply(ThreadId thread, MemberId author, std::string_view text,
                 const std::vector<MemberId>& mentions = {});
    // A new text for a post, mentioning `mentions` in place of those the last
    // text did; the earlier texts are kept. Only its author edits it.
    void editPost(PostId post, MemberId editor, std::string_view text,
                  const std::vector<MemberId>& mentions = {});
    // The member has read the thread up to its last post. A member's own posts
    // count as read.
    void markRead(ThreadId thread, MemberId reader);

    // Threads in the order they were started; with an anchor, only those on
    // it (on a map: also those on its nodes and arrows).
    std::vector<ThreadRecord> threads(const std::optional<ThreadAnchor>& on = std::nullopt) const;
    ThreadRecord thread(ThreadId id) const; // throws Error for an unknown id
    std::vector<PostRecord> posts(ThreadId thread) const;
    ReadState readState(ThreadId thread, MemberId reader) const;

  private:
    PostId addPost(ThreadId thread, MemberId author, std::string_view text);
    void setMentions(PostId post, const std::vector<MemberId>& mentions);

    Database& m_db;
    AuditLog& m_audit;
};

} // namespace strawman::model
