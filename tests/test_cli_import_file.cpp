// `strawman import` and the editor's import share model::importFile: the same
// file and options give the same report through either.
#include "cli_runner.h"

#include "model/events/import_report.h"
#include "model/events/pseudonym.h"
#include "model/store/workspace.h"
#include "model/use_cases/import_file.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using nlohmann::json;
using strawman::test::cli;
using strawman::test::jsonOf;
using strawman::test::TempDir;
using strawman::test::writeFile;
namespace model = strawman::model;

TEST_CASE("importFile gives the report strawman import prints, for the same file and options") {
    TempDir dir;
    const std::string key = dir.file("network.key");
    const std::string byCli = dir.file("cli.strawman"), byCall = dir.file("call.strawman");
    for (const auto& ws : {byCli, byCall})
        REQUIRE(cli({"demo", ws, "--cases", "0", "--key-file", key}).exitCode == 0);
    model::PseudonymKey::loadOrCreate(key); // one key for both, made before either import
    const std::string file = dir.file("extract.csv");
    writeFile(file, "Accession;Status;Event Time;Modality\n"
                    "A1;REQ;2025-03-03 09:00;CT\n"
                    "A1;RCV;03/03/2025 10:30;CT\n"
                    "A1;VET;not a time;CT\n"
                    "A2;REQ;2025-10-26 01:30;MR\n"
                    "A2;REQ;2025-10-26 01:30;MR\n"
                    "A2;SCANNED;2025-10-27 09:00;MR\n");

    const json printed =
        jsonOf(cli({"import", byCli, file, "--trust", "RVV", "--columns",
                    "case=Accession,activity=Status,timestamp=Event Time", "--delimiter", ";",
                    "--unmapped", "ignore", "--key-file", key, "--json"}));

    auto ws = model::Workspace::open(byCall);
    model::ImportRequest request;
    request.file = file;
    request.trust = "RVV";
    request.columns = "case=Accession,activity=Status,timestamp=Event Time";
    request.delimiter = ';';
    request.unmapped = model::UnmappedCodes::Ignore;
    request.keyFile = key;
    const json returned = json::parse(model::toJson(model::importFile(ws, request)));

    CHECK(printed["events_accepted"] == 4); // it read something worth comparing
    CHECK(printed["rows_rejected"] == 1);
    CHECK(returned == printed);
}
