// ImGui's text fields edit a fixed char buffer; this fills one from a string,
// cut to fit (at a whole UTF-8 character) and always terminated.
#pragma once

#include <array>
#include <cstddef>
#include <cstring>
#include <string_view>

namespace strawman::editor {

template <std::size_t N> void copyInto(std::array<char, N>& buffer, std::string_view text) {
    std::size_t n = std::min(text.size(), N - 1);
    // Never end inside a multi-byte character.
    while (n > 0 && n < text.size() && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    std::memcpy(buffer.data(), text.data(), n);
    buffer[n] = '\0';
}

} // namespace strawman::editor
