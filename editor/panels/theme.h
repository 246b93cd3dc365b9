// The editor's look: a calm light theme for a projector in a workshop room. White
// canvas, dark text, blue-grey activity boxes, colours kept for meaning (start
// green, end red, decisions amber, notes pale yellow), strong enough contrast to
// read from the back of the room.
#pragma once

#include <imgui.h>

#include <cstdint>

namespace strawman::editor {

// IM_COL32 without its C-style casts (we build with -Wold-style-cast).
constexpr ImU32 rgba(std::uint32_t r, std::uint32_t g, std::uint32_t b, std::uint32_t a = 255) {
    return (a << IM_COL32_A_SHIFT) | (b << IM_COL32_B_SHIFT) | (g << IM_COL32_G_SHIFT) |
           (r << IM_COL32_R_SHIFT);
}

namespace colour {
constexpr ImU32 canvas = rgba(255, 255, 255);
constexpr ImU32 gridMinor = rgba(242, 244, 247);
constexpr ImU32 gridMajor = rgba(222, 227, 234);
constexpr ImU32 text = rgba(31, 41, 51);
constexpr ImU32 textMuted = rgba(96, 110, 124);
constexpr ImU32 shadow = rgba(15, 30, 45, 22);

constexpr ImU32 activityFill = rgba(220, 230, 241);
constexpr ImU32 activityBorder = rgba(84, 110, 135);
constexpr ImU32 activityCode = rgba(52, 84, 115);
constexpr ImU32 decisionFill = rgba(253, 240, 212);
constexpr ImU32 decisionBorder = rgba(176, 132, 48);
constexpr ImU32 startFill = rgba(214, 238, 222);
constexpr ImU32 startBorder = rgba(46, 125, 80);
constexpr ImU32 endFill = rgba(247, 219, 219);
constexpr ImU32 endBorder = rgba(158, 52, 52);
constexpr ImU32 parallelFill = rgba(55, 71, 87);
constexpr ImU32 noteFill = rgba(255, 249, 204);
constexpr ImU32 noteFold = rgba(236, 222, 150);
constexpr ImU32 noteBorder = rgba(196, 174, 86);

constexpr ImU32 edge = rgba(82, 96, 109);
constexpr ImU32 association = rgba(150, 160, 170);
constexpr ImU32 edgeLabelFill = rgba(255, 255, 255, 240);
constexpr ImU32 edgeLabelBorder = rgba(203, 210, 217);

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
constexpr ImU32 overlayTaken = rgba(104, 134, 163);
constexpr ImU32 overlayNeverTaken = rgba(178, 185, 193);
constexpr ImU32 overlayNotDrawn = rgba(208, 40, 40);
constexpr ImU32 overlayNotDrawnText = rgba(160, 28, 28);
constexpr ImU32 overlayNotDrawnBorder = rgba(236, 170, 170);
constexpr ImU32 overlayVariant = rgba(232, 112, 18);
constexpr ImU32 overlayLegendFill = rgba(255, 255, 255, 240);
constexpr ImU32 overlayLegendBorder = rgba(203, 210, 217);
constexpr ImU32 badgeSkippedFill = rgba(255, 236, 200);
constexpr ImU32 badgeSkippedBorder = rgba(214, 146, 44);
constexpr ImU32 badgeSkippedText = rgba(122, 68, 0);
constexpr ImU32 badgeExtraFill = rgba(252, 225, 225);
constexpr ImU32 badgeExtraBorder = rgba(208, 72, 72);
constexpr ImU32 badgeExtraText = rgba(150, 28, 28);

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
constexpr ImU32 badgeAgreedFill = rgba(212, 239, 220);
constexpr ImU32 badgeAgreedBorder = rgba(46, 125, 80);
constexpr ImU32 badgeAgreedText = rgba(22, 96, 50);
constexpr ImU32 badgeMovedFill = rgba(253, 236, 200);
constexpr ImU32 badgeMovedBorder = rgba(176, 132, 48);
constexpr ImU32 badgeMovedText = rgba(110, 72, 0);
} // namespace colour

// Applies the light ImGui style for the panels.
void applyTheme(ImGuiStyle& style);

} // namespace strawman::editor
