// The sample-data generator: realistic RIS data for the five demo trusts of the
// Kent & Medway network, seeded and deterministic (same options → same bytes on
// any machine), streamed in bounded memory whatever the number of cases.
// Cases are made in request-date order and written one after another, each
// case's events in time order (CSV rows are grouped by case, not sorted by time
// across cases).
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace strawman::sample {

enum class OutputFormat { Csv, Xes, Hl7, Did };

struct GeneratorOptions {
    std::string trust; // ODS code: RN7, RVV, RWF, RPA, RPC
    std::int64_t cases = 1000;
    std::uint64_t seed = 1;
    std::string from = "2025-01-01", to = "2025-12-31"; // request dates, inclusive, Europe/London
    OutputFormat format = OutputFormat::Csv;
};

struct GeneratorSummary {
    std::int64_t cases = 0;
    std::int64_t events = 0; // status changes simulated (DID writes one row per case)
};

// Throws std::invalid_argument for an unknown trust, a bad date or range, or a
// negative number of cases; std::runtime_error when the stream fails.
GeneratorSummary generate(const GeneratorOptions& options, std::ostream& out);

// The trust's own RIS status codes and the network code each means
// (REQ RCV VET REJ PRO BKD DNA ARR STA CMP REP VER ADD CAN).
const std::vector<std::pair<std::string, std::string>>& localCodes(std::string_view trust);

std::vector<std::string> trustCodes(); // the five, in a fixed order

// The trust's CSV columns as a column spec for the CSV importer
// (case="Accession No",activity="Status",timestamp="Status Date Time",...):
// the identifiers, names and free text are deliberately left out.
std::string csvColumnSpec(std::string_view trust);

// The codes model/hl7_reader reports for the HL7 messages this generator writes
// (e.g. "ORC-1:NW", "ORC-5:IP", "OBR-25:F", "SCH-25:Noshow") and the network
// code each means. The same for every trust: HL7 has no local status codes.
const std::vector<std::pair<std::string, std::string>>& hl7Codes();

// "csv", "xes", "hl7", "did" → format; throws std::invalid_argument otherwise.
OutputFormat parseOutputFormat(std::string_view name);

} // namespace strawman::sample
