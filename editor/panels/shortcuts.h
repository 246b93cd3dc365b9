// Every keyboard shortcut of the editor, in one table, read through one helper.
//
// ImGui 1.86 knows keys only as io.KeysDown[] indexed by the backend's own key
// codes (GLFW_KEY_*); its ImGuiKey_ enum names just 22 navigation keys, so
// IsKeyPressed(ImGuiKey_Z)-style code silently never fires. Asking through
// pressed() keeps that in one place, and the help window lists the same table,
// so what it says is what works.
#pragma once

#include <span>

namespace strawman::editor {

enum class Command {
    AddActivity,
    AddDecision,
    AddParallel,
    AddStart,
    AddEnd,
    AddNote,
    Delete,
    Rename,
    Undo,
    Redo,
    Copy,
    Cut,
    Paste,
    Duplicate,
    SelectAll,
    ClearSelection,
    FitView,
    ActualSize,
    ToggleSnap,
    LayoutLeftRight,
    LayoutTopBottom,
    WorkshopMode,
    Help,
    Reload,
    Export,
};

struct Shortcut {
    Command command;
    int key; // GLFW_KEY_*
    bool ctrl = false;
    bool shift = false;
    // A plain letter or digit: off while text is being typed, and off while one
    // node is selected, when typing renames it instead.
    bool plainKey = false;
    const char* keys; // as the help window shows it: "Ctrl+Shift+Z"
    const char* what;
};

std::span<const Shortcut> shortcuts();

// Whether a shortcut for `command` was pressed this frame. Plain-key shortcuts
// count only when `plainKeys` is true; none count while a text field has the
// keyboard, except those with Ctrl.
bool pressed(Command command, bool plainKeys = true);

// Whether a key (GLFW_KEY_*) is held; for gestures such as Space + drag.
bool keyDown(int key);
// Whether a key (GLFW_KEY_*) went down this frame, whatever the modifiers; for
// keys with a fixed meaning in one place (Enter and Esc in a dialog or a field).
bool keyPressed(int key);

} // namespace strawman::editor
