// Between the editor's geometry (doubles, no ImGui) and ImGui's float vectors.
#pragma once

#include "editor/geometry/geometry.h"

#include <imgui.h>

namespace strawman::editor {

inline ImVec2 im(Vec2 v) {
    return {static_cast<float>(v.x), static_cast<float>(v.y)};
}
inline Vec2 vec(ImVec2 v) {
    return {v.x, v.y};
}

} // namespace strawman::editor
