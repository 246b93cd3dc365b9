// The editor's commands on the shown map: what a click, a drag or a key asks
// for, as named, undoable steps. Each command reads the map from the session,
// makes the request through the model's edit rules (model/maps/map_edit.h), and
// stores the result as one step, so the canvas, the menus, scripted GUI tests
// and unit tests all go through the same door. Holds the selection and the
// clipboard (shared by every map, so a piece can be pasted into another map).
// No ImGui here.
#pragma once

#include "editor_session.h"

#include "model/maps/layout.h"
#include "model/maps/map_edit.h"

#include <optional>
#include <string>
#include <vector>

namespace strawman::editor {

struct Selection {
    std::vector<std::string> nodes; // keys
    std::vector<model::EdgeRef> edges;

    bool empty() const { return nodes.empty() && edges.empty(); }
    bool has(const std::string& key) const;
    bool has(const model::EdgeRef& edge) const;
};

// "Move 3 nodes", "Delete 1 arrow": a step's label counts what it acts on.
std::string countLabel(const std::string& verb, std::size_t nodes, std::size_t edges = 0);

class MapEditor {
  public:
    explicit MapEditor(EditorSession& session) : m_session(&session) {}

    EditorSession& session() const { return *m_session; }
    const Selection& selection() const { return m_selection; }
    void select(Selection s);
    void selectAll();
    void clearSelection() { m_selection = {}; }
    // Drops what the map no longer has (after a reload, undo or another window's change).
    void pruneSelection();

    // Every command below is one step in the map's history and one transaction;
    // they throw model::Error with the reason when the model refuses.
    std::string addNode(model::NodeKind kind, double x, double y);
    void connect(const std::string& from, const std::string& to);
    // A connection dropped on empty canvas: a new node there, joined from `from`,
    // as one step. Refused (nothing added) when `from` may not lead anywhere.
    std::string addConnected(const std::string& from, model::NodeKind kind, double x, double y);
    // A step stays in its lane's band: a move across the flow stops at the
    // band of another role (model/maps/lanes.h laneLimitedMove).
    void moveSelection(double dx, double dy);
    void deleteSelection();
    void rename(const std::string& key, const std::string& label);
    void setActivity(const std::string& key, const std::string& code);
    void setLane(const std::string& key, const std::string& lane);
    void setEdgeLabel(const model::EdgeRef& edge, const std::string& label);
    void autoLayout(model::LayoutDirection direction);

    void copy();
    void cut();
    // Pastes the clipboard with its top-left corner at (x, y), or, without a
    // place, a little below and right of where it was copied from.
    void paste(std::optional<double> x = {}, std::optional<double> y = {});
    void duplicate();
    bool canPaste() const { return !m_clipboard.nodes.empty(); }

    void undo();
    void redo();

    // Grid for moving and placing; 0 turns snapping off.
    void setSnap(double grid) { m_snap = grid; }
    double snap() const { return m_snap; }
    // The move that puts `anchor`'s centre on the grid after moving by (dx, dy).
    Vec2 snappedDelta(const std::string& anchor, double dx, double dy) const;
    // The part of the move (dx, dy) the selection may make: as moveSelection
    // will, so a drag shows where the steps will land.
    Vec2 allowedMove(double dx, double dy) const;

  private:
    const model::MapContent& content() const { return m_session->content(); }
    void selectKeys(const std::vector<std::string>& keys);

    EditorSession* m_session;
    Selection m_selection;
    model::MapContent m_clipboard;
    int m_pasteCount = 0; // repeated pastes without a place step further each time
    double m_snap = 10;
};

} // namespace strawman::editor
