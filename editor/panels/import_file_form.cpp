#include "import_file_form.h"

#include "editor/core/error_text.h"

#include "data_widgets.h"
#include "script_targets.h"
#include "text_field.h"
#include "theme.h"

#include "model/core/error.h"
#include "model/events/pseudonym.h"
#include "model/store/event_store.h"

#include <imgui.h>

#include <algorithm>
#include <exception>

namespace strawman::editor {

namespace {

constexpr const char* kDefaultZone = "Europe/London";

const char* formatLabel(FormatChoice format) {
    switch (format) {
    case FormatChoice::FromName:
        return "from the name";
    case FormatChoice::Csv:
        return "CSV";
    case FormatChoice::Xes:
        return "XES";
    case FormatChoice::Hl7:
        return "HL7 v2";
    case FormatChoice::Did:
        return "DID (Diagnostic Imaging Dataset, CSV)";
    }
    return "";
}

const char* delimiterLabel(DelimiterChoice delimiter) {
    switch (delimiter) {
    case DelimiterChoice::Detect:
        return "detected from the header";
    case DelimiterChoice::Comma:
        return "comma  ,";
    case DelimiterChoice::Semicolon:
        return "semicolon  ;";
    case DelimiterChoice::Tab:
        return "tab";
    case DelimiterChoice::Bar:
        return "bar  |";
    }
    return "";
}

// A combo over every value of an enum from `first` to `last`.
template <class E, class Label>
void choiceCombo(const char* id, E& value, E first, E last, Label label,
                 const std::string& preview) {
    if (!ImGui::BeginCombo(id, preview.c_str())) return;
    for (int i = static_cast<int>(first); i <= static_cast<int>(last); ++i) {
        const E option = static_cast<E>(i);
        if (ImGui::Selectable(label(option), option == value)) value = option;
        if (option == value) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
}

} // namespace

// [SECTION] The running import

ImportFileForm::Ended ImportFileForm::poll(EditorSession& session, Notices& notices) {
    Ended ended;
    if (!m_job || m_job->running()) return ended;
    const std::unique_ptr<ImportJob> job = std::move(m_job);
    switch (job->state()) {
    case JobState::Running:
        break;
    case JobState::Done:
        if (auto report = job->takeResult()) {
            m_outcome = Outcome{"Import of " + m_file + " into " + m_trustCode,
                                model::toText(*report, remedyText), true};
            ended.newImport = report->imported;
        }
        try {
            session.reload(); // the imports table, the codes and the diff read the new data
        } catch (const std::exception& e) {
            notices.error("Could not read the workspace", errorText(e));
        }
        ended.workspaceChanged = true;
        break;
    case JobState::Failed:
        notices.error("Could not import " + m_file, job->error());
        break;
    case JobState::Cancelled:
        m_outcome =
            Outcome{"Import of " + m_file + " cancelled",
                    "The import of " + m_file + " was cancelled: nothing was stored.", false};
        break;
    }
    return ended;
}

void ImportFileForm::draw(const EditorSession& session, const Fonts& fonts) {
    drawRunning();
    drawOutcome();
    drawForm(session, fonts);
}

void ImportFileForm::drawRunning() {
    if (!m_job) return;
    ImGui::Spacing();
    const bool stopping = m_job->cancelRequested();
    ImGui::Text("%s %s into %s\xE2\x80\xA6", stopping ? "Stopping the import of" : "Importing",
                m_file.c_str(), m_trustCode.c_str());
    const ImGuiStyle& style = ImGui::GetStyle();
    const float button = ImGui::CalcTextSize("Cancel").x + 2 * style.FramePadding.x;
    const std::string stage = m_job->stage();
    ImGui::ProgressBar(static_cast<float>(m_job->fraction()),
                       ImVec2(ImGui::GetContentRegionAvail().x - button - style.ItemSpacing.x, 0),
                       stage.empty() ? nullptr : stage.c_str());
    ImGui::SameLine();
    ImGui::BeginDisabled(stopping);
    if (ImGui::Button("Cancel##import")) m_job->cancel();
    ScriptTargets::mark("import-cancel");
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", stopping ? "Stopping at the next block: nothing will be stored."
                                         : "Stop the import: nothing of it is stored.");
}

void ImportFileForm::drawOutcome() {
    if (!m_outcome) return;
    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    if (!m_outcome->report) {
        // The button first: the sentence wraps in the narrow side bar.
        const bool close = ImGui::SmallButton("Close##importOutcome");
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(m_outcome->text.c_str());
        ImGui::PopTextWrapPos();
        if (close) m_outcome.reset();
        return;
    }
    // The buttons first, where the narrow side bar cannot push them out of sight.
    if (ImGui::SmallButton("Close##importOutcome")) {
        m_outcome.reset();
        return;
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("Copy##importOutcome")) ImGui::SetClipboardText(m_outcome->text.c_str());
    ImGui::SameLine();
    ImGui::TextUnformatted(m_outcome->title.c_str());
    reportBox("importReport", m_outcome->text);
}

// [SECTION] The form

void ImportFileForm::readFolder(const EditorSession& session) {
    m_folderRevision = session.workspaceRevision();
    m_folder = std::filesystem::absolute(session.workspace().path()).parent_path();
    m_eventFiles = eventFilesIn(m_folder);
    try {
        m_defaultKey =
            model::PseudonymKey::defaultPath(session.workspace().events().networkId()).string();
    } catch (const std::exception&) {
        m_defaultKey.clear(); // the hint then only says "the network's key"
    }
}

ImportFormFields ImportFileForm::fields() const {
    ImportFormFields fields = m_form;
    fields.path = m_path.data();
    fields.columns = m_columns.data();
    fields.timeZone = m_zone.data();
    fields.keyFile = m_key.data();
    return fields;
}

void ImportFileForm::drawForm(const EditorSession& session, const Fonts& fonts) {
    ImGui::Spacing();
    ImGui::PushFont(fonts.uiBold);
    const bool open = ImGui::CollapsingHeader("Import a file\xE2\x80\xA6##importForm");
    ScriptTargets::mark("import-form");
    ImGui::PopFont();
    if (!open) return;
    if (m_folderRevision != session.workspaceRevision()) readFolder(session);

    ImGui::PushItemWidth(-ImGui::GetFontSize() * 7);
    drawFileChoice();
    drawOptions();
    ImGui::PopItemWidth();
    drawImportButton();
}

void ImportFileForm::drawFileChoice() {
    ImGui::InputTextWithHint("File", "path of a CSV, XES, HL7 or DID file", m_path.data(),
                             m_path.size());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("A path without a folder is read from the workspace's folder:\n%s",
                          m_folder.string().c_str());

    // No file dialog in ImGui: the event files beside the workspace, to click.
    ImGui::TextDisabled("In %s:", m_folder.string().c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Refresh##importFiles")) m_eventFiles = eventFilesIn(m_folder);
    if (m_eventFiles.empty()) {
        ImGui::TextDisabled("  no event files (.csv, .tsv, .xes, .hl7, .mllp, also .gz)");
        return;
    }
    const float rows = static_cast<float>(std::min<std::size_t>(m_eventFiles.size(), 5));
    ImGui::BeginChild("eventFiles",
                      ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * rows +
                                    2 * ImGui::GetStyle().WindowPadding.y),
                      true);
    const std::string typed = m_path.data();
    for (const auto& file : m_eventFiles) {
        const std::string name = file.filename().string();
        const bool chosen = chosenFile(typed, m_folder) == file;
        if (ImGui::Selectable(name.c_str(), chosen)) copyInto(m_path, name);
        if (&file == &m_eventFiles.front()) ScriptTargets::mark("import-first-file");
    }
    ImGui::EndChild();
}

void ImportFileForm::drawImportButton() {
    const std::string problem = formProblem(fields(), m_folder);
    const bool running = m_job != nullptr;
    if (!problem.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colour::hintText), "%s", problem.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::BeginDisabled(!problem.empty() || running);
    if (ImGui::Button("Import")) m_start = true;
    ScriptTargets::mark("import-run");
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", running ? "One import at a time: wait for this one, or cancel it."
                                : !problem.empty()
                                    ? problem.c_str()
                                    : "Import the file into this trust's log, in the background.");
}

void ImportFileForm::drawOptions() {
    ImportFormFields& form = m_form;
    const auto told = formatToRead(fields());
    const std::string formatPreview =
        form.format == FormatChoice::FromName
            ? std::string("from the name") + (told ? " (" + *told + ")" : " (cannot tell)")
            : formatLabel(form.format);
    choiceCombo("Format", form.format, FormatChoice::FromName, FormatChoice::Did, formatLabel,
                formatPreview);

    if (!told || *told == "csv" || *told == "did") {
        choiceCombo("Delimiter", form.delimiter, DelimiterChoice::Detect, DelimiterChoice::Bar,
                    delimiterLabel, delimiterLabel(form.delimiter));
        ImGui::InputTextWithHint("Columns", "guessed from the header", m_columns.data(),
                                 m_columns.size());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("The columns to read, by their header names, as strawman import "
                              "--columns takes them:\ncase=Accession,activity=Status,timestamp="
                              "\"Event Time\"\nmore keys: patient, modality, priority, source, "
                              "site, resource, examination.\nEmpty: guessed from the header; the "
                              "report says what was guessed.");
    }
    ImGui::InputTextWithHint("Time zone", kDefaultZone, m_zone.data(), m_zone.size());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Of local times written without an offset (the October repeated hour and "
                          "the March gap are counted in the report).");

    // Each choice on a line of its own: the side bar is narrow.
    ImGui::TextUnformatted("Local codes with no mapping:");
    if (ImGui::RadioButton("refuse the file", !form.leaveOutUnmapped))
        form.leaveOutUnmapped = false;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "A file with a local code that has no network activity is not stored; the "
            "report lists the codes to map.");
    if (ImGui::RadioButton("leave their events out", form.leaveOutUnmapped))
        form.leaveOutUnmapped = true;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Store the other events; the codes and their events left out are counted "
                          "in the report.");
    ImGui::Checkbox("Import again if imported before", &form.importAgain);
    ImGui::Checkbox("Leave out exact repeats", &form.dropExactRepeats);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Events that repeat another of their examination exactly, every field "
                          "equal, are kept unless this is ticked; they are counted either way.\n"
                          "The same activity twice at one time with any field different is two "
                          "events and always kept.");

    const std::string keyHint =
        m_defaultKey.empty() ? std::string("the network's key") : m_defaultKey;
    ImGui::InputTextWithHint("Key file", keyHint.c_str(), m_key.data(), m_key.size());
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("The pseudonymisation key: case and patient numbers are stored only as "
                          "keyed hashes.\nEmpty: the network's own key, made on first use at\n%s\n"
                          "Give the same key wherever this network's data is imported.",
                          keyHint.c_str());
}

// [SECTION] Starting

void ImportFileForm::startIfAsked(const EditorSession& session, Notices& notices,
                                  model::TrustId trustId) {
    if (!m_start) return;
    m_start = false;
    if (m_job) return;
    std::string trust;
    for (const model::Trust& t : session.trusts())
        if (t.id == trustId) trust = t.code;
    const ImportFormFields form = fields();
    try {
        model::ImportRequest request = importRequest(form, trust, m_folder);
        m_file = request.file.filename().string();
        m_trustCode = trust;
        m_outcome.reset();
        // The job opens the workspace itself: this connection stays on the UI thread.
        m_job = startImport(session.workspace().path(), std::move(request));
    } catch (const std::exception& e) {
        notices.error("Could not import " + chosenFile(form.path, m_folder).string(), errorText(e));
    }
}

} // namespace strawman::editor
