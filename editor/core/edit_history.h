// Undo and redo for one map: the steps done, newest last, and the steps undone.
// A step is a labelled change ("Move 3 nodes", "Auto-layout"); undoing applies
// its inverse. The editor keeps one history per map for as long as it runs.
#pragma once

#include "model/maps/map_change.h"

#include <string>
#include <vector>

namespace strawman::editor {

struct EditStep {
    std::string label;
    model::MapChange change;
};

class EditHistory {
  public:
    // A new step: what was undone can no longer be redone.
    void record(EditStep step) {
        m_done.push_back(std::move(step));
        m_undone.clear();
    }

    const EditStep* nextUndo() const { return m_done.empty() ? nullptr : &m_done.back(); }
    const EditStep* nextRedo() const { return m_undone.empty() ? nullptr : &m_undone.back(); }

    // Call once the step from nextUndo()/nextRedo() has been applied.
    void undone() {
        m_undone.push_back(std::move(m_done.back()));
        m_done.pop_back();
    }
    void redone() {
        m_done.push_back(std::move(m_undone.back()));
        m_undone.pop_back();
    }

    const std::vector<EditStep>& done() const { return m_done; }     // oldest first
    const std::vector<EditStep>& undone() const { return m_undone; } // next to redo last
    std::size_t doneCount() const { return m_done.size(); }
    std::size_t undoneCount() const { return m_undone.size(); }

  private:
    std::vector<EditStep> m_done, m_undone;
};

} // namespace strawman::editor
