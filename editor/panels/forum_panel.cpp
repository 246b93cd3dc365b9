#include "forum_panel.h"

#include "editor/core/error_text.h"
#include "forum/discussion.h"

#include "script_targets.h"
#include "text_field.h"
#include "theme.h"

#include <imgui.h>

#include <cfloat>
#include <exception>
#include <utility>

namespace strawman::editor {

namespace {

constexpr const char* kChooseMember = "Choose who you are acting as in the status bar";

// `text` cut to fit `width` pixels in `font`, with an ellipsis, never inside a
// UTF-8 character.
std::string fitted(const std::string& text, ImFont* font, float size, float width) {
    const auto measure = [&](const std::string& t) {
        return font->CalcTextSizeA(size, FLT_MAX, 0, t.c_str()).x;
    };
    if (measure(text) <= width) return text;
    std::size_t n = text.size();
    while (n > 0) {
        do --n;
        while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80);
        const std::string cut = text.substr(0, n) + "\xE2\x80\xA6";
        if (measure(cut) <= width) return cut;
    }
    return "\xE2\x80\xA6";
}

// The longest run of whole words from the start of `text` that fits `width`
// (at least one word, cut by fitted if that alone is too wide), and the rest.
std::pair<std::string, std::string> firstLine(const std::string& text, ImFont* font, float size,
                                              float width) {
    std::size_t end = 0;
    for (std::size_t space = text.find(' ');; space = text.find(' ', space + 1)) {
        const std::size_t cut = space == std::string::npos ? text.size() : space;
        if (font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str(), text.c_str() + cut).x > width)
            break;
        end = cut;
        if (space == std::string::npos) break;
    }
    if (end == 0) return {fitted(text, font, size, width), {}};
    const std::size_t next = text.find_first_not_of(' ', end);
    return {text.substr(0, end), next == std::string::npos ? std::string() : text.substr(next)};
}

std::string plural(std::int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "the map", "vet", "vet → accepted": what a heading says a place is.
std::string headingFor(const ForumView& view, const ForumPlace& place,
                       const model::MapContent& content) {
    if (place.kind == ForumPlace::Kind::Map || !view.map()) return "Threads on the map";
    return "Threads on " + placeText(content, anchorOf(*view.map(), place));
}

} // namespace

// [SECTION] Reading

void ForumPanel::refresh(const EditorSession& session, Notices& notices) {
    try {
        m_view.setReader(actingAs);
        m_view.refresh(session);
    } catch (const std::exception& e) {
        notices.error("Could not read the forum's threads", errorText(e));
    }
}

void ForumPanel::readPosts(const EditorSession& session, Notices& notices) {
    if (!m_open || (m_postsOf == m_open && m_postsRevision == m_view.revision())) return;
    m_postsOf = m_open;
    m_postsRevision = m_view.revision();
    try {
        m_openRow = m_view.thread(session.workspace(), *m_open);
        m_posts = m_view.posts(session.workspace(), *m_open);
    } catch (const std::exception& e) {
        // Gone from the workspace meanwhile (another window, a restore): back to the list.
        notices.error("Could not read the thread", errorText(e));
        m_open.reset();
        m_posts.clear();
    }
}

void ForumPanel::showPlace(const ForumPlace& place) {
    m_followed = place;
    m_wholeMap = false;
    m_newThread = false;
    const std::vector<ThreadRow> rows = m_view.rows(place);
    if (rows.size() == 1)
        m_open = rows.front().id;
    else
        m_open.reset();
}

void ForumPanel::openThread(const model::Workspace& ws, model::ThreadId id) {
    (void)ws.forum().thread(id); // refuses an unknown thread
    m_open = id;
    m_newThread = false;
}

// A node or arrow selected on the canvas brings up its threads; selecting
// nothing, or several things, the map's.
void ForumPanel::followSelection(const Selection& selection) {
    const ForumPlace place = placeOf(selection);
    if (place == m_followed) return;
    m_followed = place;
    m_wholeMap = false;
    m_newThread = false;
    m_open.reset();
}

std::string ForumPanel::report() const {
    std::string out;
    if (m_showProposals) {
        out = m_proposals.report();
    } else if (m_open) {
        out = "forum thread " + std::to_string(m_open->value) + "\n";
    } else {
        const ForumPlace place = m_wholeMap ? ForumPlace{} : m_followed;
        out = "forum list " +
              (place.kind == ForumPlace::Kind::Map    ? std::string("map")
               : place.kind == ForumPlace::Kind::Node ? "node " + place.node
                                                      : "edge " + place.node + ">" + place.to) +
              " " + std::to_string(m_view.rows(place).size()) + "\n";
        for (const ThreadRow& row : m_view.rows(place))
            if (row.unread > 0)
                out += "forum unread " + std::to_string(row.id.value) + " " +
                       std::to_string(row.unread) + " mentions " +
                       std::to_string(row.mentionsUnread) + "\n";
    }
    const model::Member* as = actingMember();
    return out + "forum acting as " + (as ? as->name : std::string("nobody")) + "\n";
}

// [SECTION] Drawing

void ForumPanel::draw(MapEditor& editor, const Fonts& fonts, Notices& notices) {
    EditorSession& session = editor.session();
    followSelection(editor.selection());
    if (!session.selected()) {
        ImGui::TextDisabled("Open a map to read and write its threads.");
        return;
    }
    // Another map opened: its own list, not a thread of the one before.
    if (m_shownMap && *m_shownMap != session.selected()->id) {
        m_open.reset();
        m_newThread = false;
        m_wholeMap = false;
        m_editing.reset();
    }
    m_shownMap = session.selected()->id;
    if (ImGui::RadioButton("Threads", !m_showProposals)) m_showProposals = false;
    ScriptTargets::mark("forum-threads");
    ImGui::SameLine();
    if (ImGui::RadioButton("Proposals", m_showProposals)) m_showProposals = true;
    ScriptTargets::mark("forum-proposals");
    ImGui::Separator();
    if (m_showProposals) {
        // A proposal's discussion is a thread: asked for, it opens here.
        if (const auto thread = m_proposals.draw(session, actingMember(), fonts, notices)) {
            m_showProposals = false;
            m_newThread = false;
            m_open = *thread;
        }
        return;
    }
    readPosts(session, notices);
    if (m_open)
        drawThread(session, fonts, notices);
    else
        drawList(editor, fonts, notices);
}

bool ForumPanel::drawCompose(const char* button, const char* buttonTarget, float height) {
    const model::Member* as = actingMember();
    if (as) {
        ImGui::TextDisabled("Writing as %s", as->name.c_str());
    } else {
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(ImVec4(0.62f, 0.20f, 0.05f, 1), "%s", kChooseMember);
        ImGui::PopTextWrapPos();
    }
    ImGui::BeginDisabled(!as);
    ImGui::InputTextMultiline("##compose", m_text.data(), m_text.size(), ImVec2(-FLT_MIN, height));
    ScriptTargets::mark("forum-compose");
    const bool empty = m_text[0] == '\0';
    ImGui::BeginDisabled(empty);
    const bool pressed = ImGui::Button(button);
    ScriptTargets::mark(buttonTarget);
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    return pressed && as && !empty;
}

void ForumPanel::drawList(MapEditor& editor, const Fonts& fonts, Notices& notices) {
    EditorSession& session = editor.session();
    const ForumPlace place = m_wholeMap ? ForumPlace{} : m_followed;
    ImGui::PushFont(fonts.uiBold);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(headingFor(m_view, place, session.content()).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    if (place.kind != ForumPlace::Kind::Map || m_followed.kind != ForumPlace::Kind::Map) {
        if (m_wholeMap) {
            if (ImGui::SmallButton("Only those on the selection")) m_wholeMap = false;
        } else if (ImGui::SmallButton("All threads on the map")) {
            m_wholeMap = true;
            m_newThread = false;
        }
        ScriptTargets::mark("forum-all-threads");
    }

    const std::string where = place.kind == ForumPlace::Kind::Map
                                  ? std::string("the map")
                                  : placeText(session.content(), anchorOf(*m_view.map(), place));
    if (m_newThread) {
        ImGui::Spacing();
        ImGui::TextWrapped("A new thread on %s", where.c_str());
        const bool start =
            drawCompose("Start thread", "forum-start-thread", ImGui::GetTextLineHeight() * 6);
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) m_newThread = false;
        const model::Member* as = actingMember();
        if (start && as) {
            model::ThreadId started;
            if (attempt(notices, "Could not start the thread", [&] {
                    started = forum::startThread(session.workspaceForWrite(),
                                                 anchorOf(*m_view.map(), place), *as, m_text.data())
                                  .thread;
                })) {
                m_text[0] = '\0';
                m_newThread = false;
                m_view.invalidate();
                m_open = started;
            }
        }
        ImGui::Separator();
    } else if (ImGui::Button(place.kind == ForumPlace::Kind::Map ? "New thread on the map"
                                                                 : "New thread here")) {
        m_newThread = true;
    }
    if (!m_newThread) ScriptTargets::mark("forum-new-thread");

    const std::vector<ThreadRow> rows = m_view.rows(place);
    ImGui::Spacing();
    if (rows.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("No threads on %s yet.", where.c_str());
        ImGui::PopTextWrapPos();
        return;
    }
    ImGui::BeginChild("threads");
    for (const ThreadRow& row : rows) drawRow(row, fonts);
    ImGui::EndChild();
}

// Five lines, all one button: where, the opening words (two), who, and when.
void ForumPanel::drawRow(const ThreadRow& row, const Fonts& fonts) {
    ImGui::PushID(static_cast<int>(row.id.value));
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeight();
    const float gap = style.ItemSpacing.y;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = 5 * line + 4 * gap + 2 * style.FramePadding.y;
    if (ImGui::Selectable("##thread", false, 0, ImVec2(width, height))) m_open = row.id;
    const std::string target = "forum-thread-" + std::to_string(row.id.value);
    ScriptTargets::mark(target.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);

    ImDrawList& dl = *ImGui::GetWindowDrawList();
    const float size = ImGui::GetFontSize();
    const float inner = width - 2 * style.FramePadding.x;
    ImVec2 pen(at.x + style.FramePadding.x, at.y + style.FramePadding.y);
    // What the member acted as has not read, in the bubbles' violet at the
    // line's end; the place gives way to it.
    float unreadWidth = 0;
    if (row.unread > 0) {
        const std::string unread =
            std::to_string(row.unread) + (row.mentionsUnread > 0 ? " new, @you" : " new");
        unreadWidth = fonts.uiBold->CalcTextSizeA(size, FLT_MAX, 0, unread.c_str()).x;
        dl.AddText(fonts.uiBold, size, ImVec2(pen.x + inner - unreadWidth, pen.y),
                   colour::forumBubble, unread.c_str());
        unreadWidth += size * 0.6f;
    }
    const std::string where = fitted(row.where, fonts.uiBold, size, inner - unreadWidth);
    dl.AddText(fonts.uiBold, size, pen,
               row.gone ? colour::problem : ImGui::GetColorU32(ImGuiCol_Text), where.c_str());
    pen.y += line + gap;
    // The opening words in quotes, over two lines.
    const auto [first, rest] =
        firstLine("\xE2\x80\x9C" + row.opening + "\xE2\x80\x9D", fonts.ui, size, inner); // “”
    dl.AddText(fonts.ui, size, pen, ImGui::GetColorU32(ImGuiCol_Text), first.c_str());
    pen.y += line + gap;
    const std::string second = fitted(rest, fonts.ui, size, inner);
    dl.AddText(fonts.ui, size, pen, ImGui::GetColorU32(ImGuiCol_Text), second.c_str());
    pen.y += line + gap;
    // Who and when on lines of their own: the side panel is narrow, and a
    // time cut short says nothing.
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const std::string who = fitted(
        row.startedBy + "  \xC2\xB7  " + plural(row.posts, "post", "posts"), fonts.ui, size, inner);
    dl.AddText(fonts.ui, size, pen, muted, who.c_str());

    pen.y += line + gap;
    const std::string when = fitted("last post " + row.lastPost, fonts.ui, size, inner);
    dl.AddText(fonts.ui, size, pen, muted, when.c_str());
    ImGui::Separator();
    ImGui::PopID();
}

// Author, time and text; the member acted as may give their own post a new text.
void ForumPanel::drawPost(const PostRow& p, EditorSession& session, const Fonts& fonts,
                          Notices& notices) {
    ImGui::PushID(static_cast<int>(p.id.value));
    ImGui::PushFont(fonts.uiBold);
    ImGui::TextUnformatted(p.author.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("%s%s", p.at.c_str(), p.edited ? "  \xC2\xB7  edited" : "");
    const model::Member* as = actingMember();
    const bool own = as && as->id == p.authorId;
    if (own && m_editing != p.id) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Edit")) {
            m_editing = p.id;
            copyInto(m_editText, p.text);
        }
        ScriptTargets::mark(("forum-edit-" + std::to_string(p.id.value)).c_str());
    }
    if (own && m_editing == p.id) {
        ImGui::InputTextMultiline("##edit", m_editText.data(), m_editText.size(),
                                  ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * 5));
        ScriptTargets::mark("forum-edit-text");
        ImGui::BeginDisabled(m_editText[0] == '\0');
        const bool save = ImGui::Button("Save");
        ScriptTargets::mark("forum-save-edit");
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) m_editing.reset();
        if (save && attempt(notices, "Could not change the post", [&] {
                forum::editPost(session.workspaceForWrite(), p.id, *as, m_editText.data());
            })) {
            m_editing.reset();
            m_view.invalidate();
        }
    } else {
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(p.text.c_str());
        ImGui::PopTextWrapPos();
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::PopID();
}

void ForumPanel::drawThread(EditorSession& session, const Fonts& fonts, Notices& notices) {
    // Shown to the member acted as, the thread is read: marked once, quietly
    // (a read mark is not a change anyone else sees).
    if (const model::Member* as = actingMember(); as && m_openRow.unread > 0) {
        try {
            session.workspaceForWrite().forum().markRead(*m_open, as->id);
        } catch (const std::exception& e) {
            notices.error("Could not mark the thread read", errorText(e));
        }
        m_openRow.unread = 0;
        m_view.invalidate();
    }
    if (ImGui::SmallButton("\xE2\x86\x90 All threads")) { // ←
        m_open.reset();
        m_editing.reset();
        return;
    }
    ScriptTargets::mark("forum-back");
    ImGui::PushFont(fonts.uiBold);
    ImGui::PushTextWrapPos(0);
    ImGui::Text("Thread on %s", m_openRow.where.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    if (m_openRow.gone)
        ImGui::TextColored(ImVec4(0.75f, 0.15f, 0.15f, 1),
                           "Its place is no longer on the map's current version.");
    ImGui::Separator();

    // The posts scroll; the compose box stays in view below them.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float boxHeight = ImGui::GetTextLineHeight() * 5 + 2 * style.FramePadding.y;
    const float compose = boxHeight + ImGui::GetFrameHeightWithSpacing() +
                          2 * ImGui::GetTextLineHeightWithSpacing() + style.ItemSpacing.y;
    ImGui::BeginChild("posts", ImVec2(0, -compose));
    for (const PostRow& p : m_posts) drawPost(p, session, fonts, notices);
    ImGui::EndChild();

    const bool post = drawCompose("Post reply", "forum-post-reply", boxHeight);
    const model::Member* as = actingMember();
    if (post && as && m_open && attempt(notices, "Could not post the reply", [&] {
            forum::reply(session.workspaceForWrite(), *m_open, *as, m_text.data());
        })) {
        m_text[0] = '\0';
        m_view.invalidate();
    }
}

} // namespace strawman::editor
