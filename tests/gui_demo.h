// The demo network the GUI tests look at: made once per test process, with
// the id of a trust's CT map as `strawman map list` shows it.
#pragma once

#include "process_runner.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

namespace strawman::test {

struct Demo {
    TempDir dir;
    std::string ws = dir.file("demo.strawman");
    Demo() {
        const RunResult r = run(STRAWMAN_EXE, {"demo", ws, "--key-file", dir.file("demo.key")});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    }
};

inline const Demo& demo() {
    static const Demo d;
    return d;
}

// A trust's CT straw man (map list is ordered by process, then trust).
inline std::string mapOf(const std::string& trust) {
    const RunResult r = run(STRAWMAN_EXE, {"map", "list", demo().ws});
    std::istringstream lines(r.out);
    std::string line;
    while (std::getline(lines, line))
        if (line.find(" " + trust + " ") != std::string::npos &&
            line.find("CT outpatient") != std::string::npos)
            return line.substr(0, line.find(' '));
    FAIL("no CT map for " << trust);
    return {};
}

} // namespace strawman::test
