// The trust's local code mapping, as a table of the Data panel: each local
// status code with the network activity it means (or "ignored"), the codes its
// imports met unmapped highlighted first, and a row to map one more. A change
// is saved at once and applies from the next import.
#pragma once

#include "editor/core/code_table.h"
#include "editor/core/editor_session.h"
#include "fonts.h"
#include "notices.h"

#include "model/maps/network.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace strawman::editor {

// What a local code is mapped to, as the activity combo offers it.
struct MappingTarget {
    enum class Kind { Unmapped, Ignored, Activity };
    Kind kind = Kind::Unmapped;
    std::string activity; // for Kind::Activity

    bool operator==(const MappingTarget&) const = default;
};

class CodeMappingTable {
  public:
    // Draws the trust's codes; `vocabulary` is the network's activities to map them to.
    void draw(const TrustData& data, const std::vector<model::Activity>& vocabulary,
              const Fonts& fonts);
    // Saves the mapping changed this frame, if any, after the panel is drawn.
    // Returns false when the panel must read the workspace again.
    bool carryOut(EditorSession& session, Notices& notices, model::TrustId trust);

  private:
    // A mapping the user asked for while the table was drawn.
    struct Change {
        std::string localCode;
        MappingTarget target;
    };

    void drawSummary(const std::vector<CodeRow>& codes, const Fonts& fonts);
    void drawTable(const std::vector<CodeRow>& codes,
                   const std::vector<model::Activity>& vocabulary);
    void drawRow(const CodeRow& row, const std::vector<model::Activity>& vocabulary);
    void drawAddMapping(const std::vector<model::CodeMapping>& mappings,
                        const std::vector<model::Activity>& vocabulary);

    std::array<char, 128> m_newCode{};
    MappingTarget m_newTarget;
    std::optional<Change> m_change;
};

} // namespace strawman::editor
