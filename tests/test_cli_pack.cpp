// `strawman pack`: the decision pack written whole to a file or to standard
// output, and refusals that say what is wrong and write nothing.
#include "cli_runner.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace strawman::test;

TEST_CASE("strawman pack writes a proposal's decision pack to a file or standard output") {
    TempDir dir;
    const auto ws = dir.file("demo.strawman");
    REQUIRE(cli({"demo", ws, "--cases", "100", "--key-file", dir.file("network.key")}).exitCode ==
            0);
    const std::string file = dir.file("decision.html");
    const RunResult written = cli({"pack", ws, "--proposal", "1", "-o", file});
    INFO(written.err);
    REQUIRE(written.exitCode == 0);
    CHECK(written.out.empty());
    const std::string html = readFile(file);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("Routine CT requests vetted within 3 days") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(file + ".part"));

    // To standard output: the same pack but for the moment it was made.
    const RunResult out = cli({"pack", ws, "--proposal", "1", "-o", "-"});
    REQUIRE(out.exitCode == 0);
    CHECK(out.out.substr(0, 2000) == html.substr(0, 2000));
    CHECK(out.out.find("</html>") != std::string::npos);

    // The open proposal says so.
    CHECK(cli({"pack", ws, "--proposal", "2", "-o", "-"}).out.find("Not decided") !=
          std::string::npos);

    // Refusals: an unknown proposal, no output named; nothing written.
    const std::string other = dir.file("other.html");
    const RunResult unknown = cli({"pack", ws, "--proposal", "9", "-o", other});
    CHECK(unknown.exitCode != 0);
    CHECK(unknown.err.find("no proposal with id 9") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(other));
    const RunResult noOutput = cli({"pack", ws, "--proposal", "1"});
    CHECK(noOutput.exitCode != 0);
    CHECK(noOutput.err.find("--output is required") != std::string::npos);
}
