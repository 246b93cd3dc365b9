// Fonts for the panels and the canvas. Everything is baked at twice the size it
// is mostly shown at, so text stays crisp on the canvas when zoomed in (ImGui
// 1.86 scales baked glyph bitmaps; it cannot re-rasterise on the fly).
#pragma once

#include <imgui.h>

#include <array>
#include <filesystem>

namespace strawman::editor {

struct Fonts {
    ImFont* ui = nullptr; // panels; baked at 2x, shown at half scale
    ImFont* uiBold = nullptr;
    // The canvas draws text at any size (world size x zoom): it picks the
    // smallest baked size at least as big as wanted, so glyphs are only ever
    // scaled down, and by little at the small sizes a fitted map uses, where
    // scaling blurs most (no mipmaps for the font atlas).
    static constexpr std::array<float, 6> kCanvasSizes{8.0f, 11.0f, 16.0f, 22.0f, 32.0f, 64.0f};
    std::array<ImFont*, 6> canvas{};
    std::array<ImFont*, 6> canvasBold{};
    bool fallback = false; // DejaVu was missing; ImGui's built-in font is used

    ImFont* canvasFont(float pixelSize, bool bold = false) const;
    // The font text is measured with on the canvas, so a label wraps the same way
    // at every zoom.
    ImFont* canvasMeasureFont(bool bold = false) const { return (bold ? canvasBold : canvas)[4]; }
};

// Loads DejaVu Sans from `fontDir` (the system's by default) into io.Fonts and
// sets io.FontGlobalScale so the panel font shows at `uiPixelSize`.
Fonts loadFonts(ImGuiIO& io, float uiPixelSize,
                const std::filesystem::path& fontDir = "/usr/share/fonts/truetype/dejavu");

// A line in the panels' bold font, as a panel and its sections are headed.
void heading(const Fonts& fonts, const char* text);

} // namespace strawman::editor
