// Named places on the editor's panels for input scripts ("ui:diff-run"), so a
// script can press a button by name rather than by pixel, and keep working
// when the layout moves. A panel marks an item right after drawing it.
#pragma once

#include <imgui.h>

#include <map>
#include <optional>
#include <string>

namespace strawman::editor {

class ScriptTargets {
  public:
    // The centre of the last ImGui item drawn, under `name`, for this frame.
    static void mark(const char* name) {
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        places()[name] = ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2);
    }
    static std::optional<ImVec2> find(const std::string& name) {
        auto it = places().find(name);
        if (it == places().end()) return std::nullopt;
        return it->second;
    }

  private:
    static std::map<std::string, ImVec2>& places() {
        static std::map<std::string, ImVec2> all;
        return all;
    }
};

} // namespace strawman::editor
