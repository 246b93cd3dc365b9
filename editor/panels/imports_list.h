// The trust's imports, as a table of the Data panel: a row each, with its
// counts; a click reads its full report below the table, and "Remove…" asks
// before taking the import and every event it brought out of the workspace.
#pragma once

#include "editor/core/code_table.h"
#include "editor/core/editor_session.h"
#include "fonts.h"
#include "notices.h"

#include <optional>
#include <vector>

namespace strawman::editor {

class ImportsList {
  public:
    // The panel read the trust's imports again: the report of an import no
    // longer there is closed; with `otherTrust`, the open report and a removal
    // waiting for its confirmation are dropped too.
    void read(const std::vector<ImportWithReport>& imports, bool otherTrust);
    // A new import is shown where the form ran it: no report of an older one beside it.
    void closeReport() { m_reportShown.reset(); }

    // Draws the table, the open report and the removal's confirmation.
    void draw(const std::vector<ImportWithReport>& imports, const Fonts& fonts);
    // Removes the import whose removal was confirmed, if any, after the panel
    // is drawn. Returns false when the panel must read the workspace again.
    bool carryOut(EditorSession& session, Notices& notices);

  private:
    void drawTable(const std::vector<ImportWithReport>& imports, const Fonts& fonts);
    void drawRow(const ImportWithReport& import, const Fonts& fonts);
    void drawReport(const ImportWithReport& import);
    void drawRemoveConfirmation(const std::vector<ImportWithReport>& imports);

    std::optional<model::ImportId> m_reportShown; // the import whose report is open
    std::optional<model::ImportId> m_removing;    // the import waiting for "Remove" to be confirmed
    bool m_openRemoveConfirmation = false;
    std::optional<model::ImportId> m_remove; // confirmed this frame
};

} // namespace strawman::editor
