// What the CLI tests share: running the built `strawman`, reading its JSON, and
// small file helpers. Header-only: it is included by the test files of test_cli.
#pragma once

#include "process_runner.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace strawman::test {

inline RunResult cli(const std::vector<std::string>& args) {
    return run(STRAWMAN_EXE, args);
}

// The JSON a successful command printed; fails the test, showing both streams, otherwise.
inline nlohmann::json jsonOf(const RunResult& r) {
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    REQUIRE(r.exitCode == 0);
    return nlohmann::json::parse(r.out);
}

inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

inline void writeFile(const std::string& path, const std::string& text) {
    std::ofstream(path) << text;
}

} // namespace strawman::test
