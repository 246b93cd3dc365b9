// The demo network's forum: threads on the CT maps, the vetting-time standard
// the five trusts agreed, and a proposal still open for votes, so a new user
// sees the forum in use (README, "Forum").
#pragma once

#include "model/store/workspace.h"

namespace strawman::cli {

void addDemoForum(model::Workspace& ws);

} // namespace strawman::cli
