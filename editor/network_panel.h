// The "Network" panel: the tree of trusts -> processes -> maps, with network-wide
// maps under their own "Network" node. Clicking a map asks for it to be shown.
#pragma once

#include "editor_session.h"
#include "fonts.h"

#include <optional>

namespace strawman::editor {

// Draws into the current ImGui window; returns the map the user clicked, if any.
std::optional<model::MapId> drawNetworkPanel(const EditorSession& session, const Fonts& fonts);

} // namespace strawman::editor
