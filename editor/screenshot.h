// Saves what the current OpenGL context has drawn as a PNG, for the headless
// screenshot mode (tests and documentation on machines without a display).
#pragma once

#include <filesystem>
#include <string>

namespace strawman::editor {

// Reads width x height pixels of the back buffer (call after rendering, before
// swapping) and writes them top row first as an RGB PNG. Returns an empty
// string on success, otherwise why it failed.
std::string saveBackBufferPng(const std::filesystem::path& file, int width, int height);

} // namespace strawman::editor
