// "Standards": the network's agreed standards, each with what it adopted; a
// rule standard with a row per trust (its value, the limit, compliant or not
// in colour and in words, the share of cases within the limit, the cases
// counted) and the trend month by month as a small chart with the limit
// drawn across it. The checks come from StandardsCache, worked out off the UI
// thread; until they are done the panel says so.
//
// Also the pills other panels draw: a trust's standing, and the badge of a map
// whose version is an agreed standard.
#pragma once

#include "editor/core/editor_session.h"
#include "editor/core/standards_view.h"
#include "fonts.h"

#include <imgui.h>

#include <string>
#include <vector>

namespace strawman::editor {

class StandardsPanel {
  public:
    void draw(const EditorSession& session, const Fonts& fonts, StandardsCache& standards);

  private:
    void drawStandard(const EditorSession& session, const Fonts& fonts,
                      const StandardsCache& standards, const forum::StandardView& standard);
    static void drawChecks(const Fonts& fonts,
                           const std::vector<const forum::StandardCheck*>& rows);
};

// A trust's standing as a pill: a word on a fill that says it at a glance. As
// an ImGui item at the cursor.
void standingPill(const Fonts& fonts, Standing standing);

// The badge of a map standard (standards_view.h) as a pill with a border,
// green while the map shows the version agreed, amber once it has moved on. As
// an ImGui item at the cursor, `scale` times the panel's type.
void badgePill(const Fonts& fonts, const StandardBadge& badge, float scale = 1.0f);
// The width badgePill takes.
float badgePillWidth(const Fonts& fonts, const StandardBadge& badge, float scale = 1.0f);

// The months of a check as a line against the limit, a month that missed it
// marked by a dark red square, one that kept it by a pale green dot; the limit
// a dark line across; values from range.low at the foot to range.high at the
// top. As an ImGui item of `size` at the cursor; hovering names the month
// under the mouse.
void trendChart(const forum::StandardCheck& check, const TrendRange& range, ImVec2 size);

} // namespace strawman::editor
