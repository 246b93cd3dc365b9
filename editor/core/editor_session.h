// What the editor has open: the workspace, the lists the network panel shows,
// and the map on the canvas with its drawing geometry. The model stays the owner
// of every persistent thing; this only caches what it read, and re-reads on
// reload(). No ImGui here.
#pragma once

#include "edit_history.h"
#include "editor/geometry/map_geometry.h"

#include "model/store/workspace.h"
#include "model/use_cases/as_recorded_map.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace strawman::editor {

class EditorSession {
  public:
    explicit EditorSession(model::Workspace workspace);

    // Re-reads trusts, processes and maps, and the selected map's content.
    void reload();
    // Re-reads when the workspace file has changed on disk since the last read
    // (a `strawman map layout` run while the editor is open, another window),
    // looking at most once per `interval`. Returns whether it re-read.
    bool reloadIfChanged(std::chrono::milliseconds interval = std::chrono::milliseconds(500));

    const model::Workspace& workspace() const { return m_workspace; }
    // For panels that write through the model's own calls (each one transaction),
    // such as a trust's code mapping; call reload() after writing.
    model::Workspace& workspaceForWrite() { return m_workspace; }
    const std::vector<model::Trust>& trusts() const { return m_trusts; }
    const std::vector<model::MapSummary>& maps() const { return m_maps; }
    // Activity code -> its name in the network vocabulary ("VET" -> "vetted/justified").
    const std::unordered_map<std::string, std::string>& activityNames() const {
        return m_activityNames;
    }

    // Shows a map on the canvas. Returns false (and changes nothing) for an id
    // the workspace does not have.
    bool select(model::MapId id);
    const model::MapSummary* selected() const;
    const model::MapContent& content() const { return m_content; }
    const MapGeometry& geometry() const { return m_geometry; }

    // [the network: maps and processes]
    // Each is one transaction in the workspace, then re-reads; they throw
    // model::Error with the reason when the workspace refuses.
    model::MapId createMap(model::ProcessId process, std::optional<model::TrustId> trust,
                           const std::string& name, const model::MapContent& content = {},
                           model::MapStatus status = model::MapStatus::Draft);
    // A copy of a map's current content as a new draft, e.g. a trust's straw
    // man started from the network map.
    model::MapId duplicateMap(model::MapId source, std::optional<model::TrustId> trust,
                              const std::string& name, model::MapStatus status);
    // The as-recorded map (model/use_cases/as_recorded_map.h) laid out and stored
    // as a draft of its trust, named as `strawman discover` names it.
    model::MapId storeAsRecordedMap(model::ProcessId process, model::AsRecordedMap recorded);
    void renameMap(model::MapId map, const std::string& name);
    void setMapStatus(model::MapId map, model::MapStatus status);
    std::string publishMap(model::MapId map); // returns the version's hash
    model::ProcessId addProcess(const std::string& name);
    const std::vector<model::Process>& processes() const { return m_processes; }

    // [editing the shown map]
    // Stores `after` as the shown map's new content, as one undoable step called
    // `label`, in one transaction. Returns the keys of the nodes it added or
    // changed. Throws model::Error, having changed nothing, when the workspace
    // refuses it; when the map was changed elsewhere meanwhile, it re-reads first.
    std::vector<std::string> commit(const std::string& label, const model::MapContent& after);
    // Undo and redo the shown map's last step; they return the nodes the step
    // touched, and throw model::Error (after re-reading) when the map has since
    // been changed elsewhere in a way the step no longer fits.
    std::vector<std::string> undo();
    std::vector<std::string> redo();
    const EditHistory& history() const;
    // When this window last wrote to the workspace; empty before the first change.
    std::optional<std::chrono::system_clock::time_point> lastSaved() const { return m_lastSaved; }

    // Grows whenever a different map is selected, so views can notice and fit it.
    std::uint64_t selectionRevision() const { return m_selectionRevision; }
    // Grows whenever the shown content is (re)loaded, so caches built from it can refresh.
    std::uint64_t contentRevision() const { return m_contentRevision; }
    // Grows on every reload(), so views that read the workspace themselves
    // (imports, code mappings) know when to read again.
    std::uint64_t workspaceRevision() const { return m_workspaceRevision; }

  private:
    void loadSelected();
    // Applies a change to the shown map and re-reads it; on refusal re-reads too,
    // so the canvas shows what the file holds, and rethrows.
    void applyToShown(const model::MapChange& change);
    // What changes when anyone commits: size and time of the file and its
    // write-ahead log. Looked at instead of asking SQLite, which only the model talks to.
    struct DiskStamp {
        std::filesystem::file_time_type fileTime, walTime;
        std::uintmax_t fileSize = 0, walSize = 0;
        bool operator==(const DiskStamp&) const = default;
    };
    DiskStamp diskStamp() const;

    model::Workspace m_workspace;
    std::vector<model::Trust> m_trusts;
    std::vector<model::MapSummary> m_maps;
    std::vector<model::Process> m_processes;
    std::unordered_map<std::string, std::string> m_activityNames;
    std::optional<model::MapId> m_selected;
    model::MapContent m_content;
    MapGeometry m_geometry;
    std::uint64_t m_selectionRevision = 0;
    std::uint64_t m_contentRevision = 0;
    std::uint64_t m_workspaceRevision = 0;
    std::unordered_map<model::MapId, EditHistory> m_history;
    std::optional<std::chrono::system_clock::time_point> m_lastSaved;
    DiskStamp m_diskStamp;
    std::chrono::steady_clock::time_point m_lastDiskCheck;
};

} // namespace strawman::editor
