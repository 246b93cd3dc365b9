#include "fonts.h"

#include <cstdio>

namespace strawman::editor {

namespace {
// Latin-1 and Latin Extended-A (Welsh and Irish place names), general
// punctuation (dashes, quotes, the ellipsis used when a label is cut short),
// arrows and comparison signs (rules such as "P90 <= 48 h").
constexpr ImWchar kGlyphRanges[] = {
    0x0020, 0x017F, 0x2010, 0x205E, 0x2190, 0x2199, 0x2264, 0x2265, 0,
};

ImFont* addFont(ImGuiIO& io, const std::filesystem::path& file, float size, int oversampleH) {
    ImFontConfig config;
    config.OversampleH = oversampleH;
    config.OversampleV = 1;
    return io.Fonts->AddFontFromFileTTF(file.c_str(), size, &config, kGlyphRanges);
}
} // namespace

ImFont* Fonts::canvasFont(float pixelSize, bool bold) const {
    const auto& set = bold ? canvasBold : canvas;
    for (std::size_t i = 0; i < kCanvasSizes.size(); ++i)
        if (kCanvasSizes[i] >= pixelSize) return set[i];
    return set.back();
}

Fonts loadFonts(ImGuiIO& io, float uiPixelSize, const std::filesystem::path& fontDir) {
    Fonts fonts;
    const auto regular = fontDir / "DejaVuSans.ttf";
    const auto bold = fontDir / "DejaVuSans-Bold.ttf";
    std::error_code ec;
    if (!std::filesystem::exists(regular, ec) || !std::filesystem::exists(bold, ec)) {
        std::fprintf(stderr,
                     "strawman: %s not found (install fonts-dejavu-core); using ImGui's "
                     "built-in font\n",
                     regular.c_str());
        ImFont* builtin = io.Fonts->AddFontDefault();
        fonts.ui = fonts.uiBold = builtin;
        fonts.canvas.fill(builtin);
        fonts.canvasBold.fill(builtin);
        fonts.fallback = true;
        io.FontGlobalScale = 1.0f;
        return fonts;
    }
    // The first font added is ImGui's default, so the panel font goes first.
    fonts.ui = addFont(io, regular, 2 * uiPixelSize, 2);
    fonts.uiBold = addFont(io, bold, 2 * uiPixelSize, 2);
    for (std::size_t i = 0; i < Fonts::kCanvasSizes.size(); ++i) {
        // Big sizes are only ever scaled down: horizontal oversampling buys nothing.
        const int oversample = Fonts::kCanvasSizes[i] > 32 ? 1 : 2;
        fonts.canvas[i] = addFont(io, regular, Fonts::kCanvasSizes[i], oversample);
        fonts.canvasBold[i] = addFont(io, bold, Fonts::kCanvasSizes[i], oversample);
    }
    io.FontGlobalScale = 0.5f;
    return fonts;
}

void heading(const Fonts& fonts, const char* text) {
    ImGui::PushFont(fonts.uiBold);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

} // namespace strawman::editor
