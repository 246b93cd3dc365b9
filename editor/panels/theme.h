// The editor's look: a calm light theme for a projector in a workshop room. White
// canvas, dark text, blue-grey activity boxes, colours kept for meaning (start
// green, end red, decisions amber, notes pale yellow), strong enough contrast to
// read from the back of the room.
#pragma once

#include "editor/geometry/palette.h"

#include <imgui.h>

#include <cstdint>

namespace strawman::editor {

// IM_COL32 without its C-style casts (we build with -Wold-style-cast).
constexpr ImU32 rgba(std::uint32_t r, std::uint32_t g, std::uint32_t b, std::uint32_t a = 255) {
    return (a << IM_COL32_A_SHIFT) | (b << IM_COL32_B_SHIFT) | (g << IM_COL32_G_SHIFT) |
           (r << IM_COL32_R_SHIFT);
}
constexpr ImU32 rgba(palette::Rgba c) {
    return rgba(c.r, c.g, c.b, c.a);
}

namespace colour {
constexpr ImU32 canvas = rgba(palette::canvas);
constexpr ImU32 gridMinor = rgba(242, 244, 247);
constexpr ImU32 gridMajor = rgba(222, 227, 234);
constexpr ImU32 text = rgba(palette::text);
constexpr ImU32 textMuted = rgba(palette::textMuted);
constexpr ImU32 shadow = rgba(15, 30, 45, 22);

constexpr ImU32 activityFill = rgba(palette::activityFill);
constexpr ImU32 activityBorder = rgba(palette::activityBorder);
constexpr ImU32 activityCode = rgba(palette::activityCode);
constexpr ImU32 decisionFill = rgba(palette::decisionFill);
constexpr ImU32 decisionBorder = rgba(palette::decisionBorder);
constexpr ImU32 startFill = rgba(palette::startFill);
constexpr ImU32 startBorder = rgba(palette::startBorder);
constexpr ImU32 endFill = rgba(palette::endFill);
constexpr ImU32 endBorder = rgba(palette::endBorder);
constexpr ImU32 parallelFill = rgba(palette::parallelFill);
constexpr ImU32 noteFill = rgba(palette::noteFill);
constexpr ImU32 noteFold = rgba(palette::noteFold);
constexpr ImU32 noteBorder = rgba(palette::noteBorder);

constexpr ImU32 edge = rgba(palette::edge);
constexpr ImU32 association = rgba(palette::association);
constexpr ImU32 edgeLabelFill = rgba(palette::edgeLabelFill);
constexpr ImU32 edgeLabelBorder = rgba(palette::edgeLabelBorder);

constexpr ImU32 hover = rgba(66, 133, 214);
constexpr ImU32 selection = rgba(25, 103, 210);
constexpr ImU32 selectionGlow = rgba(25, 103, 210, 50);

constexpr ImU32 edgeStrong = rgba(20, 28, 36);
constexpr ImU32 besideCanvas = rgba(250, 251, 253); // a shade off white: the map that is not edited
constexpr ImU32 different = rgba(214, 110, 0);
constexpr ImU32 differentGlow = rgba(240, 140, 20, 90);

constexpr ImU32 accepted = rgba(46, 125, 80);
constexpr ImU32 refused = rgba(192, 40, 40);
constexpr ImU32 problem = rgba(200, 45, 45);
constexpr ImU32 boxSelectFill = rgba(25, 103, 210, 30);
constexpr ImU32 boxSelectBorder = rgba(25, 103, 210, 160);

constexpr ImU32 hintFill = rgba(255, 243, 205);
constexpr ImU32 hintBorder = rgba(214, 170, 60);
constexpr ImU32 hintText = rgba(102, 72, 0);

// The diff on the map: traffic in a calm blue-grey that wide lines do not shout
// with, never-taken arrows a pale grey, steps not drawn in red (the one colour
// that means "departs from the drawing"), a chosen variant's path in orange,
// which stands apart from all three.
constexpr ImU32 overlayTaken = rgba(palette::overlayTaken);
constexpr ImU32 overlayNeverTaken = rgba(palette::overlayNeverTaken);
constexpr ImU32 overlayNotDrawn = rgba(palette::overlayNotDrawn);
constexpr ImU32 overlayNotDrawnText = rgba(palette::overlayNotDrawnText);
constexpr ImU32 overlayNotDrawnBorder = rgba(palette::overlayNotDrawnBorder);
constexpr ImU32 overlayVariant = rgba(232, 112, 18);
constexpr ImU32 overlayLegendFill = rgba(palette::overlayLegendFill);
constexpr ImU32 overlayLegendBorder = rgba(palette::overlayLegendBorder);
constexpr ImU32 badgeSkippedFill = rgba(palette::badgeSkippedFill);
constexpr ImU32 badgeSkippedBorder = rgba(palette::badgeSkippedBorder);
constexpr ImU32 badgeSkippedText = rgba(palette::badgeSkippedText);
constexpr ImU32 badgeExtraFill = rgba(palette::badgeExtraFill);
constexpr ImU32 badgeExtraBorder = rgba(palette::badgeExtraBorder);
constexpr ImU32 badgeExtraText = rgba(palette::badgeExtraText);

// The forum's speech bubbles on the map: a deep violet no other mark uses,
// white figures on it.
constexpr ImU32 forumBubble = rgba(94, 53, 177);
constexpr ImU32 forumBubbleHover = rgba(123, 82, 206);
constexpr ImU32 forumBubbleText = rgba(255, 255, 255);
// Agreed standards: kept in green, not kept in red, each also said in words and
// told apart by lightness (a pale pill or mark against a dark one), so the
// standing reads for those who do not tell red from green and on a washed-out
// projector.
constexpr ImU32 standardKeptFill = rgba(212, 239, 220);
constexpr ImU32 standardKeptText = rgba(22, 96, 50);
constexpr ImU32 standardBrokenFill = rgba(178, 34, 34);
constexpr ImU32 standardBrokenText = rgba(255, 255, 255);
constexpr ImU32 standardNoneFill = rgba(229, 232, 236);
constexpr ImU32 standardNoneText = rgba(72, 84, 96);
constexpr ImU32 trendKept = rgba(120, 178, 138);
constexpr ImU32 trendBroken = rgba(178, 34, 34);
constexpr ImU32 trendLimit = rgba(31, 41, 51);
constexpr ImU32 trendLine = rgba(130, 145, 160);
constexpr ImU32 trendFrame = rgba(203, 210, 217);
// A map whose version the network agreed; amber once the map has moved past it.
constexpr ImU32 badgeAgreedFill = rgba(palette::badgeAgreedFill);
constexpr ImU32 badgeAgreedBorder = rgba(palette::badgeAgreedBorder);
constexpr ImU32 badgeAgreedText = rgba(palette::badgeAgreedText);
constexpr ImU32 badgeMovedFill = rgba(palette::badgeMovedFill);
constexpr ImU32 badgeMovedBorder = rgba(palette::badgeMovedBorder);
constexpr ImU32 badgeMovedText = rgba(palette::badgeMovedText);
// Swimlane bands: a faint tint with the grid showing through, a quiet line
// between roles, titles in a dark grey that reads on the tint.
constexpr ImU32 laneFill = rgba(palette::laneFill.r, palette::laneFill.g, palette::laneFill.b, 190);
constexpr ImU32 laneBorder = rgba(palette::laneBorder);
constexpr ImU32 laneTitle = rgba(palette::laneTitle);
} // namespace colour

// Applies the light ImGui style for the panels.
void applyTheme(ImGuiStyle& style);

} // namespace strawman::editor
