#include "data_panel.h"

#include "editor/core/error_text.h"

#include "data_widgets.h"

#include "model/store/workspace.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <exception>

namespace strawman::editor {

// [SECTION] Reading

void DataPanel::refresh(const EditorSession& session, Notices& notices) {
    const auto& trusts = session.trusts();
    if (m_trust && std::none_of(trusts.begin(), trusts.end(),
                                [&](const model::Trust& t) { return t.id == *m_trust; }))
        m_trust.reset(); // removed elsewhere
    if (!m_trust && !trusts.empty()) m_trust = trusts.front().id;

    if (m_read && m_readTrust == m_trust && m_readRevision == session.workspaceRevision()) return;
    const bool otherTrust = m_readTrust != m_trust;
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
    m_imports.read(m_data.imports, otherTrust);
}

// [SECTION] Drawing

void DataPanel::draw(EditorSession& session, const Fonts& fonts, Notices& notices) {
    // An import that has ended re-reads the workspace first.
    const ImportFileForm::Ended ended = m_importForm.poll(session, notices);
    if (ended.newImport) m_imports.closeReport(); // the new one is shown in the form
    if (ended.workspaceChanged) m_read = false;
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
    m_imports.draw(m_data.imports, fonts);
    m_importForm.draw(session, fonts);
    ImGui::Spacing();
    m_codes.draw(m_data, m_vocabulary, fonts);

    // Changes asked for while drawing, now that nothing reads m_data.
    if (!m_imports.carryOut(session, notices)) m_read = false;
    if (!m_codes.carryOut(session, notices, *m_trust)) m_read = false;
    m_importForm.startIfAsked(session, notices, *m_trust);
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

} // namespace strawman::editor
