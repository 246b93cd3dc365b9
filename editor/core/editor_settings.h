// What the editor remembers between runs: the recent workspaces, where its
// window and panels were, workshop mode, canvas preferences, and in each
// workspace the map last shown and the member acted as in its forum. Kept in
// the user's config directory, never beside a workspace: a workspace file is
// shared across a network, these are one person's habits. A missing, damaged
// or older/newer file never stops the editor from starting: whatever cannot
// be read falls back to its default. No ImGui here.
#pragma once

#include "model/core/ids.h"

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace strawman::editor {

struct WindowPlacement {
    // Top-left corner on the desktop. Whether it is still on a connected
    // monitor is for the window code to check; here it is only a number.
    struct Position {
        int x = 0, y = 0;
        bool operator==(const Position&) const = default;
    };

    // The size when not maximised, so un-maximising goes back to it.
    int width = 1280, height = 800;
    // Empty lets the window manager place the window (first run, or a saved
    // position that made no sense).
    std::optional<Position> position;
    bool maximised = false;

    bool operator==(const WindowPlacement&) const = default;
};

// In pixels at UI scale 1; the editor multiplies by the scale in use and still
// has to fit them to the window it gets.
struct PanelSizes {
    float left = 300;   // the network tree
    float right = 320;  // the inspector, diff and data tabs
    float bottom = 220; // the trusts comparison and the map's history, under the canvas

    bool operator==(const PanelSizes&) const = default;
};

struct EditorSettings {
    static constexpr std::size_t kMaxRecent = 10;
    static constexpr float kMinWorkshopScale = 1.5f, kMaxWorkshopScale = 2.0f;

    // Absolute and normalised, most recent first, at most kMaxRecent. Files
    // that have gone are kept (a network drive may be offline for now).
    std::vector<std::filesystem::path> recentWorkspaces;
    WindowPlacement window;
    PanelSizes panels;
    // Large type and panels hidden, for a projector in a workshop room.
    bool workshopMode = false;
    float workshopScale = 1.75f;
    bool snapToGrid = true;
    bool animateLayout = true;
    bool diffLegendFolded = false; // the diff's legend on the map shows only its title line
    // Workspace (as in recentWorkspaces) -> the map shown when it was last open.
    // Only kept for workspaces on the recent list, so it cannot grow forever.
    std::map<std::filesystem::path, model::MapId> lastMap;
    // Workspace -> the member the forum was last written as there (the status
    // bar's "Acting as"). Kept like lastMap, for workspaces on the recent list.
    std::map<std::filesystem::path, model::MemberId> actingAs;

    // Puts a workspace at the top of the recent list. A relative path is taken
    // from the current directory; "a.strawman" and "../dir/a.strawman" that reach
    // the same file are one entry.
    void noteOpened(const std::filesystem::path& workspace);
    // Takes a workspace off the recent list (and forgets its last map).
    void forget(const std::filesystem::path& workspace);
    // The recent list without the files that no longer exist, for the menu.
    std::vector<std::filesystem::path> existingRecent() const;

    // Remembers the map shown in a workspace; ignored for a workspace that is
    // not on the recent list (noteOpened it first).
    void noteMapShown(const std::filesystem::path& workspace, model::MapId map);
    std::optional<model::MapId> lastMapOf(const std::filesystem::path& workspace) const;
    // Remembers who the user acts as in a workspace's forum (nobody: forgets
    // it); ignored, like noteMapShown, for a workspace not on the recent list.
    void noteActingAs(const std::filesystem::path& workspace,
                      std::optional<model::MemberId> member);
    std::optional<model::MemberId> actingAsIn(const std::filesystem::path& workspace) const;

    bool operator==(const EditorSettings&) const = default;
};

// How a workspace path is written in the settings: absolute, with "." and ".."
// and symbolic links resolved as far as the path exists.
std::filesystem::path workspaceKey(const std::filesystem::path& workspace);

// $XDG_CONFIG_HOME/strawman/editor.json, else ~/.config/strawman/editor.json
// (the freedesktop convention; a relative XDG_CONFIG_HOME is ignored, as the
// convention says). Empty when there is no home directory at all: then the
// editor simply remembers nothing.
std::filesystem::path settingsPath();

struct LoadedSettings {
    EditorSettings settings;
    // Empty, or why the file was not used (naming the file, and the line and
    // column of a syntax error), for the editor to show once.
    std::string warning;
};

// Never throws. A missing file gives the defaults with no warning; an
// unreadable or malformed one gives the defaults and a warning. Unknown keys
// are ignored; a value of the wrong type or out of its sane range falls back
// to its own default without disturbing the rest.
LoadedSettings loadSettings(const std::filesystem::path& file);

// Writes the settings to a new file beside `file` and renames it over `file`,
// so a crash or a full disk leaves either the old settings or the new, never
// half a file. Creates the directory when needed. Never throws: returns ""
// on success, otherwise the reason, naming the file.
std::string saveSettings(const EditorSettings& settings, const std::filesystem::path& file);

} // namespace strawman::editor
