#include "data_panel.h"

#include "editor/core/error_text.h"

#include "shortcuts.h"
#include "theme.h"

#include "model/store/event_store.h"
#include "model/store/workspace.h"

#include <imgui.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cfloat>
#include <exception>

namespace strawman::editor {

namespace {

// [SECTION] Small pieces

// 12345 -> "12,345": counts of events run to millions.
std::string counted(std::int64_t n) {
    std::string digits = std::to_string(n < 0 ? -n : n);
    for (std::size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, ",");
    return n < 0 ? "-" + digits : digits;
}

// "2024-05-01T10:02:03Z", as imports are stamped, read as "2024-05-01 10:02 UTC".
std::string shownTime(const std::string& iso) {
    if (iso.size() < 16 || iso[10] != 'T') return iso;
    return iso.substr(0, 10) + " " + iso.substr(11, 5) + (iso.back() == 'Z' ? " UTC" : "");
}

void heading(const Fonts& fonts, const char* text) {
    ImGui::PushFont(fonts.uiBold);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

void wrappedHelp(const char* text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", text);
    ImGui::PopTextWrapPos();
}

// A word on a rounded coloured background, as the network panel shows a map's status.
// With `besideLast`, on the line of the item before when there is room for it.
void pill(const Fonts& fonts, const std::string& text, ImU32 fill, ImU32 ink,
          bool besideLast = false) {
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

// A header row whose titles explain themselves on hover.
struct Column {
    const char* title;
    const char* help; // nullptr: none
};
void headerRow(std::initializer_list<Column> columns) {
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    int i = 0;
    for (const Column& c : columns) {
        ImGui::TableSetColumnIndex(i++);
        ImGui::TableHeader(c.title);
        if (c.help && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", c.help);
    }
}

std::string activityLabel(const std::string& code, const std::vector<model::Activity>& vocabulary) {
    for (const model::Activity& a : vocabulary)
        if (a.code == code) return a.code + " \xC2\xB7 " + a.name;
    return code;
}

MappingTarget targetOf(const CodeRow& row) {
    if (row.unmapped) return {};
    if (!row.activity) return {MappingTarget::Kind::Ignored, {}};
    return {MappingTarget::Kind::Activity, *row.activity};
}

constexpr const char* kUnmappedHelp =
    "No mapping: an import refuses a file that uses this code, or, told to go on "
    "(--unmapped ignore), leaves its events out and counts them.";
constexpr const char* kIgnoredHelp =
    "Imports leave events with this code out on purpose, and count them.";

// The activity combo of a code: "(unmapped)" (when offered), "(ignored)", then
// the network vocabulary. Returns the target picked this frame, if it differs.
std::optional<MappingTarget> mappingCombo(const char* id, const MappingTarget& current,
                                          const std::vector<model::Activity>& vocabulary,
                                          const char* noTargetLabel, bool offerUnmapped) {
    std::string preview = noTargetLabel;
    if (current.kind == MappingTarget::Kind::Ignored) preview = "(ignored)";
    if (current.kind == MappingTarget::Kind::Activity)
        preview = activityLabel(current.activity, vocabulary);

    const bool warn = offerUnmapped && current.kind == MappingTarget::Kind::Unmapped;
    if (warn) ImGui::PushStyleColor(ImGuiCol_Text, colour::hintText);
    const bool open = ImGui::BeginCombo(id, preview.c_str(), ImGuiComboFlags_HeightLarge);
    if (warn) ImGui::PopStyleColor();
    if (!open) return std::nullopt;

    std::optional<MappingTarget> picked;
    const auto item = [&](const MappingTarget& target, const std::string& label, const char* help) {
        const bool selected = target == current;
        if (ImGui::Selectable(label.c_str(), selected) && !selected) picked = target;
        if (help && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", help);
        if (selected) ImGui::SetItemDefaultFocus();
    };
    if (offerUnmapped) item({}, "(unmapped)", kUnmappedHelp);
    item({MappingTarget::Kind::Ignored, {}}, "(ignored)", kIgnoredHelp);
    ImGui::Separator();
    for (const model::Activity& a : vocabulary)
        item({MappingTarget::Kind::Activity, a.code}, a.code + " \xC2\xB7 " + a.name, nullptr);
    ImGui::EndCombo();
    return picked;
}

// What an import holds when no report was stored with it.
std::string recordText(const model::ImportRecord& r) {
    return r.fileName + " (" + r.format + "): import " + std::to_string(r.id.value) + ", " +
           shownTime(r.importedAt) + " by " + r.importedBy + "\n  rows read        " +
           counted(r.rowsRead) + "\n  events accepted  " + counted(r.events) +
           "\n  cases            " + counted(r.cases) + "\n  rows rejected    " +
           counted(r.rowsRejected) + "\n  (no report was stored with this import)\n";
}

std::string importsList(const std::vector<model::ImportId>& ids) {
    std::string out = ids.size() == 1 ? "import " : "imports ";
    for (std::size_t i = 0; i < ids.size(); ++i)
        out += (i ? ", " : "") + std::to_string(ids[i].value);
    return out;
}

} // namespace

// [SECTION] Reading

const ImportWithReport* DataPanel::findImport(model::ImportId id) const {
    for (const ImportWithReport& i : m_data.imports)
        if (i.record.id == id) return &i;
    return nullptr;
}

void DataPanel::refresh(const EditorSession& session, Notices& notices) {
    const auto& trusts = session.trusts();
    if (m_trust && std::none_of(trusts.begin(), trusts.end(),
                                [&](const model::Trust& t) { return t.id == *m_trust; }))
        m_trust.reset(); // removed elsewhere
    if (!m_trust && !trusts.empty()) m_trust = trusts.front().id;

    if (m_read && m_readTrust == m_trust && m_readRevision == session.workspaceRevision()) return;
    if (m_readTrust != m_trust) {
        m_reportShown.reset();
        m_removing.reset();
    }
    m_read = true; // a failed read is reported once, not every frame
    m_readTrust = m_trust;
    m_readRevision = session.workspaceRevision();
    m_data = {};
    try {
        m_vocabulary = session.workspace().activities();
        if (m_trust) m_data = readTrustData(session.workspace(), *m_trust);
    } catch (const std::exception& e) {
        notices.error("Could not read the trust's imports and codes", errorText(e));
    }
    if (m_reportShown && !findImport(*m_reportShown)) m_reportShown.reset();
}

// [SECTION] Drawing

void DataPanel::draw(EditorSession& session, const Fonts& fonts, Notices& notices) {
    pollImport(session, notices); // an import that has ended re-reads the workspace first
    refresh(session, notices);
    drawTrustChoice(session, fonts);
    if (!m_trust) {
        ImGui::Separator();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted("This workspace has no trusts yet. Add one with "
                               "strawman trust add, then import its RIS data.");
        ImGui::PopTextWrapPos();
        return;
    }
    refresh(session, notices); // the trust may have just been changed
    ImGui::Separator();
    drawImports(fonts);
    if (m_reportShown)
        if (const ImportWithReport* shown = findImport(*m_reportShown)) drawReport(*shown);
    drawRemoveConfirmation();
    drawImportRunning();
    drawImportOutcome();
    drawImportForm(session, fonts);
    ImGui::Spacing();
    drawCodes(fonts);
    carryOut(session, notices);
    startImportJob(session, notices);
}

void DataPanel::drawTrustChoice(const EditorSession& session, const Fonts& fonts) {
    ImGui::AlignTextToFramePadding();
    heading(fonts, "Data");
    ImGui::SameLine();
    const model::Trust* chosen = nullptr;
    for (const model::Trust& t : session.trusts())
        if (m_trust && t.id == *m_trust) chosen = &t;
    const std::string preview = chosen ? chosen->code + "  " + chosen->name : "no trust";
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##trust", preview.c_str())) {
        for (const model::Trust& t : session.trusts()) {
            ImGui::PushID(static_cast<int>(t.id.value));
            const bool selected = chosen == &t;
            if (ImGui::Selectable((t.code + "  " + t.name).c_str(), selected)) m_trust = t.id;
            if (selected) ImGui::SetItemDefaultFocus();
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
}

void DataPanel::drawImports(const Fonts& fonts) {
    heading(fonts, "Imports");
    if (m_data.imports.empty()) {
        wrappedHelp("No RIS data imported for this trust yet. Import a file below, or with "
                    "strawman import WORKSPACE FILE --trust CODE.");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit;
    // Room for a few imports; more scroll inside the table.
    const int rows = static_cast<int>(std::min<std::size_t>(m_data.imports.size(), 6));
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

    for (const ImportWithReport& i : m_data.imports) {
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
        if (i.report) {
            const model::ImportReport& report = *i.report;
            std::string repeats = counted(report.sameTimeRepeats);
            if (report.repeatsLeftOut > 0)
                repeats += " (" + counted(report.repeatsLeftOut) + " left out)";
            ImGui::TextUnformatted(repeats.c_str());
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip(
                    "%s same-time repeats kept, %s of them exact repeats\n%s left out\n"
                    "%s events an earlier import holds too (counted once)",
                    counted(report.sameTimeRepeats).c_str(), counted(report.exactRepeats).c_str(),
                    counted(report.repeatsLeftOut).c_str(),
                    counted(report.heldByEarlierImports).c_str());
        } else
            ImGui::TextDisabled("\xE2\x80\x93"); // not recorded for this import
        ImGui::TableSetColumnIndex(7);
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
        ImGui::TableSetColumnIndex(8);
        if (ImGui::SmallButton("Remove\xE2\x80\xA6")) {
            m_removing = r.id;
            m_openRemoveConfirmation = true;
        }
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("Remove this import and every event it brought");
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void DataPanel::drawReport(const ImportWithReport& import) {
    const std::string text =
        import.report ? model::toText(*import.report, remedyText) : recordText(import.record);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("Report of import %lld", static_cast<long long>(import.record.id.value));
    ImGui::SameLine();
    if (ImGui::SmallButton("Copy")) ImGui::SetClipboardText(text.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Close")) m_reportShown.reset();
    const auto lines = std::count(text.begin(), text.end(), '\n') + (text.ends_with('\n') ? 0 : 1);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float height =
        ImGui::GetTextLineHeight() * static_cast<float>(std::min<std::ptrdiff_t>(lines, 14)) +
        2 * style.WindowPadding.y + style.ScrollbarSize;
    ImGui::BeginChild("report", ImVec2(0, height), true, ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::EndChild();
}

void DataPanel::drawRemoveConfirmation() {
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
    const ImportWithReport* import = m_removing ? findImport(*m_removing) : nullptr;
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
    if (remove) m_request = Request{Request::Kind::RemoveImport, {}, {}, r.id};
    if (remove || cancel) {
        m_removing.reset();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void DataPanel::drawCodes(const Fonts& fonts) {
    heading(fonts, "Local codes");
    std::size_t unmapped = 0;
    std::int64_t leftOut = 0;
    for (const CodeRow& row : m_data.codes)
        if (row.unmapped) {
            ++unmapped;
            leftOut += row.eventsLeftOut;
        }
    if (unmapped > 0)
        pill(fonts,
             std::to_string(unmapped) +
                 (unmapped == 1 ? " unmapped code \xC2\xB7 " : " unmapped codes \xC2\xB7 ") +
                 counted(leftOut) + (leftOut == 1 ? " event left out" : " events left out"),
             colour::hintFill, colour::hintText, true);
    // Where mapping happens decides what a change does to data already stored.
    wrappedHelp(
        "Codes are mapped as a file is imported. A change here is saved at once and applies from "
        "the "
        "next import: events already stored keep the activity they were given, and the diff reads "
        "them so. To apply a change to an import, remove it and import its file again.");

    const ImGuiStyle& style = ImGui::GetStyle();
    const float addRow = ImGui::GetFrameHeightWithSpacing() + style.ItemSpacing.y;
    const float minimum = ImGui::GetFrameHeight() * 6;
    const float height = std::max(minimum, ImGui::GetContentRegionAvail().y - addRow);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_ScrollY;
    if (ImGui::BeginTable("codes", 3, flags, ImVec2(0, height))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Local code", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn("Network activity", ImGuiTableColumnFlags_WidthStretch, 1.8f);
        ImGui::TableSetupColumn("Left out", ImGuiTableColumnFlags_WidthFixed,
                                ImGui::CalcTextSize("Left out").x + 2 * style.CellPadding.x);
        headerRow(
            {{"Local code", "The trust's own RIS status code or text."},
             {"Network activity", "The network code it means. Changes are saved at once."},
             {"Left out", "Events with this code that the stored imports left out (unmapped or "
                          "ignored then). Events imported under a mapping are stored under their "
                          "network activity and not counted by code."}});
        if (m_data.codes.empty()) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextDisabled("no codes mapped or met yet");
        }
        for (const CodeRow& row : m_data.codes) {
            ImGui::PushID(row.localCode.c_str());
            ImGui::TableNextRow();
            if (row.unmapped) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, colour::hintFill);

            ImGui::TableSetColumnIndex(0);
            ImGui::AlignTextToFramePadding();
            if (row.localCode.empty())
                ImGui::TextDisabled("(blank)");
            else
                ImGui::TextUnformatted(row.localCode.c_str());
            if (ImGui::IsItemHovered()) {
                const std::string from = importsList(row.importsLeavingOut);
                if (row.localCode.empty())
                    ImGui::SetTooltip("%s events had no code in %s. Correct them in the file.",
                                      counted(row.eventsLeftOut).c_str(), from.c_str());
                else if (row.unmapped)
                    ImGui::SetTooltip(
                        "No mapping: %s events with this code were left out of %s.\nMap it, then "
                        "import the file again, to bring them in.",
                        counted(row.eventsLeftOut).c_str(), from.c_str());
                else if (row.ignored())
                    ImGui::SetTooltip("%s", kIgnoredHelp);
                else if (row.eventsLeftOut > 0)
                    ImGui::SetTooltip(
                        "%s events with this code were left out of %s, before it was mapped "
                        "so.\nRemove that import and import the file again to bring them in.",
                        counted(row.eventsLeftOut).c_str(), from.c_str());
            }

            ImGui::TableSetColumnIndex(1);
            ImGui::SetNextItemWidth(-FLT_MIN);
            ImGui::BeginDisabled(row.localCode.empty()); // a blank code cannot be mapped
            if (auto picked =
                    mappingCombo("##activity", targetOf(row), m_vocabulary, "(unmapped)", true))
                m_request = Request{Request::Kind::Map, row.localCode, std::move(*picked), {}};
            ImGui::EndDisabled();

            ImGui::TableSetColumnIndex(2);
            ImGui::AlignTextToFramePadding();
            if (row.eventsLeftOut > 0)
                ImGui::TextUnformatted(counted(row.eventsLeftOut).c_str());
            else
                ImGui::TextDisabled("\xE2\x80\x93");
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    drawAddMapping();
}

void DataPanel::drawAddMapping() {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float button = ImGui::CalcTextSize("Add").x + 2 * style.FramePadding.x;
    const float fields = ImGui::GetContentRegionAvail().x - button - 2 * style.ItemSpacing.x;
    ImGui::SetNextItemWidth(fields * 0.4f);
    const bool entered =
        ImGui::InputTextWithHint("##newCode", "local code", m_newCode.data(), m_newCode.size(),
                                 ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(fields * 0.6f);
    if (auto picked = mappingCombo("##newActivity", m_newTarget, m_vocabulary,
                                   "network activity\xE2\x80\xA6", false))
        m_newTarget = std::move(*picked);
    ImGui::SameLine();
    const std::string code = trimmedCode(m_newCode.data());
    const bool ready = !code.empty() && m_newTarget.kind != MappingTarget::Kind::Unmapped;
    ImGui::BeginDisabled(!ready);
    const bool add = ImGui::Button("Add");
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        const bool known =
            std::any_of(m_data.mappings.begin(), m_data.mappings.end(),
                        [&](const model::CodeMapping& m) { return m.localCode == code; });
        ImGui::SetTooltip("%s", !ready  ? "Type a local code and choose its network activity."
                                : known ? "This code is mapped already: Add changes its mapping."
                                        : "Map this local code; imports from now on use it.");
    }
    if (ready && (add || entered)) {
        m_request = Request{Request::Kind::Map, code, m_newTarget, {}};
        m_newCode.fill('\0');
        m_newTarget = {};
    }
}

// [SECTION] Writing

void DataPanel::carryOut(EditorSession& session, Notices& notices) {
    if (!m_request || !m_trust) return;
    const Request request = std::move(*m_request);
    m_request.reset();
    model::Workspace& ws = session.workspaceForWrite();
    try {
        if (request.kind == Request::Kind::RemoveImport) {
            ws.events().removeImport(request.importId);
        } else if (request.target.kind == MappingTarget::Kind::Unmapped) {
            ws.events().unsetCodeMapping(*m_trust, request.localCode);
        } else {
            const bool ignore = request.target.kind == MappingTarget::Kind::Ignored;
            ws.events().setCodeMapping(
                *m_trust, request.localCode,
                ignore ? std::nullopt : std::optional<std::string_view>(request.target.activity));
        }
    } catch (const std::exception& e) {
        notices.error(request.kind == Request::Kind::RemoveImport
                          ? "Could not remove import " + std::to_string(request.importId.value)
                          : "Could not change the mapping of \"" + request.localCode + "\"",
                      errorText(e));
        m_read = false; // show what the workspace holds now
        return;
    }
    try {
        session.reload(); // the other views, and this one, read again
    } catch (const std::exception& e) {
        notices.error("Could not read the workspace", errorText(e));
        m_read = false;
    }
}

} // namespace strawman::editor
