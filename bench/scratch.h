// Where the benchmarks put what they generate: the system temp dir, under a name
// that carries the process id so that runs side by side never meet; and the
// removal of a workspace together with SQLite's journal files beside it.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace strawman::bench {

// "/tmp/strawman-bench-<pid>-<name>"
inline std::filesystem::path scratchPath(const std::string& name) {
    return std::filesystem::temp_directory_path() /
           ("strawman-bench-" + std::to_string(getpid()) + "-" + name);
}

inline void removeWorkspace(const std::filesystem::path& path) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path.string() + suffix, ec);
}

} // namespace strawman::bench
