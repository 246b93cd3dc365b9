#include "app_window.h"

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <GLFW/glfw3.h>

#include <cstdio>

namespace strawman::editor {

namespace {

void onGlfwError(int code, const char* description) {
    std::fprintf(stderr, "strawman: GLFW error %d: %s\n", code, description);
}

} // namespace

std::string windowTitle(const std::filesystem::path& workspace) {
    return "Strawman \xE2\x80\x94 " + workspace.filename().string();
}

AppWindow::AppWindow(const EditorOptions& options, const std::string& title) {
    glfwSetErrorCallback(onGlfwError);
    if (!glfwInit()) return;
    m_glfw = true;
    // 3.3 core: large maps need the 32-bit vertex offsets ImGui's OpenGL3
    // backend only enables from 3.2 (ImGuiBackendFlags_RendererHasVtxOffset).
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    // A screenshot needs no window on screen; the back buffer is rendered anyway.
    if (options.screenshot) glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    m_window = glfwCreateWindow(options.width, options.height, title.c_str(), nullptr, nullptr);
    if (!m_window) return;
    glfwMakeContextCurrent(m_window);
    glfwSwapInterval(options.screenshot ? 0 : 1);
}

AppWindow::~AppWindow() {
    if (m_window) glfwDestroyWindow(m_window);
    if (m_glfw) glfwTerminate();
}

ImGuiBackends::ImGuiBackends(GLFWwindow* window) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    // Window positions are recomputed every frame, and an imgui.ini written
    // beside the workspace would be clutter: nothing to persist.
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
}

ImGuiBackends::~ImGuiBackends() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

} // namespace strawman::editor
