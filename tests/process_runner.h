// Runs a command line for the CLI and GUI tests and captures what it printed.
#pragma once

#include "temp_path.h"

#include <chrono>
#include <string>
#include <vector>

namespace strawman::test {

struct RunResult {
    int exitCode = -1;
    std::string out; // standard output
    std::string err; // standard error
};

// Runs program with args directly (no shell), with stdin closed.
RunResult run(const std::string& program, const std::vector<std::string>& args);

// Starts program with args, kills it with SIGKILL after `delay` unless it has
// ended by then (a crash at an arbitrary moment). Returns true if it was killed.
bool runAndKill(const std::string& program, const std::vector<std::string>& args,
                std::chrono::microseconds delay);

} // namespace strawman::test
