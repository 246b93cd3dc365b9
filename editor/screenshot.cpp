#include "screenshot.h"

#include <GL/gl.h>
#include <stb_image_write.h>

#include <cstddef>
#include <cstring>
#include <vector>

namespace strawman::editor {

std::string saveBackBufferPng(const std::filesystem::path& file, int width, int height) {
    if (width <= 0 || height <= 0) return "the window has no pixels";
    const auto w = static_cast<std::size_t>(width), h = static_cast<std::size_t>(height);
    const std::size_t row = w * 3;
    std::vector<unsigned char> pixels(row * h);
    glPixelStorei(GL_PACK_ALIGNMENT, 1); // rows of 3-byte pixels are not 4-aligned
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    if (const GLenum error = glGetError(); error != GL_NO_ERROR)
        return "glReadPixels failed (OpenGL error " + std::to_string(error) + ")";

    // OpenGL's first row is the bottom of the picture; PNG's is the top.
    std::vector<unsigned char> flipped(pixels.size());
    for (std::size_t y = 0; y < h; ++y)
        std::memcpy(&flipped[y * row], &pixels[(h - 1 - y) * row], row);

    if (!stbi_write_png(file.c_str(), width, height, 3, flipped.data(), static_cast<int>(row)))
        return "cannot write " + file.string();
    return {};
}

} // namespace strawman::editor
