// `strawman log export` and the diff's and comparison's `--format csv`, run as a
// user runs them on the demo network.
#include "cli_runner.h"

#include <cmath>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

using namespace strawman::test;
using nlohmann::json;

namespace {

struct Demo {
    TempDir dir;
    std::string ws = dir.file("demo.strawman");
    std::string key = dir.file("demo.key");
    Demo() { REQUIRE(cli({"demo", ws, "--key-file", key}).exitCode == 0); }
};

const Demo& demo() {
    static const Demo d;
    return d;
}

// A succeeding command's standard output.
std::string outputOf(const std::vector<std::string>& args) {
    const RunResult r = cli(args);
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    REQUIRE(r.exitCode == 0);
    return r.out;
}

// RFC 4180 as the exports write it: a byte order mark, CRLF or LF, quoted fields.
using Table = std::vector<std::map<std::string, std::string>>;
Table parseCsv(std::string text) {
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(field);
            field.clear();
        } else if (c == '\n') {
            rows.back().push_back(field);
            field.clear();
            rows.emplace_back();
        } else if (c != '\r') {
            field += c;
        }
    }
    if (!rows.back().empty() || !field.empty())
        rows.back().push_back(field);
    else
        rows.pop_back();
    REQUIRE(!rows.empty());
    Table table;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        REQUIRE(rows[r].size() == rows[0].size());
        std::map<std::string, std::string> row;
        for (std::size_t k = 0; k < rows[0].size(); ++k) row[rows[0][k]] = rows[r][k];
        table.push_back(std::move(row));
    }
    return table;
}

double number(const std::map<std::string, std::string>& row, const std::string& column) {
    INFO("column " << column);
    REQUIRE(row.count(column) == 1);
    return std::stod(row.at(column));
}

} // namespace

TEST_CASE("log export writes the cases the diff takes with the same options, and a fresh "
          "workspace imports them") {
    const std::vector<std::string> filters = {"--trust", "RWF",        "--modality", "CT,MR",
                                              "--from",  "2025-04-01", "--to",       "2025-06-30"};
    std::vector<std::string> diff = {"diff", demo().ws, "1", "--json"};
    diff.insert(diff.end(), filters.begin(), filters.end());
    const json d = jsonOf(cli(diff));
    REQUIRE(d["cases"].get<int>() > 0);

    TempDir out;
    const std::string file = out.file("rwf.xes");
    std::vector<std::string> exportArgs = {"log", "export", demo().ws, "-o", file};
    exportArgs.insert(exportArgs.end(), filters.begin(), filters.end());
    const std::string said = outputOf(exportArgs);
    CHECK(said.find("wrote " + std::to_string(d["cases"].get<int>()) + " of 3000 cases of RWF") !=
          std::string::npos);

    const std::string fresh = out.file("fresh.strawman");
    outputOf({"init", fresh});
    outputOf({"trust", "add", fresh, "RWF", "Maidstone and Tunbridge Wells"});
    outputOf({"import", fresh, file, "--trust", "RWF", "--key-file", out.file("fresh.key")});
    const json stats = jsonOf(cli({"log", "stats", fresh, "--trust", "RWF", "--json"}));
    CHECK(stats["cases"] == d["cases"]);
    CHECK(stats["variants"] == d["variants"]);
}

TEST_CASE("log export prints XES by default and CSV with --format csv, without identifiers") {
    const std::string xes = outputOf({"log", "export", demo().ws, "--trust", "RPC"});
    CHECK(xes.rfind("<?xml", 0) == 0);
    CHECK(xes.find("<trace>") != std::string::npos);
    const std::string csv =
        outputOf({"log", "export", demo().ws, "--trust", "RPC", "--format", "csv", "-o", "-"});
    const Table rows = parseCsv(csv);
    REQUIRE(rows.size() > 3000);
    for (const auto& row : rows) {
        CHECK(row.at("case").size() == 64); // a pseudonym, not the RIS's accession number
        CHECK(row.at("timestamp").size() == 29);
    }
}

TEST_CASE("log export refuses an unknown trust, a directory that is not there and a format it "
          "cannot tell, leaving no file") {
    TempDir out;
    const std::string file = out.file("log.xes");
    RunResult r = cli({"log", "export", demo().ws, "--trust", "NOPE", "-o", file});
    CHECK(r.exitCode != 0);
    CHECK(r.err.find("NOPE") != std::string::npos);

    const std::string nowhere = out.file("missing/log.xes");
    r = cli({"log", "export", demo().ws, "--trust", "RPA", "-o", nowhere});
    CHECK(r.exitCode != 0);
    CHECK(r.err.find("cannot write " + nowhere) != std::string::npos);

    r = cli({"log", "export", demo().ws, "--trust", "RPA", "-o", out.file("log.txt")});
    CHECK(r.exitCode != 0);
    CHECK(r.err.find("--format") != std::string::npos);
    CHECK(std::filesystem::is_empty(out.path()));
}

TEST_CASE("diff --format csv holds the JSON's steps, unused arrows and intervals") {
    const std::vector<std::string> args = {"diff",  demo().ws, "1",          "--trust", "RN7",
                                           "--top", "3",       "--interval", "RCV:VET"};
    std::vector<std::string> asJson = args, asCsv = args;
    asJson.push_back("--json");
    asCsv.insert(asCsv.end(), {"--format", "csv"});
    const json d = jsonOf(cli(asJson));
    const Table rows = parseCsv(outputOf(asCsv));

    std::size_t steps = 0, unused = 0, intervals = 0;
    for (const auto& row : rows) {
        CHECK(row.at("Trust") == "RN7");
        CHECK(row.at("Map") == d["map"]["name"]);
        const std::string& what = row.at("What");
        if (what == "interval") {
            ++intervals;
            const json& i = d["intervals"][0];
            CHECK(row.at("From") == "RCV");
            CHECK(number(row, "Cases") == i["cases"].get<double>());
            CHECK(std::abs(number(row, "Median (hours)") * 3600 - i["median_s"].get<double>()) <=
                  2);
            CHECK(std::abs(number(row, "P90 (hours)") * 3600 - i["p90_s"].get<double>()) <= 2);
        } else if (what == "arrow no case follows") {
            ++unused;
            CHECK(number(row, "Times") == 0);
        } else {
            ++steps;
            const json* match = nullptr;
            for (const json& t : d["transitions"])
                if (t["from"] == row.at("From") && t["to"] == row.at("To")) match = &t;
            REQUIRE(match);
            CHECK(what ==
                  ((*match)["drawn"].get<bool>() ? "step on the map" : "step not on the map"));
            CHECK(number(row, "Cases") == (*match)["cases"].get<double>());
            CHECK(number(row, "Times") == (*match)["count"].get<double>());
            // Two decimals: half a hundredth of a percent at most.
            CHECK(std::abs(number(row, "Share of cases (%)") -
                           100 * (*match)["cases"].get<double>() / d["cases"].get<double>()) <=
                  0.0051);
            CHECK(std::abs(number(row, "Median (hours)") * 3600 -
                           (*match)["median_s"].get<double>()) <= 2);
            CHECK(std::abs(number(row, "Max (hours)") * 3600 - (*match)["max_s"].get<double>()) <=
                  2);
        }
    }
    CHECK(steps == d["transitions"].size());
    CHECK(unused == d["unused_edges"].size());
    CHECK(intervals == 1);
}

TEST_CASE("compare --format csv holds the JSON's row for each trust") {
    const std::vector<std::string> args = {
        "compare", demo().ws, "--process", "CT outpatient pathway", "--interval", "CMP:VER"};
    std::vector<std::string> asJson = args, asCsv = args;
    asJson.push_back("--json");
    asCsv.insert(asCsv.end(), {"--format", "csv"});
    const json c = jsonOf(cli(asJson));
    const Table rows = parseCsv(outputOf(asCsv));
    REQUIRE(rows.size() == c.size());
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const auto& row = rows[k];
        const json& t = c[k];
        CHECK(row.at("Trust") == t["trust"]);
        CHECK(row.at("Map name") == t["map_name"]);
        CHECK(number(row, "Cases") == t["cases"].get<double>());
        CHECK(std::abs(number(row, "Log fitness") - t["log_fitness"].get<double>()) <= 5e-5);
        CHECK(std::abs(number(row, "Fitting cases (%)") - t["percentage_fitting"].get<double>()) <=
              5e-3);
        CHECK(number(row, "CMP to VER: cases") == t["intervals"][0]["cases"].get<double>());
        CHECK(std::abs(number(row, "CMP to VER: median (hours)") * 3600 -
                       t["intervals"][0]["median_s"].get<double>()) <= 2);
        const std::string firstDeviation = t["top_deviations"][0]["activity"];
        CHECK(row.at("Most common deviations").rfind(firstDeviation + " ", 0) == 0);
    }
}

TEST_CASE("--json with --format csv is refused as two formats") {
    const RunResult r =
        cli({"diff", demo().ws, "1", "--trust", "RN7", "--json", "--format", "csv"});
    CHECK(r.exitCode != 0);
    CHECK(r.err.find("two formats") != std::string::npos);
}
