// The editor's window and what draws into it: GLFW with an OpenGL 3.3 core
// context, and Dear ImGui's two backends on that window. Each owns its part
// and tears it down in the right order on every path out.
#pragma once

#include "editor.h"

#include <filesystem>
#include <string>

struct GLFWwindow;

namespace strawman::editor {

// "Strawman — name.strawman", as the window's title bar shows a workspace.
std::string windowTitle(const std::filesystem::path& workspace);

// Owns GLFW and the window. The window is invisible when a screenshot is
// asked for; get() is null when there is no display.
class AppWindow {
  public:
    AppWindow(const EditorOptions& options, const std::string& title);
    ~AppWindow();
    AppWindow(const AppWindow&) = delete;
    AppWindow& operator=(const AppWindow&) = delete;

    GLFWwindow* get() const { return m_window; }

  private:
    bool m_glfw = false;
    GLFWwindow* m_window = nullptr;
};

// Owns the ImGui context and its two backends.
class ImGuiBackends {
  public:
    explicit ImGuiBackends(GLFWwindow* window);
    ~ImGuiBackends();
    ImGuiBackends(const ImGuiBackends&) = delete;
    ImGuiBackends& operator=(const ImGuiBackends&) = delete;
};

} // namespace strawman::editor
