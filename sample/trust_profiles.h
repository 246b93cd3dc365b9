// The five demo trusts as their RIS extracts show them: local status codes,
// CSV column names and timestamp style, sites, accession numbers, and each
// trust's departures from the network pathway
//   REQ→RCV→VET→(REJ | PRO→BKD→ARR→STA→CMP→REP?→VER)
// as rates. Every rate the generator uses lives here, in one place, so tests can
// measure the output against the same numbers.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace strawman::sample {

enum class Activity : std::uint8_t {
    REQ,
    RCV,
    VET,
    REJ,
    PRO,
    BKD,
    DNA,
    ARR,
    STA,
    CMP,
    REP,
    VER,
    ADD,
    CAN
};
inline constexpr std::size_t kActivityCount = 14;
std::string_view networkCode(Activity a);

enum class TimestampStyle {
    UkLocal,         // 26/10/2025 14:05          (Europe/London wall clock)
    UkLocalSeconds,  // 26/10/2025 14:05:07
    IsoLocal,        // 2025-10-26 14:05:07
    IsoLocalMinutes, // 2025-10-26 14:05
    IsoOffset,       // 2025-10-26T14:05:07+00:00
};

// What a CSV column holds; each trust names and orders them its own way.
enum class Column {
    Accession,
    Status,
    StatusTime,
    Modality,
    ExamCode,
    Priority,
    PatientSource,
    Site,
    NhsNumber,
    PatientName,
    ClinicalDetails,
    User,
};

struct Site {
    std::string_view code; // ODS site code, as in the DID
    std::string_view name;
};

struct DepartureRates {
    double bookBeforeVetting;    // of cases both booked and vetted: booked first
    double ctNotVetted;          // of CT cases: no vetting at all
    double dna;                  // of booked outpatient/GP appointments: did not attend
    double dnaAgain;             // of rebooked appointments: did not attend again
    double rebookAfterDna;       // after a DNA: booked again (else cancelled)
    double gpXrWalkIn;           // of GP X-ray: walk-in, never booked
    double outsourced;           // of reported examinations: reported by the outsourcing company
    double lateReport;           // in-house: completed → verified over 28 days
    double lateReportOutsourced; // outsourced: completed → verified over 28 days
    double rejected;             // of vetted requests: rejected at vetting
    double cancelled;            // of accepted requests: cancelled before the examination
    double addendum;             // of verified reports: an addendum later
    double preliminary;          // of in-house reports: a preliminary report first
};

struct TrustProfile {
    std::string_view code;
    std::string_view name;
    std::array<std::string_view, kActivityCount> localCodes;  // indexed by Activity
    std::vector<std::pair<Column, std::string_view>> columns; // CSV header, in order
    TimestampStyle timestamps;
    std::string_view accessionPrefix;
    std::vector<Site> sites; // the first is the main site
    DepartureRates rates;
};

const std::vector<TrustProfile>& trustProfiles();
// Throws std::invalid_argument naming the valid codes.
const TrustProfile& trustProfile(std::string_view code);

} // namespace strawman::sample
