// Small pieces the Data panel's parts share: numbers and times as a reader
// reads them, help text, a pill, header rows that explain their columns, a box
// for a report's text, and a change to the workspace carried out as every part
// of the panel carries one out.
#pragma once

#include "editor/core/editor_session.h"
#include "fonts.h"
#include "notices.h"

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>

namespace strawman::model {
class Workspace;
}

namespace strawman::editor {

// 12345 -> "12,345": counts of events run to millions.
std::string counted(std::int64_t n);

// "2024-05-01T10:02:03Z", as imports are stamped, read as "2024-05-01 10:02 UTC".
std::string shownTime(const std::string& iso);

void wrappedHelp(const char* text);

// A word on a rounded coloured background, as the network panel shows a map's status.
// With `besideLast`, on the line of the item before when there is room for it.
void pill(const Fonts& fonts, const std::string& text, ImU32 fill, ImU32 ink,
          bool besideLast = false);

// A header row whose titles explain themselves on hover.
struct Column {
    const char* title;
    const char* help; // nullptr: none
};
void headerRow(std::initializer_list<Column> columns);

// A report's text in a bordered box, as tall as its lines up to 14; longer
// reports scroll inside it.
void reportBox(const char* id, const std::string& text);

// Carries out one change of the workspace: the change is one model call, itself
// one transaction; then the session reads again so the other views see it. A
// refusal, or a failed read, is an error dialog headed `failure`. Returns false
// when the caller's own copy of the workspace must be read again.
bool changeWorkspace(EditorSession& session, Notices& notices, const std::string& failure,
                     const std::function<void(model::Workspace&)>& change);

} // namespace strawman::editor
