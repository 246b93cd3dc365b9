#include "data_widgets.h"

#include "editor/core/error_text.h"

#include <algorithm>
#include <cfloat>
#include <exception>

namespace strawman::editor {

std::string counted(std::int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    for (std::size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
    return n < 0 ? "-" + digits : digits;
}

std::string shownTime(const std::string& iso) {
    if (iso.size() < 16 || iso[10] != 'T') return iso;
    return iso.substr(0, 10) + " " + iso.substr(11, 5) + (iso.back() == 'Z' ? " UTC" : "");
}

void wrappedHelp(const char* text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", text);
    ImGui::PopTextWrapPos();
}

void pill(const Fonts& fonts, const std::string& text, ImU32 fill, ImU32 ink, bool besideLast) {
    const float size = ImGui::GetFontSize() * 0.85f;
    const ImVec2 extent = fonts.ui->CalcTextSizeA(size, FLT_MAX, 0, text.c_str());
    if (besideLast) {
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < extent.x + 10) ImGui::NewLine();
    }
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float line = ImGui::GetTextLineHeight();
    const ImVec2 min(pos.x, pos.y + (line - extent.y) / 2);
    const ImVec2 max(min.x + extent.x + 10, min.y + extent.y + 1);
    ImDrawList& dl = *ImGui::GetWindowDrawList();
    dl.AddRectFilled(min, max, fill, extent.y);
    dl.AddText(fonts.ui, size, ImVec2(min.x + 5, min.y), ink, text.c_str());
    ImGui::Dummy(ImVec2(max.x - pos.x, line));
}

void headerRow(std::initializer_list<Column> columns) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    int i = 0;
    for (const Column& c : columns) {
        ImGui::TableSetColumnIndex(i++);
        ImGui::TableHeader(c.title);
        if (c.help && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", c.help);
    }
}

void reportBox(const char* id, const std::string& text) {
    const auto lines = std::count(text.begin(), text.end(), '\n') + (text.ends_with('\n') ? 0 : 1);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float height =
        ImGui::GetTextLineHeight() * static_cast<float>(std::min<std::ptrdiff_t>(lines, 14)) +
        2 * style.WindowPadding.y + style.ScrollbarSize;
    ImGui::BeginChild(id, ImVec2(0, height), true, ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::EndChild();
}

bool changeWorkspace(EditorSession& session, Notices& notices, const std::string& failure,
                     const std::function<void(model::Workspace&)>& change) {
    try {
        change(session.workspaceForWrite());
    } catch (const std::exception& e) {
        notices.error(failure, errorText(e));
        return false; // show what the workspace holds now
    }
    try {
        session.reload(); // the other views, and this one, read again
    } catch (const std::exception& e) {
        notices.error("Could not read the workspace", errorText(e));
        return false;
    }
    return true;
}

} // namespace strawman::editor
