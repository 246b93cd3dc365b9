// Characters typed this frame, from ImGui's queue of 16-bit code points to UTF-8.
#pragma once

#include <imgui.h>

#include <string>

namespace strawman::editor {

// Appends one typed character; control characters (Enter, Tab, Backspace) are
// keys, not text, and are left out.
inline void appendUtf8(std::string& text, ImWchar c) {
    if (c < 0x20 || c == 0x7F) return;
    if (c < 0x80) {
        text += static_cast<char>(c);
    } else if (c < 0x800) {
        text += static_cast<char>(0xC0 | (c >> 6));
        text += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        text += static_cast<char>(0xE0 | (c >> 12));
        text += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        text += static_cast<char>(0x80 | (c & 0x3F));
    }
}

} // namespace strawman::editor
