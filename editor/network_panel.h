// The "Network" panel: the tree of trusts -> processes -> maps, with network-wide
// maps under their own "Network" node. Clicking a map shows it on the canvas.
#pragma once

#include "editor_session.h"
#include "fonts.h"

namespace strawman::editor {

// Draws into the current ImGui window.
void drawNetworkPanel(EditorSession& session, const Fonts& fonts);

} // namespace strawman::editor
