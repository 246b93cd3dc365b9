// The small pieces of markup the decision pack is written with: times as a
// record says them, a trust as a table cell, a word on a coloured pill (the
// stylesheet's, decision_pack_style.cpp), members' paragraphs. Every piece of
// text goes through htmlText.
#pragma once

#include "model/maps/network.h"

#include <string>

namespace strawman::exporters {

// "2026-12-06T10:04:00Z" as "2026-12-06 10:04 UTC": a record read later, by
// readers anywhere, says its clock. Plain text, not yet escaped.
std::string timeText(const std::string& utc);
// The same as markup on two lines, day over time, for a narrow column.
std::string timeCell(const std::string& utc);
// A trust as a table cell: its code, its name under it.
std::string trustCell(const model::Trust& trust);
// A word on a pill: kind "good" (green), "bad" (dark red), "open" (amber),
// "stale"; `more` adds classes (" state").
std::string pill(const std::string& kind, const std::string& words, const std::string& more = "");
// 93.7 as "93.7%".
std::string percent(double value);
// Paragraphs as the member wrote them: blank lines part them, a line break stays.
std::string paragraphs(const std::string& text, const std::string& cls = "");

} // namespace strawman::exporters
