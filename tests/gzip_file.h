// Writes gzip files for the tests of reading compressed event files.
#pragma once

#include <doctest/doctest.h>
#include <zlib.h>

#include <filesystem>
#include <string>

namespace strawman::test {

// The text gzip-compressed into file, as gzip(1) would write it.
inline void writeGzip(const std::filesystem::path& file, const std::string& text) {
    gzFile out = gzopen(file.c_str(), "wb");
    REQUIRE(out != nullptr);
    REQUIRE(gzwrite(out, text.data(), static_cast<unsigned>(text.size())) ==
            static_cast<int>(text.size()));
    REQUIRE(gzclose(out) == Z_OK);
}

} // namespace strawman::test
