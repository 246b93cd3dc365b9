// The editor as an application, behind runEditor (editor.h): start-up (the
// workspace, the user's settings, the window and its OpenGL context, ImGui,
// the fonts), the frame loop (frame_loop.cpp) that lays out the panels, and
// opening another workspace in the same window. With a screenshot requested
// it renders a few frames into an invisible window, saves the last one and
// stops.
#pragma once

#include "app_window.h"
#include "editor.h"
#include "editor_frame.h"
#include "script_player.h"

#include "editor/core/editor_session.h"
#include "editor/core/editor_settings.h"
#include "editor/panels/fonts.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace strawman::editor {

class EditorApp {
  public:
    explicit EditorApp(const EditorOptions& options);
    ~EditorApp();
    EditorApp(const EditorApp&) = delete;
    EditorApp& operator=(const EditorApp&) = delete;

    // Starts, runs frames until the window closes (or the screenshot is
    // written), then saves the settings. Returns a process exit code; errors
    // are printed to stderr.
    int run();

  private:
    // [SECTION] Start-up (editor_app.cpp). Each step that can stop the editor
    // returns the exit code it stops with.
    std::optional<int> openWorkspace();
    void readSettings();
    std::optional<int> openWindow();
    void startImGui();
    std::optional<int> makeFrame();
    void milestone(const char* what) const;

    // [SECTION] The frame loop (frame_loop.cpp)
    struct FramebufferSize {
        int width = 0, height = 0;
    };
    int frameLoop();
    void waitForInput();
    bool feedScript();
    FramebufferSize drawFrame();
    int takeScreenshot(FramebufferSize size);

    // [SECTION] Workspaces and settings (editor_app.cpp)
    void openInWindow(const std::filesystem::path& workspace);
    void applySettings(EditorFrame& frame) const;
    void writeSettings();

    const EditorOptions m_options;
    // Headless runs (screenshots, scripts) leave the user's settings alone, so
    // tests and documentation never depend on, or change, a home directory.
    const bool m_remember;

    // Declared in the order they are made; torn down the other way round.
    std::optional<ScriptPlayer> m_script;
    std::unique_ptr<EditorSession> m_session;
    EditorSettings m_settings;
    std::string m_settingsWarning;
    std::unique_ptr<AppWindow> m_window;
    std::unique_ptr<ImGuiBackends> m_imgui;
    Fonts m_fonts;
    ImGuiStyle m_style; // the theme's, before workshop mode scales it
    std::unique_ptr<EditorFrame> m_frame;
};

} // namespace strawman::editor
