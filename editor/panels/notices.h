// How the editor tells the user something went wrong, never silently: a refusal
// by the model appears at the mouse for a few seconds ("an end has no way
// out"), and anything else opens a dialog that stays until it is dismissed.
#pragma once

#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

namespace strawman::editor {

class Notices {
  public:
    // A short reason shown beside the mouse pointer.
    void atCursor(std::string text, ImVec2 where);
    // A dialog: what could not be done, and why.
    void error(std::string title, std::string message);

    // Draws the current notice and dialog; call once a frame, after the panels.
    void draw();

    bool dialogOpen() const { return !m_dialogs.empty(); }
    const std::string& lastCursorText() const { return m_cursorText; }

  private:
    struct Dialog {
        std::string title, message;
    };
    std::string m_cursorText;
    ImVec2 m_cursorAt{};
    double m_cursorUntil = 0;
    std::vector<Dialog> m_dialogs;
    bool m_dialogOpened = false;
};

// Carries out one thing the user asked for. Its failure, the model's refusal or
// anything else (a full disk), is an error dialog headed `failure`, worded by
// errorText; returns whether it was carried out.
bool attempt(Notices& notices, const std::string& failure, const std::function<void()>& action);

} // namespace strawman::editor
