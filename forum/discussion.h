// What a member does in a thread, for the CLI and the editor alike: start one,
// reply, edit their post, read. Each finds the members a text mentions and
// names the member in the audit record before the store's door is called.
//
// A mention is "@" followed by a member's name as the network holds it
// ("@Tom Hughes", "@dr helen marsh": case does not matter), ending where the
// name ends and a letter or digit does not follow. Where two names fit ("@Ann"
// and "@Ann Lee"), the longer one is meant.
#pragma once

#include "model/store/workspace.h"

#include <string_view>
#include <vector>

namespace strawman::forum {

// The members `text` mentions, each once, in the order first mentioned.
std::vector<model::MemberId> mentionsIn(const std::vector<model::Member>& members,
                                        std::string_view text);

model::ForumStore::Started startThread(model::Workspace& ws, const model::ThreadAnchor& on,
                                       const model::Member& author, std::string_view text);
model::PostId reply(model::Workspace& ws, model::ThreadId thread, const model::Member& author,
                    std::string_view text);
void editPost(model::Workspace& ws, model::PostId post, const model::Member& editor,
              std::string_view text);

// The thread's posts, which the reader has now read.
std::vector<model::PostRecord> readThread(model::Workspace& ws, model::ThreadId thread,
                                          const model::Member& reader);

} // namespace strawman::forum
