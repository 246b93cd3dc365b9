// Plays an input script (input_script.h) into ImGui, one frame of input per
// rendered frame, as if a person were at the mouse and keyboard. Positions on
// the map are turned into pixels through the canvas when their line starts, so
// a drag from a node keeps its start even as the node moves under it.
#pragma once

#include "editor/geometry/geometry.h"
#include "editor/core/input_script.h"

#include <imgui.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace strawman::editor {

// Turns a scripted position into window pixels, or says why it cannot.
using PositionResolver = std::function<Vec2(const ScriptPos&)>;

class ScriptPlayer {
  public:
    ScriptPlayer(std::vector<FrameInput> frames, std::string fileName)
        : m_frames(std::move(frames)), m_file(std::move(fileName)) {}

    bool done() const { return m_next >= m_frames.size(); }
    // The frame just fed asks for the view's report.
    bool reportAsked() const { return m_next > 0 && m_frames[m_next - 1].report; }
    std::size_t framesLeft() const { return m_frames.size() - m_next; }

    // Call after the platform backend's NewFrame and before ImGui::NewFrame: it
    // overrides what the backend read from the (invisible) window. Throws
    // model::InputError naming the script line when a position cannot be found.
    void feed(ImGuiIO& io, const PositionResolver& resolve);

  private:
    std::vector<FrameInput> m_frames;
    std::string m_file;
    std::size_t m_next = 0;
    ImVec2 m_mouse{-1, -1};
    int m_heldKey = -1;
    int m_line = 0;
    std::map<std::string, Vec2> m_resolved; // this line's positions, by how they were written
};

} // namespace strawman::editor
