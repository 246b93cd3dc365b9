// The colours of a drawn map: shapes, arrows, the diff's overlay, badges and
// lane bands. One list for the canvas (editor/panels/theme.h turns each into an
// ImGui colour) and the picture exporters (exporters/picture.cpp writes
// each as "#rrggbb"), so a printed map looks like the map on the projector.
#pragma once

#include <cstdint>

namespace strawman::editor::palette {

struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
};
constexpr Rgba canvas{255, 255, 255};
constexpr Rgba text{31, 41, 51};
constexpr Rgba textMuted{96, 110, 124};
constexpr Rgba activityFill{220, 230, 241};
constexpr Rgba activityBorder{84, 110, 135};
constexpr Rgba activityCode{52, 84, 115};
constexpr Rgba decisionFill{253, 240, 212};
constexpr Rgba decisionBorder{176, 132, 48};
constexpr Rgba startFill{214, 238, 222};
constexpr Rgba startBorder{46, 125, 80};
constexpr Rgba endFill{247, 219, 219};
constexpr Rgba endBorder{158, 52, 52};
constexpr Rgba parallelFill{55, 71, 87};
constexpr Rgba noteFill{255, 249, 204};
constexpr Rgba noteFold{236, 222, 150};
constexpr Rgba noteBorder{196, 174, 86};
constexpr Rgba edge{82, 96, 109};
constexpr Rgba association{150, 160, 170};
constexpr Rgba edgeLabelFill{255, 255, 255, 240};
constexpr Rgba edgeLabelBorder{203, 210, 217};
constexpr Rgba overlayTaken{104, 134, 163};
constexpr Rgba overlayNeverTaken{178, 185, 193};
constexpr Rgba overlayNotDrawn{208, 40, 40};
constexpr Rgba overlayNotDrawnText{160, 28, 28};
constexpr Rgba overlayNotDrawnBorder{236, 170, 170};
constexpr Rgba overlayLegendFill{255, 255, 255, 240};
constexpr Rgba overlayLegendBorder{203, 210, 217};
constexpr Rgba badgeSkippedFill{255, 236, 200};
constexpr Rgba badgeSkippedBorder{214, 146, 44};
constexpr Rgba badgeSkippedText{122, 68, 0};
constexpr Rgba badgeExtraFill{252, 225, 225};
constexpr Rgba badgeExtraBorder{208, 72, 72};
constexpr Rgba badgeExtraText{150, 28, 28};
constexpr Rgba badgeAgreedFill{212, 239, 220};
constexpr Rgba badgeAgreedBorder{46, 125, 80};
constexpr Rgba badgeAgreedText{22, 96, 50};
constexpr Rgba badgeMovedFill{253, 236, 200};
constexpr Rgba badgeMovedBorder{176, 132, 48};
constexpr Rgba badgeMovedText{110, 72, 0};

// Lanes: a band per role, told apart by a faint fill and a thin rule, the role's
// name in muted text at the band's start.
constexpr Rgba laneFill{246, 248, 251};
constexpr Rgba laneBorder{203, 210, 217};
constexpr Rgba laneTitle{72, 84, 96};

} // namespace strawman::editor::palette
