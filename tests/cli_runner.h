// What the CLI tests share: running the built `strawman`, reading its JSON, and
// the file helpers of temp_path.h. Header-only: it is included by the test files of test_cli.
#pragma once

#include "process_runner.h"
#include "temp_path.h"

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

} // namespace strawman::test
