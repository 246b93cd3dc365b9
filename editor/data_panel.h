// The "Data" panel: for the trust chosen at its top, the RIS imports it holds
// (each with its report, and a way to remove one) and its local code mapping,
// with the codes its imports met unmapped highlighted.
//
// It reads the workspace itself, once per trust and per session reload, not
// every frame. Every change is one model call, itself one transaction, carried
// out after the panel is drawn; then the session re-reads so other views see it.
// A refusal from the model becomes an error dialog (Notices), never silence.
#pragma once

#include "code_table.h"
#include "editor_session.h"
#include "fonts.h"
#include "notices.h"

#include <array>
#include <cstdint>
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

  private:
    // A change the user asked for while the panel was drawn.
    struct Request {
        enum class Kind { Map, RemoveImport };
        Kind kind = Kind::Map;
        std::string localCode;     // Map
        MappingTarget target;      // Map
        std::int64_t importId = 0; // RemoveImport
    };

    void refresh(const EditorSession& session, Notices& notices);
    void drawTrustChoice(const EditorSession& session, const Fonts& fonts);
    void drawImports(const Fonts& fonts);
    void drawReport(const ImportWithReport& import);
    void drawRemoveConfirmation();
    void drawCodes(const Fonts& fonts);
    void drawAddMapping();
    void carryOut(EditorSession& session, Notices& notices);

    const ImportWithReport* findImport(std::int64_t id) const;

    std::optional<model::TrustId> m_trust;
    // What m_data was read for: a different trust or a newer reload reads again.
    bool m_read = false;
    std::optional<model::TrustId> m_readTrust;
    std::uint64_t m_readRevision = 0;
    TrustData m_data;
    std::vector<model::Activity> m_vocabulary;

    std::optional<std::int64_t> m_reportShown; // the import whose report is open
    std::optional<std::int64_t> m_removing;    // the import waiting for "Remove" to be confirmed
    bool m_openRemoveConfirmation = false;
    std::array<char, 128> m_newCode{};
    MappingTarget m_newTarget;
    std::optional<Request> m_request;
};

} // namespace strawman::editor
