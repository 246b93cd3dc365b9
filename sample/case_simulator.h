// One examination's life in a trust's RIS, from a seeded random stream: who
// asked for what, and the timestamped status changes that followed. Each case
// draws from its own stream (seed, trust, case number), so a case does not
// depend on the ones before it and the output is the same on every machine.
#pragma once

#include "london_time.h"
#include "synthetic_patients.h"
#include "trust_profiles.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace strawman::sample {

struct SimEvent {
    Activity activity;
    UtcSeconds time;
    std::string_view resource; // role or organisation (org:resource)
};

struct Exam {
    std::string_view modality; // XR, US, CT, MR, NM, DXA, FL, MG
    std::string_view code;     // NICIP-style code
    std::string_view name;
};

struct Case {
    std::int64_t number = 0;
    std::string accession; // the trust's accession number
    std::string placer;    // the requester's order number (HL7 ORC-2)
    SyntheticPatient patient;
    Exam exam;
    std::string_view priority;      // routine, urgent, 2WW, inpatient-urgent
    std::string_view patientSource; // GP, outpatient, inpatient, A&E
    const Site* site = nullptr;
    std::string_view clinicalDetails; // free text, as the requester wrote it
    bool outsourced = false;
    std::vector<SimEvent> events; // non-decreasing in time
};

class CaseSimulator {
  public:
    CaseSimulator(const TrustProfile& trust, std::uint64_t seed);
    // Fills out (reusing its storage) with case `number` requested on local day
    // `requestDay` (days since 1970-01-01).
    void simulate(std::int64_t number, std::int64_t requestDay, Case& out) const;

  private:
    const TrustProfile& m_trust;
    std::uint64_t m_seed;
    std::uint64_t m_trustKey;
};

} // namespace strawman::sample
