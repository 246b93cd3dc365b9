// The "Data" panel: for the trust chosen at its top, the RIS imports it holds
// (each with its report, and a way to remove one), a form to import a file,
// and its local code mapping, with the codes its imports met unmapped
// highlighted.
//
// An import runs as a background job on its own workspace connection, with a
// progress bar and Cancel; the editor keeps working meanwhile. The job is
// polled each time the panel is drawn, and its end is shown here (the report),
// in an error dialog (failed) or as a line saying nothing was stored (cancelled).
//
// It reads the workspace itself, once per trust and per session reload, not
// every frame. Every change is one model call, itself one transaction, carried
// out after the panel is drawn; then the session re-reads so other views see it.
// A refusal from the model becomes an error dialog (Notices), never silence.
#pragma once

#include "editor/core/code_table.h"
#include "editor/core/editor_session.h"
#include "editor/core/import_form.h"
#include "editor/core/import_job.h"
#include "fonts.h"
#include "notices.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
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

class DataPanel {
  public:
    // Draws into the current ImGui window.
    void draw(EditorSession& session, const Fonts& fonts, Notices& notices);
    // An import is running (a headless picture waits for it).
    bool importing() const { return m_importJob && m_importJob->running(); }

  private:
    // A change the user asked for while the panel was drawn.
    struct Request {
        enum class Kind { Map, RemoveImport };
        Kind kind = Kind::Map;
        std::string localCode;    // Map
        MappingTarget target;     // Map
        model::ImportId importId; // RemoveImport
    };

    void refresh(const EditorSession& session, Notices& notices);
    void drawTrustChoice(const EditorSession& session, const Fonts& fonts);
    void drawImports(const Fonts& fonts);
    void drawReport(const ImportWithReport& import);
    void drawRemoveConfirmation();
    void drawCodes(const Fonts& fonts);
    void drawAddMapping();
    void carryOut(EditorSession& session, Notices& notices);

    // [SECTION] Importing a file (data_panel_import.cpp)
    void pollImport(EditorSession& session, Notices& notices);
    void drawImportRunning();
    void drawImportOutcome();
    void drawImportForm(const EditorSession& session, const Fonts& fonts);
    void drawImportOptions();
    void readImportFolder(const EditorSession& session);
    ImportFormFields importFields() const;
    void startImportJob(const EditorSession& session, Notices& notices);

    const ImportWithReport* findImport(model::ImportId id) const;

    std::optional<model::TrustId> m_trust;
    // What m_data was read for: a different trust or a newer reload reads again.
    bool m_read = false;
    std::optional<model::TrustId> m_readTrust;
    std::uint64_t m_readRevision = 0;
    TrustData m_data;
    std::vector<model::Activity> m_vocabulary;

    std::optional<model::ImportId> m_reportShown; // the import whose report is open
    std::optional<model::ImportId> m_removing;    // the import waiting for "Remove" to be confirmed
    bool m_openRemoveConfirmation = false;
    std::array<char, 128> m_newCode{};
    MappingTarget m_newTarget;
    std::optional<Request> m_request;

    // The import form: text fields as ImGui edits them, the rest in m_importForm.
    std::array<char, 1024> m_importPath{};
    std::array<char, 512> m_importColumns{};
    std::array<char, 64> m_importZone{};
    std::array<char, 1024> m_importKey{};
    ImportFormFields m_importForm;
    bool m_startImport = false;
    // The workspace's folder, its event files and the network's key, read when
    // the workspace is (re)read or Refresh is pressed, not every frame.
    std::filesystem::path m_importFolder;
    std::vector<std::filesystem::path> m_eventFiles;
    std::string m_defaultKey;
    std::uint64_t m_importFolderRevision = UINT64_MAX;

    // The import running, and how the last one ended.
    std::unique_ptr<ImportJob> m_importJob;
    std::string m_importFile, m_importTrust; // what it is importing, as shown
    struct ImportOutcome {
        std::string title;
        std::string text; // the report (done) or what was kept (cancelled)
        bool report = false;
    };
    std::optional<ImportOutcome> m_importOutcome;
};

} // namespace strawman::editor
