// The "Data" panel: for the trust chosen at its top, the RIS imports it holds
// (imports_list.h), a form to import a file (import_file_form.h), and its
// local code mapping (code_mapping_table.h), drawn in that order, one under
// the other.
//
// It reads the workspace itself, once per trust and per session reload, not
// every frame, and hands what it read to its parts. Every change is one model
// call, itself one transaction, carried out after the panel is drawn; then the
// session re-reads so other views see it. A refusal from the model becomes an
// error dialog (Notices), never silence.
#pragma once

#include "code_mapping_table.h"
#include "editor/core/code_table.h"
#include "editor/core/editor_session.h"
#include "fonts.h"
#include "import_file_form.h"
#include "imports_list.h"
#include "notices.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace strawman::editor {

class DataPanel {
  public:
    // Draws into the current ImGui window.
    void draw(EditorSession& session, const Fonts& fonts, Notices& notices);
    // An import is running (a headless picture waits for it).
    bool importing() const { return m_importForm.importing(); }

  private:
    void refresh(const EditorSession& session, Notices& notices);
    void drawTrustChoice(const EditorSession& session, const Fonts& fonts);

    std::optional<model::TrustId> m_trust;
    // What m_data was read for: a different trust or a newer reload reads again.
    bool m_read = false;
    std::optional<model::TrustId> m_readTrust;
    std::uint64_t m_readRevision = 0;
    TrustData m_data;
    std::vector<model::Activity> m_vocabulary;

    ImportsList m_imports;
    ImportFileForm m_importForm;
    CodeMappingTable m_codes;
};

} // namespace strawman::editor
