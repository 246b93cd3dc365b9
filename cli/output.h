// Where a command's file goes: standard output for "-" (or no -o at all, where
// the command allows it), else written whole beside the target and renamed in,
// so a failure never leaves half a file (exporters/output_file.h).
#pragma once

#include "exporters/output_file.h"

#include <iostream>
#include <string>
#include <string_view>

namespace strawman::cli {

inline void writeOutput(const std::string& path, std::string_view bytes) {
    if (path.empty() || path == "-")
        std::cout << bytes << std::flush;
    else
        exporters::writeFileWhole(path, bytes);
}

} // namespace strawman::cli
