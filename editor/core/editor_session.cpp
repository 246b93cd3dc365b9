#include "editor_session.h"

#include "model/core/error.h"

#include <algorithm>
#include <utility>

namespace strawman::editor {

EditorSession::EditorSession(model::Workspace workspace) : m_workspace(std::move(workspace)) {
    reload();
}

void EditorSession::reload() {
    ++m_workspaceRevision;
    m_diskStamp = diskStamp();
    m_trusts = m_workspace.trusts();
    std::sort(m_trusts.begin(), m_trusts.end(),
              [](const model::Trust& a, const model::Trust& b) { return a.code < b.code; });
    m_maps = m_workspace.maps();
    m_processes = m_workspace.processes();
    m_activityNames.clear();
    for (auto& a : m_workspace.activities()) m_activityNames.emplace(a.code, a.name);
    if (m_selected && !selected()) { // deleted elsewhere
        m_selected.reset();
        ++m_selectionRevision;
    }
    loadSelected();
}

bool EditorSession::reloadIfChanged(std::chrono::milliseconds interval) {
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastDiskCheck < interval) return false;
    m_lastDiskCheck = now;
    if (diskStamp() == m_diskStamp) return false;
    reload();
    return true;
}

EditorSession::DiskStamp EditorSession::diskStamp() const {
    DiskStamp stamp;
    std::error_code ec; // a missing -wal file is normal: it leaves zeros
    const auto& file = m_workspace.path();
    auto wal = file;
    wal += "-wal";
    stamp.fileTime = std::filesystem::last_write_time(file, ec);
    stamp.fileSize = std::filesystem::file_size(file, ec);
    stamp.walTime = std::filesystem::last_write_time(wal, ec);
    stamp.walSize = std::filesystem::file_size(wal, ec);
    return stamp;
}

bool EditorSession::select(model::MapId id) {
    const bool known = std::any_of(m_maps.begin(), m_maps.end(),
                                   [&](const model::MapSummary& m) { return m.id == id; });
    if (!known) return false;
    if (m_selected == id) return true;
    m_selected = id;
    ++m_selectionRevision;
    loadSelected();
    return true;
}

const model::MapSummary* EditorSession::selected() const {
    if (!m_selected) return nullptr;
    for (const auto& m : m_maps)
        if (m.id == *m_selected) return &m;
    return nullptr;
}

void EditorSession::loadSelected() {
    m_content = m_selected ? m_workspace.content(*m_selected) : model::MapContent{};
    m_geometry = buildMapGeometry(m_content);
    ++m_contentRevision;
}

// [SECTION] The network

model::MapId EditorSession::createMap(model::ProcessId process, std::optional<model::TrustId> trust,
                                      const std::string& name, const model::MapContent& content,
                                      model::MapStatus status) {
    const model::MapId id = m_workspace.createMap(process, trust, name, content, status);
    reload();
    return id;
}

model::MapId EditorSession::storeAsRecordedMap(model::ProcessId process,
                                               model::AsRecordedMap recorded) {
    const model::MapId id = model::storeAsRecordedMap(m_workspace, process, std::move(recorded));
    reload();
    return id;
}

model::MapId EditorSession::duplicateMap(model::MapId source, std::optional<model::TrustId> trust,
                                         const std::string& name, model::MapStatus status) {
    model::MapId id;
    m_workspace.transaction([&] {
        const model::MapSummary from = m_workspace.map(source);
        id = m_workspace.createMap(from.process, trust, name, m_workspace.content(source), status);
    });
    reload();
    return id;
}

void EditorSession::renameMap(model::MapId map, const std::string& name) {
    m_workspace.rename(map, name);
    reload();
}

void EditorSession::setMapStatus(model::MapId map, model::MapStatus status) {
    m_workspace.setStatus(map, status);
    reload();
}

std::string EditorSession::publishMap(model::MapId map) {
    const std::string hash = m_workspace.publish(map);
    reload();
    return hash;
}

model::ProcessId EditorSession::addProcess(const std::string& name) {
    const model::ProcessId id = m_workspace.addProcess(name);
    reload();
    return id;
}

// [SECTION] Editing

namespace {
const EditHistory kNoHistory;
} // namespace

const EditHistory& EditorSession::history() const {
    if (!m_selected) return kNoHistory;
    auto it = m_history.find(*m_selected);
    return it == m_history.end() ? kNoHistory : it->second;
}

void EditorSession::applyToShown(const model::MapChange& change) {
    try {
        m_workspace.applyChange(*m_selected, change);
    } catch (const model::Error&) {
        reload(); // show what is really there now
        throw;
    }
    m_lastSaved = std::chrono::system_clock::now();
    // Our own write changes the file; do not mistake it for someone else's.
    m_maps = m_workspace.maps();
    loadSelected();
    m_diskStamp = diskStamp();
}

std::vector<std::string> EditorSession::commit(const std::string& label,
                                               const model::MapContent& after) {
    if (!m_selected) throw model::Error("no map is open");
    model::MapChange change = model::diffContent(m_content, after);
    if (change.empty()) return {};
    applyToShown(change);
    std::vector<std::string> touched = model::touchedKeys(change);
    m_history[*m_selected].record({label, std::move(change)});
    return touched;
}

std::vector<std::string> EditorSession::undo() {
    if (!m_selected) return {};
    EditHistory& h = m_history[*m_selected];
    const EditStep* step = h.nextUndo();
    if (!step) return {};
    const model::MapChange back = model::inverse(step->change);
    try {
        applyToShown(back);
    } catch (const model::Error& e) {
        throw model::Error("cannot undo \"" + step->label + "\": " + e.what());
    }
    h.undone();
    return model::touchedKeys(back);
}

std::vector<std::string> EditorSession::redo() {
    if (!m_selected) return {};
    EditHistory& h = m_history[*m_selected];
    const EditStep* step = h.nextRedo();
    if (!step) return {};
    try {
        applyToShown(step->change);
    } catch (const model::Error& e) {
        throw model::Error("cannot redo \"" + step->label + "\": " + e.what());
    }
    std::vector<std::string> touched = model::touchedKeys(step->change);
    h.redone();
    return touched;
}

} // namespace strawman::editor
