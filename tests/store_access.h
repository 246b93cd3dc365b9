// For tests of the store only: the workspace's database, to look at the rows
// and triggers the store keeps (the file refuses changes to a published
// version; a failed import leaves no block). Everything else goes through the
// workspace's functions.
#pragma once

#include "model/store/database.h"
#include "model/store/workspace.h"

namespace strawman::model {

struct StoreAccess {
    static Database& database(const Workspace& ws) { return *ws.m_db; }
};

} // namespace strawman::model
