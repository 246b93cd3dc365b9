#include "theme.h"

namespace strawman::editor {

void applyTheme(ImGuiStyle& style) {
    ImGui::StyleColorsLight(&style);
    // Panels fill the window edge to edge: square corners and no borders read as
    // one application rather than floating tool windows.
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.FrameRounding = 4;
    style.GrabRounding = 4;
    style.FramePadding = ImVec2(8, 4);
    style.ItemSpacing = ImVec2(8, 6);
    style.IndentSpacing = 18;
    style.ScrollbarSize = 14;

    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.965f, 0.973f, 0.980f, 1.0f);
    c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
    c[ImGuiCol_Text] = ImVec4(0.12f, 0.16f, 0.20f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.38f, 0.43f, 0.49f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.80f, 0.87f, 0.95f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.87f, 0.92f, 0.97f, 1.0f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.74f, 0.83f, 0.93f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.89f, 0.92f, 0.95f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.87f, 0.95f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.70f, 0.80f, 0.92f, 1.0f);
    c[ImGuiCol_Separator] = ImVec4(0.82f, 0.85f, 0.88f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.82f, 0.85f, 0.88f, 1.0f);
}

} // namespace strawman::editor
