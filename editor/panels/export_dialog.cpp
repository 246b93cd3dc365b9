#include "export_dialog.h"

#include "script_targets.h"
#include "text_field.h"

#include "model/store/workspace.h"

#include <GL/gl.h>
#include <imgui.h>
#include <stb_image.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <sstream>

namespace strawman::editor {

namespace {

const ImVec4 kProblem{0.70f, 0.12f, 0.12f, 1};
constexpr int kPreviewLines = 40;
constexpr double kDoneShownSeconds = 12;

std::string upper(std::string_view name) {
    std::string out(name);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

// What each format is for, as a lead would choose one.
const char* formatHelp(std::string_view name) {
    if (name == "svg") return "A picture that stays sharp at any size; its text can be selected";
    if (name == "png") return "A picture for slides and documents, at the DPI you choose";
    if (name == "pdf") return "A picture to print or attach to a board paper";
    if (name == "dot") return "The map's Graphviz text, which `strawman map import` reads back";
    if (name == "json") return "The map's nodes, arrows and layout as JSON, for other programs";
    if (name == "bpmn") return "BPMN 2.0 for modelling tools (Camunda Modeler, bpmn.io, Signavio)";
    return "";
}

bool isPng(const std::string& bytes) {
    return bytes.size() > 8 && bytes.compare(0, 4, "\x89PNG") == 0;
}

} // namespace

ExportDialog::~ExportDialog() {
    dropPicture();
}

void ExportDialog::open(const EditorSession& session, const model::MapSummary& map,
                        const DiffPanel& diff) {
    m_form.open(map, std::filesystem::absolute(session.workspace().path()).parent_path());
    // The diff the Diff tab shows on this map is the one a picture draws.
    if (const DiffView* shown = diff.shown(); shown && shown->map == map.id) {
        m_form.diff = shown->choice;
        m_form.drawDiff = diff.overlay() != nullptr;
    }
    if (m_form.diff.trust.empty()) {
        if (!map.trustCode.empty())
            m_form.diff.trust = map.trustCode;
        else if (!session.trusts().empty())
            m_form.diff.trust = session.trusts().front().code;
    }
    copyInto(m_path, m_form.path());
    copyInto(m_from, m_form.diff.from);
    copyInto(m_to, m_form.diff.to);
    m_dpi = static_cast<int>(m_form.dpi);
    m_failed.clear();
    m_problemKey.clear();
    m_open = true;
    m_appearing = true;
}

std::string ExportDialog::previewKey(const EditorSession& session) const {
    const exporters::MapExportRequest r = m_form.request();
    std::ostringstream key;
    key << r.map.value << '|' << exporters::exportFormatName(r.format) << '|' << r.diffTrust << '|'
        << r.choice.from << '|' << r.choice.to << '|' << r.choice.timeZone << '|'
        << r.diffOptions.ignoreUnmodelled << r.standards << r.title << '|' << r.dpi << '|'
        << session.workspaceRevision() << '|' << session.contentRevision();
    for (const auto* values :
         {&r.choice.modalities, &r.choice.priorities, &r.choice.sources, &r.choice.sites}) {
        key << '|';
        for (const std::string& v : *values) key << v << ',';
    }
    return key.str();
}

void ExportDialog::takeFinished() {
    if (m_job && !m_job->running()) {
        if (m_job->state() == JobState::Done) {
            if (auto done = m_job->takeResult()) {
                m_done = exportedText(*done);
                m_doneAt = ImGui::GetTime();
                m_failed.clear();
                m_form.exported();
                m_open = false;
            }
        } else if (m_job->state() == JobState::Failed) {
            m_failed = "Could not export: " + m_job->error();
        } else {
            m_failed = "Stopped: no file was written.";
        }
        m_job.reset();
    }
    if (m_preview && !m_preview->running()) {
        if (m_preview->state() == JobState::Done) {
            if (auto bytes = m_preview->takeResult()) {
                m_previewError.clear();
                if (isPng(*bytes)) {
                    m_previewText.clear();
                    showPicture(*bytes);
                } else {
                    dropPicture();
                    m_previewText = firstLines(*bytes, kPreviewLines);
                }
            }
        } else if (m_preview->state() == JobState::Failed) {
            dropPicture();
            m_previewText.clear();
            m_previewError = m_preview->error();
        }
        m_previewKey = m_previewMaking;
        m_preview.reset();
    }
}

// A new preview once the one shown no longer matches the fields, and none is
// being made: a preview asked for at each keystroke would only queue up.
void ExportDialog::keepPreview(const EditorSession& session) {
    if (!m_open || m_preview) return;
    const std::string key = previewKey(session);
    if (key == m_previewKey) return;
    const exporters::MapExportRequest request = m_form.request();
    if (std::string problem = exporters::requestProblem(session.workspace(), request);
        !problem.empty()) {
        dropPicture();
        m_previewText.clear();
        m_previewError = std::move(problem);
        m_previewKey = key;
        return;
    }
    const model::MapContent& content = session.selected() && session.selected()->id == m_form.map()
                                           ? session.content()
                                           : session.workspace().content(m_form.map());
    m_previewMaking = key;
    m_preview = startPreview(session.workspace().path(), previewRequest(request, content));
}

void ExportDialog::showPicture(const std::string& png) {
    int w = 0, h = 0, channels = 0;
    stbi_uc* pixels = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(png.data()),
                                            static_cast<int>(png.size()), &w, &h, &channels, 4);
    if (!pixels) {
        m_previewError = "the preview could not be read";
        return;
    }
    if (!m_texture) {
        GLuint name = 0;
        glGenTextures(1, &name);
        m_texture = name;
    }
    glBindTexture(GL_TEXTURE_2D, m_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    glBindTexture(GL_TEXTURE_2D, 0);
    stbi_image_free(pixels);
    m_textureW = w;
    m_textureH = h;
}

void ExportDialog::dropPicture() {
    if (m_texture) {
        const GLuint name = m_texture;
        glDeleteTextures(1, &name);
    }
    m_texture = 0;
    m_textureW = m_textureH = 0;
}

std::string ExportDialog::statusText() const {
    if (m_job)
        return "Exporting\xE2\x80\xA6 " +
               std::to_string(static_cast<int>(m_job->fraction() * 100 + 0.5)) + "%";
    if (!m_done.empty() && ImGui::GetTime() - m_doneAt < kDoneShownSeconds) return m_done;
    return {};
}

std::string ExportDialog::report() const {
    std::ostringstream out;
    if (m_open)
        out << "export dialog open " << exporters::exportFormatName(m_form.format()) << " "
            << m_form.file().string() << "\n";
    if (m_open && m_texture)
        out << "export preview picture " << m_textureW << " " << m_textureH << " at "
            << static_cast<int>(m_previewDrawn[0].x) << " " << static_cast<int>(m_previewDrawn[0].y)
            << " " << static_cast<int>(m_previewDrawn[1].x) << " "
            << static_cast<int>(m_previewDrawn[1].y) << "\n";
    else if (m_open && !m_previewText.empty())
        out << "export preview text "
            << std::count(m_previewText.begin(), m_previewText.end(), '\n') << " lines\n";
    if (!m_done.empty()) out << "export done " << m_done << "\n";
    if (!m_failed.empty()) out << "export failed " << m_failed << "\n";
    return out.str();
}

void ExportDialog::drawFormat(const Fonts& fonts) {
    heading(fonts, "Format");
    bool first = true;
    for (exporters::ExportFormat f : exporters::exportFormats()) {
        const std::string_view name = exporters::exportFormatName(f);
        const std::string label = upper(name);
        const float width = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                            ImGui::CalcTextSize(label.c_str()).x;
        if (!first) {
            ImGui::SameLine(0, ImGui::GetFontSize());
            if (ImGui::GetCursorPosX() + width > ImGui::GetContentRegionMax().x) ImGui::NewLine();
        }
        first = false;
        if (ImGui::RadioButton(label.c_str(), m_form.format() == f)) {
            m_form.setFormat(f);
            copyInto(m_path, m_form.path());
        }
        ScriptTargets::mark(("export-format-" + std::string(name)).c_str());
        if (ImGui::IsItemHovered() && *formatHelp(name)) ImGui::SetTooltip("%s", formatHelp(name));
    }
    ImGui::TextWrapped("%s", formatHelp(exporters::exportFormatName(m_form.format())));
}

void ExportDialog::drawPictureOptions(const EditorSession& session, const DiffPanel& diff) {
    if (!m_form.takesPictureOptions()) {
        ImGui::TextWrapped("The diff, badges, DPI and footer are for pictures.");
        return;
    }
    const bool haveTrusts = !session.trusts().empty();
    ImGui::BeginDisabled(!haveTrusts);
    ImGui::Checkbox("Draw a trust's data on the map (the diff)", &m_form.drawDiff);
    ScriptTargets::mark("export-diff");
    ImGui::EndDisabled();
    if (m_form.drawDiff && haveTrusts) {
        ImGui::Indent();
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##export-trust", m_form.diff.trust.c_str())) {
            for (const model::Trust& t : session.trusts()) {
                const std::string row = t.code + "  " + t.name;
                if (ImGui::Selectable(row.c_str(), t.code == m_form.diff.trust))
                    m_form.diff.trust = t.code;
            }
            ImGui::EndCombo();
        }
        ScriptTargets::mark("export-diff-trust");
        ImGui::TextUnformatted("Cases requested from / to (YYYY-MM-DD)");
        const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
        ImGui::SetNextItemWidth(half);
        if (ImGui::InputTextWithHint("##export-from", "first day", m_from.data(), m_from.size()))
            m_form.diff.from = m_from.data();
        ImGui::SameLine();
        ImGui::SetNextItemWidth(half);
        if (ImGui::InputTextWithHint("##export-to", "last day", m_to.data(), m_to.size()))
            m_form.diff.to = m_to.data();
        // The values the Diff tab found in this trust's cases, when it has run on them.
        const model::CaseValues none;
        const DiffView* shown = diff.shown();
        const model::CaseValues& values =
            shown && shown->choice.trust == m_form.diff.trust ? shown->values : none;
        const std::pair<const char*,
                        std::pair<const std::set<std::string>*, std::set<std::string>*>>
            pickers[] = {
                {"Modality", {&values.modalities, &m_form.diff.modalities}},
                {"Priority", {&values.priorities, &m_form.diff.priorities}},
                {"Patient source", {&values.sources, &m_form.diff.sources}},
                {"Site", {&values.sites, &m_form.diff.sites}},
            };
        for (const auto& [title, sets] : pickers) {
            ImGui::TextUnformatted(title);
            valuePicker(("##export-" + std::string(title)).c_str(), *sets.first, *sets.second);
        }
        ImGui::Checkbox("Leave out steps the map does not have", &m_form.diff.ignoreUnmodelled);
        ImGui::Unindent();
    }
    ImGui::Checkbox("The agreed standards' badges", &m_form.standards);
    ScriptTargets::mark("export-standards");
    ImGui::Checkbox("A footer: name, version, content hash, date", &m_form.title);
    ScriptTargets::mark("export-title");
    if (m_form.takesDpi()) {
        ImGui::TextUnformatted("Pixels per inch");
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
        if (ImGui::InputInt("##export-dpi", &m_dpi, 0, 0)) m_form.dpi = m_dpi;
        ScriptTargets::mark("export-dpi");
        ImGui::SameLine();
        ImGui::TextDisabled("96 for screens, 300 for print");
    }
}

void ExportDialog::drawPath(const EditorSession& session, const Fonts& fonts) {
    heading(fonts, "Save as");
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputText("##export-path", m_path.data(), m_path.size()))
        m_form.setPath(m_path.data());
    ScriptTargets::mark("export-path");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("A name without a folder is saved beside the workspace file");
    // What stops the export, worked out again only when the fields change.
    const std::string key = previewKey(session) + "|" + m_form.path();
    if (key != m_problemKey) {
        m_problem = m_form.problem(session.workspace());
        m_problemKey = key;
    }
    if (!m_problem.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kProblem);
        ImGui::TextWrapped("%s", m_problem.c_str());
        ImGui::PopStyleColor();
    }
}

void ExportDialog::drawButtons(const EditorSession& session) {
    ImGui::Spacing();
    const float button = ImGui::GetFontSize() * 8;
    if (m_job) {
        // The bar says the stage ("drawing the picture") on itself.
        const std::string stage = m_job->stage();
        ImGui::ProgressBar(static_cast<float>(m_job->fraction()),
                           ImVec2(-button - ImGui::GetStyle().ItemSpacing.x, 0),
                           stage.empty() ? nullptr : stage.c_str());
        ImGui::SameLine();
        ImGui::BeginDisabled(m_job->cancelRequested());
        if (ImGui::Button("Cancel", ImVec2(button, 0))) m_job->cancel();
        ScriptTargets::mark("export-cancel");
        ImGui::EndDisabled();
        return;
    }
    ImGui::BeginDisabled(!m_problem.empty());
    const bool go = ImGui::Button("Export", ImVec2(button, 0));
    ScriptTargets::mark("export-run");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Cancel", ImVec2(button, 0))) m_open = false;
    ScriptTargets::mark("export-close");
    if (!m_failed.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kProblem);
        ImGui::TextWrapped("%s", m_failed.c_str());
        ImGui::PopStyleColor();
    }
    if (go) {
        m_failed.clear();
        m_job = startExport(session.workspace().path(), m_form.request(), m_form.file());
    }
}

void ExportDialog::drawPreview(const Fonts& fonts) {
    heading(fonts, "Preview");
    const ImVec2 room = ImGui::GetContentRegionAvail();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1, 1, 1, 1));
    ImGui::BeginChild("##export-preview", room, true, ImGuiWindowFlags_HorizontalScrollbar);
    if (m_texture && m_textureW > 0 && m_textureH > 0) {
        // The whole picture, as large as fits, never blown up past twice.
        const ImVec2 box = ImGui::GetContentRegionAvail();
        const float scale = std::min(
            {box.x / static_cast<float>(m_textureW), box.y / static_cast<float>(m_textureH), 2.0f});
        const ImVec2 size(static_cast<float>(m_textureW) * scale,
                          static_cast<float>(m_textureH) * scale);
        ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + (box.x - size.x) / 2,
                                   ImGui::GetCursorPosY() + (box.y - size.y) / 2));
        ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(m_texture)), size);
        m_previewDrawn[0] = ImGui::GetItemRectMin();
        m_previewDrawn[1] = ImGui::GetItemRectMax();
    } else if (!m_previewText.empty()) {
        ImGui::TextUnformatted(m_previewText.c_str());
    } else if (!m_previewError.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kProblem);
        ImGui::TextWrapped("%s", m_previewError.c_str());
        ImGui::PopStyleColor();
    }
    if (m_preview) {
        ImGui::SetCursorPos(ImVec2(8, 8));
        ImGui::TextDisabled("Drawing the preview\xE2\x80\xA6");
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void ExportDialog::draw(const EditorSession& session, const Fonts& fonts, const DiffPanel& diff) {
    takeFinished();
    if (!m_open) return;
    keepPreview(session);
    const ImGuiIO& io = ImGui::GetIO();
    const float font = ImGui::GetFontSize();
    if (m_appearing) {
        ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x / 2, io.DisplaySize.y / 2),
                                ImGuiCond_Always, ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(std::min(io.DisplaySize.x - 40, font * 72),
                                        std::min(io.DisplaySize.y - 40, font * 46)),
                                 ImGuiCond_Always);
        ImGui::SetNextWindowFocus();
        m_appearing = false;
    }
    const std::string title = "Export " + m_form.mapSummary().name + "###export-dialog";
    if (ImGui::Begin(title.c_str(), &m_open,
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::PushFont(fonts.uiBold);
        ImGui::Text("%s  \xC2\xB7  version %d (%s)", m_form.mapSummary().name.c_str(),
                    m_form.mapSummary().versionNumber,
                    m_form.mapSummary().published ? "published" : "draft");
        ImGui::PopFont();
        ImGui::Separator();
        // The options beside the preview, scrolling when the diff's filters
        // make them long; where it goes and the buttons always in sight below.
        const ImGuiStyle& style = ImGui::GetStyle();
        const float footer = 4 * ImGui::GetFrameHeightWithSpacing() + style.ItemSpacing.y;
        const float height = std::max(ImGui::GetContentRegionAvail().y - footer, font * 10);
        // On the window's own grey, so the white fields and boxes stand out.
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
        ImGui::BeginChild("##export-options", ImVec2(font * 26, height));
        drawFormat(fonts);
        ImGui::Separator();
        drawPictureOptions(session, diff);
        ImGui::EndChild();
        ImGui::SameLine(0, font);
        ImGui::BeginChild("##export-preview-side", ImVec2(0, height));
        drawPreview(fonts);
        ImGui::EndChild();
        ImGui::PopStyleColor();
        ImGui::Separator();
        drawPath(session, fonts);
        drawButtons(session);
    }
    ImGui::End();
}

} // namespace strawman::editor
