#include "script_player.h"

#include "model/core/error.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace strawman::editor {

namespace {
std::string spelling(const ScriptPos& p) {
    return std::to_string(static_cast<int>(p.kind)) + "|" + std::to_string(p.x) + "," +
           std::to_string(p.y) + "|" + p.key + ">" + p.key2;
}
} // namespace

void ScriptPlayer::feed(ImGuiIO& io, const PositionResolver& resolve) {
    if (done()) return;
    const FrameInput& in = m_frames[m_next++];
    if (in.line != m_line) {
        m_line = in.line;
        m_resolved.clear();
    }
    auto place = [&](const ScriptPos& p) {
        const std::string key = spelling(p);
        auto it = m_resolved.find(key);
        if (it != m_resolved.end()) return it->second;
        try {
            return m_resolved[key] = resolve(p);
        } catch (const model::Error& e) {
            throw model::InputError(m_file, in.line, e.what());
        }
    };

    if (in.mouse) {
        Vec2 at = place(*in.mouse);
        if (in.from) {
            const Vec2 start = place(*in.from);
            at = start + (at - start) * static_cast<double>(in.along);
        }
        m_mouse = ImVec2(static_cast<float>(at.x), static_cast<float>(at.y));
    }
    io.MousePos = m_mouse;
    for (int b = 0; b < 3; ++b) io.MouseDown[b] = in.buttons[b];
    io.MouseWheel = in.wheel;

    if (m_heldKey >= 0) io.KeysDown[m_heldKey] = false;
    m_heldKey = in.key;
    if (in.key >= 0) io.KeysDown[in.key] = true;
    io.KeyCtrl = in.ctrl;
    io.KeyShift = in.shift;
    io.KeyAlt = false;
    io.KeySuper = false;
    io.KeysDown[GLFW_KEY_LEFT_CONTROL] = in.ctrl;
    io.KeysDown[GLFW_KEY_LEFT_SHIFT] = in.shift;
    if (!in.characters.empty()) io.AddInputCharactersUTF8(in.characters.c_str());
}

} // namespace strawman::editor
