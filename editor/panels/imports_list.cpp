#include "imports_list.h"

#include "editor/core/error_text.h"

#include "data_widgets.h"
#include "shortcuts.h"
#include "theme.h"

#include "model/store/event_store.h"
#include "model/store/workspace.h"

#include <imgui.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>

namespace strawman::editor {

namespace {

const ImportWithReport* findImport(const std::vector<ImportWithReport>& imports,
                                   model::ImportId id) {
    for (const ImportWithReport& i : imports)
        if (i.record.id == id) return &i;
    return nullptr;
}

// What an import holds when no report was stored with it.
std::string recordText(const model::ImportRecord& r) {
    return r.fileName + " (" + r.format + "): import " + std::to_string(r.id.value) + ", " +
           shownTime(r.importedAt) + " by " + r.importedBy + "\n  rows read        " +
           counted(r.rowsRead) + "\n  events accepted  " + counted(r.events) +
           "\n  cases            " + counted(r.cases) + "\n  rows rejected    " +
           counted(r.rowsRejected) + "\n  (no report was stored with this import)\n";
}

// The "Repeated" cell: same-time repeats kept, and those left out.
void repeatsCell(const ImportWithReport& i) {
    if (!i.report) {
        ImGui::TextDisabled("\xE2\x80\x93"); // not recorded for this import
        return;
    }
    const model::ImportReport& report = *i.report;
    std::string repeats = counted(report.sameTimeRepeats);
    if (report.repeatsLeftOut > 0) repeats += " (" + counted(report.repeatsLeftOut) + " left out)";
    ImGui::TextUnformatted(repeats.c_str());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "%s same-time repeats kept, %s of them exact repeats\n%s left out\n"
            "%s events an earlier import holds too (counted once)",
            counted(report.sameTimeRepeats).c_str(), counted(report.exactRepeats).c_str(),
            counted(report.repeatsLeftOut).c_str(), counted(report.heldByEarlierImports).c_str());
}

// The "Unmapped codes" cell: how many codes, and their events, the import left out.
void unmappedCell(const ImportWithReport& i, const Fonts& fonts) {
    if (!i.report) {
        ImGui::TextDisabled("\xE2\x80\x93");
    } else if (i.report->unmappedCodes.empty()) {
        ImGui::TextDisabled("none");
    } else {
        std::int64_t events = 0;
        for (const auto& [code, u] : i.report->unmappedCodes) events += u.count;
        const std::size_t codes = i.report->unmappedCodes.size();
        pill(fonts,
             std::to_string(codes) + (codes == 1 ? " code \xC2\xB7 " : " codes \xC2\xB7 ") +
                 counted(events) + (events == 1 ? " event left out" : " events left out"),
             colour::hintFill, colour::hintText);
    }
}

} // namespace

// [SECTION] Reading

void ImportsList::read(const std::vector<ImportWithReport>& imports, bool otherTrust) {
    if (otherTrust) {
        m_reportShown.reset();
        m_removing.reset();
    }
    if (m_reportShown && !findImport(imports, *m_reportShown)) m_reportShown.reset();
}

// [SECTION] Drawing

void ImportsList::draw(const std::vector<ImportWithReport>& imports, const Fonts& fonts) {
    drawTable(imports, fonts);
    if (m_reportShown)
        if (const ImportWithReport* shown = findImport(imports, *m_reportShown)) drawReport(*shown);
    drawRemoveConfirmation(imports);
}

void ImportsList::drawTable(const std::vector<ImportWithReport>& imports, const Fonts& fonts) {
    heading(fonts, "Imports");
    if (imports.empty()) {
        wrappedHelp("No RIS data imported for this trust yet. Import a file below, or with "
                    "strawman import WORKSPACE FILE --trust CODE.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
    // Room for a few imports; more scroll inside the table.
    const int rows = static_cast<int>(std::min<std::size_t>(imports.size(), 6));
    const float rowHeight = ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y;
    const float height =
        rowHeight * static_cast<float>(rows + 1) + ImGui::GetStyle().ScrollbarSize + 4;
    if (!ImGui::BeginTable("imports", 9, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    for (const char* title : {"File", "Format", "Imported", "Events", "Rejected", "Cases",
                              "Repeated", "Unmapped codes", "##remove"})
        ImGui::TableSetupColumn(title);
    headerRow(
        {{"File", "Click a row to read the import's full report."},
         {"Format", nullptr},
         {"Imported", "When the file was imported (UTC)."},
         {"Events", "Events accepted and stored."},
         {"Rejected", "Rows that could not be used; the report lists them with their line."},
         {"Cases", "Examinations (accession numbers) the events belong to."},
         {"Repeated",
          "Events with the activity and time of another of the same examination (the same test "
          "twice on one day): kept. Exact repeats, every field equal, are left out only when the "
          "import asked for that."},
         {"Unmapped codes", "Local codes with no network activity: their events were left out."},
         {"##remove", nullptr}});
    for (const ImportWithReport& i : imports) drawRow(i, fonts);
    ImGui::EndTable();
}

void ImportsList::drawRow(const ImportWithReport& i, const Fonts& fonts) {
    const model::ImportRecord& r = i.record;
    ImGui::PushID(static_cast<int>(r.id.value));
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    const bool open = m_reportShown == r.id;
    if (ImGui::Selectable(r.fileName.c_str(), open,
                          ImGuiSelectableFlags_SpanAllColumns |
                              ImGuiSelectableFlags_AllowItemOverlap))
        m_reportShown = open ? std::nullopt : std::optional<model::ImportId>(r.id);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "Import %lld: %s\nby %s\nSHA-256 %.16s\xE2\x80\xA6\nClick to %s its report.",
            static_cast<long long>(r.id.value), r.fileName.c_str(), r.importedBy.c_str(),
            r.sha256.c_str(), open ? "hide" : "read");

    ImGui::TableSetColumnIndex(1);
    ImGui::TextUnformatted(r.format.c_str());
    ImGui::TableSetColumnIndex(2);
    ImGui::TextUnformatted(shownTime(r.importedAt).c_str());
    ImGui::TableSetColumnIndex(3);
    ImGui::TextUnformatted(counted(r.events).c_str());
    ImGui::TableSetColumnIndex(4);
    if (r.rowsRejected > 0)
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour::hintText), "%s",
                           counted(r.rowsRejected).c_str());
    else
        ImGui::TextDisabled("0");
    ImGui::TableSetColumnIndex(5);
    ImGui::TextUnformatted(counted(r.cases).c_str());
    ImGui::TableSetColumnIndex(6);
    repeatsCell(i);
    ImGui::TableSetColumnIndex(7);
    unmappedCell(i, fonts);
    ImGui::TableSetColumnIndex(8);
    if (ImGui::SmallButton("Remove\xE2\x80\xA6")) {
        m_removing = r.id;
        m_openRemoveConfirmation = true;
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Remove this import and every event it brought");
    ImGui::PopID();
}

void ImportsList::drawReport(const ImportWithReport& import) {
    const std::string text =
        import.report ? model::toText(*import.report, remedyText) : recordText(import.record);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("Report of import %lld", static_cast<long long>(import.record.id.value));
    ImGui::SameLine();
    if (ImGui::SmallButton("Copy")) ImGui::SetClipboardText(text.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Close")) m_reportShown.reset();
    reportBox("report", text);
}

void ImportsList::drawRemoveConfirmation(const std::vector<ImportWithReport>& imports) {
    const char* id = "Remove import?##data";
    if (m_openRemoveConfirmation) {
        ImGui::OpenPopup(id);
        m_openRemoveConfirmation = false;
    }
    if (!ImGui::IsPopupOpen(id)) return;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2), ImGuiCond_Always,
                            ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const ImportWithReport* import = m_removing ? findImport(imports, *m_removing) : nullptr;
    if (!import) { // gone meanwhile (removed elsewhere, or another trust chosen)
        m_removing.reset();
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const model::ImportRecord& r = import->record;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::Text("Remove import %lld, %s (%s, %s)?", static_cast<long long>(r.id.value),
                r.fileName.c_str(), r.format.c_str(), shownTime(r.importedAt).c_str());
    ImGui::Spacing();
    ImGui::TextUnformatted(
        ("Its " + counted(r.events) + " events in " + counted(r.cases) +
         " cases are deleted from the workspace, all in one step. The other imports, "
         "the maps and the code mapping stay. The file can be imported again.")
            .c_str());
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, colour::refused);
    const bool remove = ImGui::Button("Remove", ImVec2(120, 0));
    ImGui::PopStyleColor();
    ImGui::SameLine();
    const bool cancel = ImGui::Button("Cancel", ImVec2(120, 0)) || keyPressed(GLFW_KEY_ESCAPE);
    if (remove) m_remove = r.id;
    if (remove || cancel) {
        m_removing.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// [SECTION] Writing

bool ImportsList::carryOut(EditorSession& session, Notices& notices) {
    if (!m_remove) return true;
    const model::ImportId id = *m_remove;
    m_remove.reset();
    return changeWorkspace(session, notices, "Could not remove import " + std::to_string(id.value),
                           [&](model::Workspace& ws) { ws.events().removeImport(id); });
}

} // namespace strawman::editor
