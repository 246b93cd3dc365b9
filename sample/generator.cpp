#include "generator.h"

#include "case_simulator.h"
#include "case_writer.h"
#include "london_time.h"
#include "random.h"
#include "trust_profiles.h"

#include <map>
#include <mutex>
#include <stdexcept>

namespace strawman::sample {

namespace {

// Requests per day: weekends see about a third of a weekday's (A&E and wards).
constexpr double kWeekdayWeight = 1.0, kWeekendWeight = 0.35;

bool weekendDay(std::int64_t day) {
    const auto w = ((day % 7) + 11) % 7;
    return w == 0 || w == 6;
}

std::unique_ptr<CaseWriter> makeWriter(OutputFormat format, const TrustProfile& trust) {
    switch (format) {
    case OutputFormat::Csv:
        return makeCsvWriter(trust);
    case OutputFormat::Xes:
        return makeXesWriter(trust);
    case OutputFormat::Hl7:
        return makeHl7Writer(trust);
    case OutputFormat::Did:
        return makeDidWriter(trust);
    }
    throw std::invalid_argument("unknown output format");
}

} // namespace

GeneratorSummary generate(const GeneratorOptions& options, std::ostream& out) {
    const TrustProfile& trust = trustProfile(options.trust);
    std::int64_t first = 0, last = 0;
    if (!parseDate(options.from, first))
        throw std::invalid_argument("--from \"" + options.from + "\" is not a date (YYYY-MM-DD)");
    if (!parseDate(options.to, last))
        throw std::invalid_argument("--to \"" + options.to + "\" is not a date (YYYY-MM-DD)");
    if (last < first)
        throw std::invalid_argument("--to " + options.to + " is before --from " + options.from);
    if (options.cases < 0) throw std::invalid_argument("the number of cases cannot be negative");

    // Cumulative day weights: case i goes to the day where (i + u) / n of the
    // total weight falls, so request dates never decrease and weekdays are busier.
    // The table has one entry per day of the range, not per case.
    std::vector<double> cumulative;
    cumulative.reserve(static_cast<std::size_t>(last - first + 1));
    double total = 0;
    for (std::int64_t d = first; d <= last; ++d) {
        total += weekendDay(d) ? kWeekendWeight : kWeekdayWeight;
        cumulative.push_back(total);
    }

    const CaseSimulator simulator(trust, options.seed);
    auto writer = makeWriter(options.format, trust);
    Random placement(mixKeys(options.seed, 0xDA7E5ULL));
    GeneratorSummary summary;
    Case c;
    c.events.reserve(32);
    writer->begin(out);
    std::size_t day = 0;
    const auto n = static_cast<double>(options.cases);
    for (std::int64_t i = 0; i < options.cases; ++i) {
        const double target = (static_cast<double>(i) + placement.uniform()) / n * total;
        while (day + 1 < cumulative.size() && cumulative[day] <= target) ++day;
        simulator.simulate(i, first + static_cast<std::int64_t>(day), c);
        writer->write(c, out);
        ++summary.cases;
        summary.events += static_cast<std::int64_t>(c.events.size());
        if ((i & 0xFFF) == 0 && !out) throw std::runtime_error("cannot write the sample data");
    }
    writer->end(out);
    out.flush();
    if (!out) throw std::runtime_error("cannot write the sample data");
    return summary;
}

const std::vector<std::pair<std::string, std::string>>& localCodes(std::string_view trust) {
    static std::mutex lock;
    static std::map<std::string, std::vector<std::pair<std::string, std::string>>, std::less<>>
        tables;
    const TrustProfile& profile = trustProfile(trust);
    std::lock_guard guard(lock);
    auto it = tables.find(profile.code);
    if (it == tables.end()) {
        std::vector<std::pair<std::string, std::string>> rows;
        for (std::size_t a = 0; a < kActivityCount; ++a)
            rows.emplace_back(std::string(profile.localCodes[a]),
                              std::string(networkCode(static_cast<Activity>(a))));
        it = tables.emplace(std::string(profile.code), std::move(rows)).first;
    }
    return it->second;
}

std::vector<std::string> trustCodes() {
    std::vector<std::string> codes;
    for (const auto& p : trustProfiles()) codes.emplace_back(p.code);
    return codes;
}

std::string csvColumnSpec(std::string_view trust) {
    std::string spec;
    for (const auto& [column, name] : trustProfile(trust).columns) {
        std::string_view key;
        switch (column) {
        case Column::Accession:
            key = "case";
            break;
        case Column::Status:
            key = "activity";
            break;
        case Column::StatusTime:
            key = "timestamp";
            break;
        case Column::NhsNumber:
            key = "patient";
            break;
        case Column::Modality:
            key = "modality";
            break;
        case Column::Priority:
            key = "priority";
            break;
        case Column::PatientSource:
            key = "source";
            break;
        case Column::Site:
            key = "site";
            break;
        case Column::User:
            key = "resource";
            break;
        case Column::ExamCode:
            key = "examination";
            break;
        case Column::PatientName:
        case Column::ClinicalDetails:
            continue;
        }
        if (!spec.empty()) spec += ',';
        spec.append(key).append("=\"").append(name).append("\"");
    }
    return spec;
}

const std::vector<std::pair<std::string, std::string>>& hl7Codes() {
    static const std::vector<std::pair<std::string, std::string>> codes{
        {"ORC-1:NW", "REQ"}, {"ORC-5:RC", "RCV"}, {"ORC-5:VT", "VET"},      {"ORC-1:OC", "REJ"},
        {"ORC-5:PR", "PRO"}, {"ORC-5:SC", "BKD"}, {"SCH-25:Noshow", "DNA"}, {"ORC-5:AR", "ARR"},
        {"ORC-5:IP", "STA"}, {"ORC-5:CM", "CMP"}, {"OBR-25:P", "REP"},      {"OBR-25:F", "VER"},
        {"OBR-25:C", "ADD"}, {"ORC-1:CA", "CAN"}};
    return codes;
}

OutputFormat parseOutputFormat(std::string_view name) {
    if (name == "csv") return OutputFormat::Csv;
    if (name == "xes") return OutputFormat::Xes;
    if (name == "hl7") return OutputFormat::Hl7;
    if (name == "did") return OutputFormat::Did;
    throw std::invalid_argument("unknown format \"" + std::string(name) +
                                "\" (csv, xes, hl7 or did)");
}

} // namespace strawman::sample
