// "Trusts": one process across the network, a row per trust with its data held
// against its own straw man (or against the shown map for every trust):
// cases, how many fit, fitness, and the steps departed from most. A row opens
// that trust's map. Each rule standard that applies to the process adds a
// column: the trust's value and whether it keeps the standard.
#pragma once

#include "editor/core/editor_session.h"
#include "editor/core/standards_view.h"
#include "fonts.h"
#include "notices.h"

#include "model/use_cases/trust_comparison.h"

#include <optional>
#include <vector>

namespace strawman::editor {

class ComparisonPanel {
  public:
    // Returns a map to open when a row was chosen.
    std::optional<model::MapId> draw(const EditorSession& session, const Fonts& fonts,
                                     Notices& notices, StandardsCache& standards);

    // Works the table out now for the shown map's process.
    void run(const EditorSession& session);

  private:
    std::optional<model::ProcessId> m_process;
    bool m_againstShown = false; // every trust against the shown map, not its own
    std::vector<model::TrustComparisonRow> m_rows;
};

} // namespace strawman::editor
