// A file of input events for the editor: what a person would do with the mouse
// and keyboard, replayed frame by frame through ImGui's input so that tests and
// documentation drive the real canvas. One command per line; # starts a comment.
//
//   move  POS                      put the mouse at POS
//   click POS [right|middle] [shift] [ctrl]
//   dclick POS                     double-click with the left button
//   drag  POS POS [right|middle] [shift] [ctrl]
//   key   NAME                     press and release: a, f2, delete, ctrl+z, ctrl+shift+z
//   type  TEXT                     the rest of the line, character by character
//   wheel NOTCHES [POS]            scroll; positive zooms in
//   wait  FRAMES
//   report                         print what the view shows to stdout (zoom, rows of a
//                                  wrapped map, smallest step label, toolbar, legend), and
//                                  a line "panel NAME X Y W H" per window of the frame
//                                  (network, map, bottom, side, status; those shown),
//                                  the forum's speech bubbles ("marker node vet 2"), the
//                                  right-hand tab in front and the Forum tab's state
//
// POS is "X,Y" in window pixels, or a place on the map resolved when the line is
// played: "world:X,Y" (map points), "node:KEY" (a node's centre), "handle:KEY"
// (its right-hand connection handle), "edge:FROM>TO" (the middle of an arrow),
// or a named button or tab on the panels: "ui:diff-tab", "ui:diff-run" (see
// ScriptTargets::mark in the panels for the names). The forum's: "ui:forum-tab",
// a row "ui:forum-thread-ID", "ui:forum-compose" (click, then type),
// "ui:forum-post-reply", "ui:forum-new-thread", "ui:forum-start-thread",
// "ui:forum-back", "ui:forum-all-threads", "ui:acting-as", and a speech bubble
// "ui:marker-KEY" or "ui:marker-FROM>TO".
// Each line waits until background work (a diff, an import) and animations have
// finished. No ImGui here: the editor turns each frame's input into io fields.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace strawman::editor {

// A position as written; resolved against the canvas at play time.
struct ScriptPos {
    enum class Kind { Screen, World, Node, Handle, Edge, Target } kind = Kind::Screen;
    double x = 0, y = 0;
    std::string key, key2; // node key, an edge's two ends, or a named place
};

// The input state of one frame.
struct FrameInput {
    std::optional<ScriptPos> mouse; // where the mouse is; empty: where it was
    std::optional<ScriptPos> from;  // on a drag: the mouse is `along` the way from here to `mouse`
    float along = 1;
    bool buttons[3] = {false, false, false};
    bool ctrl = false, shift = false;
    int key = -1;           // GLFW key code held this frame, -1 for none
    std::string characters; // typed this frame (UTF-8)
    float wheel = 0;
    int line = 0;        // script line, for error messages
    bool report = false; // print the view's report (EditorFrame::viewReport)
};

// Reads a script into frames. Throws model::InputError naming the file, line and
// reason for anything it does not understand.
std::vector<FrameInput> readInputScript(const std::filesystem::path& file);
std::vector<FrameInput> parseInputScript(const std::string& text, const std::string& fileName);

// A key name as scripts and help text write it ("f2", "delete", "a") to its
// GLFW key code; -1 when unknown.
int keyCodeFromName(const std::string& name);

} // namespace strawman::editor
