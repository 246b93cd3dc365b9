#include "colour_text.h"

#include <array>
#include <cstdio>

namespace strawman::exporters {

std::string colourText(editor::palette::Rgba c) {
    std::array<char, 12> text{};
    std::snprintf(text.data(), text.size(), "#%02x%02x%02x", c.r, c.g, c.b);
    return text.data();
}

} // namespace strawman::exporters
