#include "notices.h"

#include "shortcuts.h"

#include "editor/core/error_text.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace strawman::editor {

void Notices::atCursor(std::string text, ImVec2 where) {
    m_cursorText = std::move(text);
    m_cursorAt = where;
    m_cursorUntil = ImGui::GetTime() + 3.5;
}

void Notices::error(std::string title, std::string message) {
    m_dialogs.push_back({std::move(title), std::move(message)});
}

void Notices::draw() {
    if (!m_cursorText.empty() && ImGui::GetTime() < m_cursorUntil) {
        // A tooltip-like box just below and right of where it happened.
        ImGui::SetNextWindowPos(ImVec2(m_cursorAt.x + 16, m_cursorAt.y + 18));
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(1.0f, 0.94f, 0.94f, 0.97f));
        ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0.75f, 0.16f, 0.16f, 1.0f));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.5f);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 5.0f);
        ImGui::Begin("##refusal", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                         ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.55f, 0.08f, 0.08f, 1.0f));
        ImGui::TextUnformatted(m_cursorText.c_str());
        ImGui::PopStyleColor();
        ImGui::End();
        ImGui::PopStyleVar(2);
        ImGui::PopStyleColor(2);
    }

    if (m_dialogs.empty()) return;
    const Dialog& d = m_dialogs.front();
    const std::string id = d.title + "##error";
    if (!m_dialogOpened) {
        ImGui::OpenPopup(id.c_str());
        m_dialogOpened = true;
    }
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(360, 0), ImVec2(720, io.DisplaySize.y * 0.8f));
    if (ImGui::BeginPopupModal(id.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 34);
        ImGui::TextUnformatted(d.message.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (ImGui::Button("OK", ImVec2(120, 0)) || keyPressed(GLFW_KEY_ENTER) ||
            keyPressed(GLFW_KEY_ESCAPE)) {
            ImGui::CloseCurrentPopup();
            m_dialogs.erase(m_dialogs.begin());
            m_dialogOpened = false;
        }
        ImGui::EndPopup();
    } else {
        m_dialogOpened = false; // closed some other way: show it again next frame
    }
}

bool attempt(Notices& notices, const std::string& failure, const std::function<void()>& action) {
    try {
        action();
        return true;
    } catch (const std::exception& e) {
        notices.error(failure, errorText(e));
        return false;
    }
}

} // namespace strawman::editor
