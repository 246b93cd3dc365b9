// `strawman diff` on the demo network, whose data carries each trust's known
// departure from the drawn process (sample/trust_profiles.cpp).
#include "cli_runner.h"

#include "sample/trust_profiles.h"

#include <cmath>
#include <map>
#include <set>

using namespace strawman::test;
using nlohmann::json;

namespace {

struct Demo {
    TempDir dir;
    std::string ws = dir.file("demo.strawman");
    Demo() { REQUIRE(cli({"demo", ws, "--key-file", dir.file("demo.key")}).exitCode == 0); }

    std::string networkCtMap() const {
        for (const json& m : jsonOf(cli({"map", "list", ws, "--json"})))
            if (m["trust"].is_null() && m["process"] == "CT outpatient pathway")
                return std::to_string(m["id"].get<int>());
        FAIL("the demo has no network CT map");
        return {};
    }
};

const Demo& demo() {
    static const Demo d;
    return d;
}

std::int64_t skipped(const json& result, const std::string& activity) {
    for (const json& d : result["deviations"])
        if (d["activity"] == activity) return d["skipped"];
    return 0;
}

} // namespace

TEST_CASE("each trust's unvetted CT shows as vetting skipped, at the rate its data was made with") {
    const std::string map = demo().networkCtMap();
    for (const auto& trust : strawman::sample::trustProfiles()) {
        const json r = jsonOf(cli({"diff", demo().ws, map, "--trust", std::string(trust.code),
                                   "--modality", "CT", "--json"}));
        const double cases = r["cases"];
        REQUIRE(cases > 300);
        const double share = static_cast<double>(skipped(r, "VET")) / cases;
        for (const json& d : r["deviations"])
            CHECK(d["skipped_percent"].get<double>() ==
                  doctest::Approx(100 * d["skipped"].get<double>() / cases));
        INFO(trust.code << ": VET skipped in " << share << " of CT cases, made with "
                        << trust.rates.ctNotVetted);
        CHECK(std::abs(share - trust.rates.ctNotVetted) < 0.06);
    }
}

TEST_CASE("the diff's JSON agrees with the log it was computed from") {
    const std::string map = demo().networkCtMap();
    const json stats = jsonOf(cli({"log", "stats", demo().ws, "--trust", "RWF", "--json"}));
    const json r =
        jsonOf(cli({"diff", demo().ws, map, "--trust", "RWF", "--top", "1000", "--json"}));
    CHECK(r["cases"] == stats["cases"]);
    CHECK(r["variants"] == stats["variants"]);
    // Every case of k events has k - 1 steps.
    std::int64_t steps = 0;
    double variantCases = 0;
    for (const json& t : r["transitions"]) {
        steps += t["count"].get<std::int64_t>();
        CHECK(t["median_s"].get<double>() <= t["p90_s"].get<double>());
    }
    CHECK(steps == stats["events"].get<std::int64_t>() - stats["cases"].get<std::int64_t>());
    double fitnessSum = 0, fitting = 0;
    for (const json& v : r["top_variants"]) {
        variantCases += v["count"].get<double>();
        fitnessSum += v["fitness"].get<double>() * v["count"].get<double>();
        if (v["fitness"] == 1.0) fitting += v["count"].get<double>();
    }
    CHECK(variantCases == r["cases"]);
    CHECK(r["average_trace_fitness"].get<double>() == doctest::Approx(fitnessSum / variantCases));
    CHECK(r["percentage_fitting"].get<double>() == doctest::Approx(100 * fitting / variantCases));
    CHECK(r["log_fitness"].get<double>() > 0.5);
    CHECK(r["log_fitness"].get<double>() < 1.0);
    // RWF's drawn map has no "started" step; its data does.
    bool staListed = false;
    for (const json& u : r["unmapped_activities"]) staListed = staListed || u["activity"] == "STA";
    CHECK(staListed);
}

TEST_CASE("filters narrow the cases, bad input is refused with the reason") {
    const std::string map = demo().networkCtMap();
    const auto casesOf = [&](std::vector<std::string> extra) {
        std::vector<std::string> args{"diff", demo().ws, map, "--trust", "RPC", "--json"};
        args.insert(args.end(), extra.begin(), extra.end());
        return jsonOf(cli(args))["cases"].get<std::int64_t>();
    };
    const auto all = casesOf({});
    const auto firstHalf = casesOf({"--from", "2025-01-01", "--to", "2025-06-30"});
    const auto secondHalf = casesOf({"--from", "2025-07-01", "--to", "2025-12-31"});
    CHECK(firstHalf > 0);
    CHECK(secondHalf > 0);
    CHECK(firstHalf + secondHalf == all);
    CHECK(casesOf({"--modality", "CT,MR"}) ==
          casesOf({"--modality", "CT"}) + casesOf({"--modality", "MR"}));
    CHECK(casesOf({"--modality", "NOSUCH"}) == 0);

    const auto badDate = cli({"diff", demo().ws, map, "--trust", "RPC", "--from", "1/2/2025"});
    CHECK(badDate.exitCode != 0);
    CHECK(badDate.err.find("--from takes a date as YYYY-MM-DD") != std::string::npos);
    const auto noTrust = cli({"diff", demo().ws, map, "--trust", "XYZ"});
    CHECK(noTrust.exitCode != 0);
    CHECK(noTrust.err.find("no trust with code XYZ") != std::string::npos);
}

TEST_CASE("compare puts every trust side by side, each against its own map or one for all") {
    const std::string network = demo().networkCtMap();
    const json own = jsonOf(cli({"compare", demo().ws, "--process", "CT outpatient pathway",
                                 "--interval", "RCV:VET", "--interval", "CMP:VER", "--json"}));
    REQUIRE(own.size() == 5);
    for (const json& row : own) {
        INFO(row.dump());
        CHECK(row["problem"].is_null());
        CHECK(row["map_name"].get<std::string>().find(row["trust"].get<std::string>()) !=
              std::string::npos);
        CHECK(row["cases"] == 3000);
        CHECK(row["log_fitness"].get<double>() > 0);
        CHECK(row["log_fitness"].get<double>() < 1);
        REQUIRE(row["intervals"].size() == 2);
        for (const json& span : row["intervals"]) {
            CHECK(span["cases"].get<int>() > 0);
            CHECK(span["median_s"].get<double>() <= span["p90_s"].get<double>());
        }
    }

    // One map for all: each row agrees with `diff` of that trust against it.
    const json shared = jsonOf(cli(
        {"compare", demo().ws, "--process", "CT outpatient pathway", "--map", network, "--json"}));
    for (const json& row : shared) {
        CHECK(std::to_string(row["map"].get<int>()) == network);
        const json one = jsonOf(cli(
            {"diff", demo().ws, network, "--trust", row["trust"].get<std::string>(), "--json"}));
        CHECK(row["log_fitness"].get<double>() ==
              doctest::Approx(one["log_fitness"].get<double>()));
        CHECK(row["percentage_fitting"].get<double>() ==
              doctest::Approx(one["percentage_fitting"].get<double>()));
    }
    // And diff's own intervals agree with compare's.
    for (const json& row : own) {
        const json one =
            jsonOf(cli({"diff", demo().ws, std::to_string(row["map"].get<int>()), "--trust",
                        row["trust"].get<std::string>(), "--interval", "RCV:VET", "--json"}));
        REQUIRE(one["intervals"].size() == 1);
        CHECK(one["intervals"][0]["median_s"] == row["intervals"][0]["median_s"]);
        CHECK(one["intervals"][0]["cases"] == row["intervals"][0]["cases"]);
    }

    const auto badInterval =
        cli({"compare", demo().ws, "--process", "CT outpatient pathway", "--interval", "RCV"});
    CHECK(badInterval.exitCode != 0);
    CHECK(badInterval.err.find("FROM:TO") != std::string::npos);
    const auto noProcess = cli({"compare", demo().ws, "--process", "Knitting"});
    CHECK(noProcess.exitCode != 0);
    CHECK(noProcess.err.find("no process named \"Knitting\"") != std::string::npos);
}

TEST_CASE("discover stores the process a trust's data shows as a draft map, laid out, that its "
          "cases fit") {
    TempDir dir;
    const std::string ws = dir.file("copy.strawman");
    REQUIRE(cli({"demo", ws, "--cases", "800", "--key-file", dir.file("k.key")}).exitCode == 0);
    const json made = jsonOf(cli({"discover", ws, "--trust", "RWF", "--process",
                                  "CT outpatient pathway", "--min-frequency", "0", "--json"}));
    const std::string id = std::to_string(made["map"].get<int>());
    CHECK(made["name"] == "CT outpatient pathway (RWF, as recorded)");
    CHECK(cli({"map", "validate", ws, id}).exitCode == 0);
    bool listed = false;
    for (const json& m : jsonOf(cli({"map", "list", ws, "--json"})))
        if (std::to_string(m["id"].get<int>()) == id) {
            listed = true;
            CHECK(m["trust"] == "RWF");
            CHECK(m["status"] == "draft");
        }
    CHECK(listed);
    // Laid out: no two nodes on one spot.
    const json map = jsonOf(cli({"map", "export", ws, id, "--format", "json"}));
    std::set<std::pair<int, int>> spots;
    for (const json& n : map["nodes"]) spots.insert({n["x"].get<int>(), n["y"].get<int>()});
    CHECK(spots.size() == map["nodes"].size());
    // Every step of the data is on it, so every case fits.
    const json r = jsonOf(cli({"diff", ws, id, "--trust", "RWF", "--json"}));
    CHECK(r["percentage_fitting"].get<double>() == doctest::Approx(100));

    const auto bad = cli({"discover", ws, "--trust", "RWF", "--process", "CT outpatient pathway",
                          "--min-frequency", "2"});
    CHECK(bad.exitCode != 0);
    CHECK(bad.err.find("--min-frequency is a share of cases from 0 to 1") != std::string::npos);

    SUBCASE("a process named for the first time is made, as map import does") {
        const auto before = jsonOf(cli({"process", "list", ws, "--json"})).size();
        const auto created = cli({"discover", ws, "--trust", "RWF", "--process", "CT as recorded"});
        REQUIRE(created.exitCode == 0);
        CHECK(created.out.find("created process \"CT as recorded\"") != std::string::npos);
        CHECK(jsonOf(cli({"process", "list", ws, "--json"})).size() == before + 1);
        bool drawn = false;
        for (const json& m : jsonOf(cli({"map", "list", ws, "--json"})))
            drawn = drawn || m["process"] == "CT as recorded";
        CHECK(drawn);
        // Nothing to discover from: no process is left behind.
        const auto none = cli({"discover", ws, "--trust", "RWF", "--process", "Knitting", "--from",
                               "2001-01-01", "--to", "2001-01-02"});
        CHECK(none.exitCode != 0);
        CHECK(jsonOf(cli({"process", "list", ws, "--json"})).size() == before + 1);
    }
}

TEST_CASE("each trust's own departure stands out against the network map") {
    // RN7 books before vetting, RWF has a DNA and rebooking loop, RPC outsources
    // reporting with long report times (sample/trust_profiles.cpp).
    const std::string map = demo().networkCtMap();
    std::map<std::string, double> bookedOutOfTurn, didNotAttend, reportMedian;
    for (const auto& trust : strawman::sample::trustProfiles()) {
        const std::string code(trust.code);
        const json r = jsonOf(
            cli({"diff", demo().ws, map, "--trust", code, "--interval", "CMP:VER", "--json"}));
        const double cases = r["cases"];
        for (const json& d : r["deviations"]) {
            if (d["activity"] == "BKD") bookedOutOfTurn[code] = d["inserted"].get<double>() / cases;
            if (d["activity"] == "DNA") didNotAttend[code] = d["inserted"].get<double>() / cases;
        }
        reportMedian[code] = r["intervals"][0]["median_s"];
    }
    const auto standsOut = [](const std::map<std::string, double>& values, const std::string& trust,
                              double factor) {
        for (const auto& [code, v] : values)
            if (code != trust && values.at(trust) < factor * v) return false;
        return true;
    };
    INFO("booked out of turn: RN7 " << bookedOutOfTurn["RN7"]);
    CHECK(bookedOutOfTurn["RN7"] > 0.5);
    CHECK(standsOut(bookedOutOfTurn, "RN7", 5));
    CHECK(standsOut(didNotAttend, "RWF", 2));
    CHECK(standsOut(reportMedian, "RPC", 1.8));
}
