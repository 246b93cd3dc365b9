#include "shortcuts.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <imgui.h>

#include <array>

namespace strawman::editor {

namespace {

using C = Command;

constexpr std::array kShortcuts{
    Shortcut{C::AddActivity, GLFW_KEY_A, false, false, true, "A", "Add a step at the mouse"},
    Shortcut{C::AddDecision, GLFW_KEY_D, false, false, true, "D", "Add a decision at the mouse"},
    Shortcut{C::AddParallel, GLFW_KEY_P, false, false, true, "P",
             "Add a parallel bar at the mouse"},
    Shortcut{C::AddStart, GLFW_KEY_S, false, false, true, "S", "Add a start at the mouse"},
    Shortcut{C::AddEnd, GLFW_KEY_E, false, false, true, "E", "Add an end at the mouse"},
    Shortcut{C::AddNote, GLFW_KEY_N, false, false, true, "N", "Add a note at the mouse"},
    Shortcut{C::Rename, GLFW_KEY_F2, false, false, false, "F2",
             "Rename the selected node or arrow"},
    Shortcut{C::Delete, GLFW_KEY_DELETE, false, false, false, "Delete", "Delete the selection"},
    Shortcut{C::Delete, GLFW_KEY_BACKSPACE, false, false, false, "Backspace",
             "Delete the selection"},
    Shortcut{C::Undo, GLFW_KEY_Z, true, false, false, "Ctrl+Z", "Undo"},
    Shortcut{C::Redo, GLFW_KEY_Y, true, false, false, "Ctrl+Y", "Redo"},
    Shortcut{C::Redo, GLFW_KEY_Z, true, true, false, "Ctrl+Shift+Z", "Redo"},
    Shortcut{C::Copy, GLFW_KEY_C, true, false, false, "Ctrl+C", "Copy"},
    Shortcut{C::Cut, GLFW_KEY_X, true, false, false, "Ctrl+X", "Cut"},
    Shortcut{C::Paste, GLFW_KEY_V, true, false, false, "Ctrl+V", "Paste at the mouse"},
    Shortcut{C::Duplicate, GLFW_KEY_D, true, false, false, "Ctrl+D", "Duplicate the selection"},
    Shortcut{C::SelectAll, GLFW_KEY_A, true, false, false, "Ctrl+A", "Select everything"},
    Shortcut{C::ClearSelection, GLFW_KEY_ESCAPE, false, false, false, "Esc", "Clear the selection"},
    Shortcut{C::FitView, GLFW_KEY_F, false, false, true, "F", "Fit the map to the view"},
    Shortcut{C::FitView, GLFW_KEY_HOME, false, false, false, "Home", "Fit the map to the view"},
    Shortcut{C::ActualSize, GLFW_KEY_1, false, false, true, "1", "Zoom to 100%"},
    Shortcut{C::ToggleSnap, GLFW_KEY_G, false, false, true, "G", "Snap to the grid on or off"},
    Shortcut{C::LayoutLeftRight, GLFW_KEY_L, true, false, false, "Ctrl+L",
             "Auto-layout, left to right"},
    Shortcut{C::LayoutTopBottom, GLFW_KEY_L, true, true, false, "Ctrl+Shift+L",
             "Auto-layout, top to bottom"},
    Shortcut{C::WorkshopMode, GLFW_KEY_F11, false, false, false, "F11",
             "Workshop mode: large type, panels hidden"},
    Shortcut{C::Help, GLFW_KEY_F1, false, false, false, "F1", "This list of shortcuts"},
    Shortcut{C::Reload, GLFW_KEY_F5, false, false, false, "F5", "Re-read the workspace file"},
    Shortcut{C::Export, GLFW_KEY_E, true, false, false, "Ctrl+E",
             "Export the map: a picture, its DOT or JSON"},
};

} // namespace

std::span<const Shortcut> shortcuts() {
    return kShortcuts;
}

bool keyDown(int key) {
    const ImGuiIO& io = ImGui::GetIO();
    return key >= 0 && key < static_cast<int>(IM_ARRAYSIZE(io.KeysDown)) && io.KeysDown[key];
}

bool keyPressed(int key) {
    return ImGui::IsKeyPressed(key, false);
}

bool pressed(Command command, bool plainKeys) {
    const ImGuiIO& io = ImGui::GetIO();
    for (const Shortcut& s : kShortcuts) {
        if (s.command != command) continue;
        if (s.plainKey && !plainKeys) continue;
        if (io.WantTextInput && !s.ctrl) continue;
        // Exact modifiers: Ctrl+Shift+Z must not also count as Ctrl+Z.
        if (io.KeyCtrl != s.ctrl || io.KeyShift != s.shift || io.KeyAlt) continue;
        if (ImGui::IsKeyPressed(s.key, s.command == Command::Undo || s.command == Command::Redo))
            return true;
    }
    return false;
}

} // namespace strawman::editor
