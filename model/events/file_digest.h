// The SHA-256 of a file's bytes, read in blocks: how an import recognises a
// file it has seen before, whatever it is called now.
#pragma once

#include <filesystem>
#include <string>

namespace strawman::model {

std::string fileSha256(const std::filesystem::path& file); // 64 hex digits; throws Error

} // namespace strawman::model
